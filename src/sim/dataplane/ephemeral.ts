/** Linux's default net.ipv4.ip_local_port_range: where a client's source port comes from. */
export const EPHEMERAL_PORTS = [32768, 60999] as const;

/**
 * The ports MASQUERADE --random-fully draws from for a source port of 1024 or more: the kernel's
 * default NAT range when none is given (nf_nat_l4proto_unique_tuple in net/netfilter/nf_nat_proto.c:
 * min 1024, range 65535 - 1024 + 1), not the local ephemeral range.
 */
export const NAT_PORTS = [1024, 65535] as const;
