import { stableHash } from '../trace/rng';
import type { PacketHeaders } from '../trace/types';

/** Linux's default net.ipv4.ip_local_port_range: where a client's source port comes from. */
export const EPHEMERAL_PORTS = [32768, 60999] as const;

/**
 * The ports MASQUERADE --random-fully draws from for a source port of 1024 or more: the kernel's
 * default NAT range when none is given (nf_nat_l4proto_unique_tuple in net/netfilter/nf_nat_proto.c:
 * min 1024, range 65535 - 1024 + 1), not the local ephemeral range.
 */
export const NAT_PORTS = [1024, 65535] as const;

/**
 * The outer UDP source port of an encapsulated packet (VXLAN): a hash of the inner flow within the
 * local port range, so ECMP can spread flows (vxlan_xmit_one -> udp_flow_src_port in the kernel,
 * with port_min/port_max defaulting to inet_get_local_port_range).
 */
export function encapSourcePort(pkt: PacketHeaders): number {
  const [lo, hi] = EPHEMERAL_PORTS;
  return lo + (stableHash(`${pkt.src}|${pkt.dst}|${pkt.sport}|${pkt.dport}|${pkt.proto}`) % (hi - lo + 1));
}
