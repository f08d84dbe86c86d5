/** Linux's default net.ipv4.ip_local_port_range: where a client's source port comes from. */
export const EPHEMERAL_PORTS = [32768, 60999] as const;
