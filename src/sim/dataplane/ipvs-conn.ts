/**
 * One entry of IPVS's own connection table as `ipvsadm -Lnc` prints it (ipvsadm.c list_conn:
 * "%-3s %02d:%02d  %-11s %-18s %-18s %s": protocol, expiry, state, client, virtual server, real
 * server). In masquerade forwarding IPVS un-NATs the replies from this table (ip_vs_reply4 at the
 * FORWARD and LOCAL_IN hooks, net/netfilter/ipvs/ip_vs_core.c handle_response), not conntrack's NAT.
 * Expiry is the protocol timeout left one second later: TCP ESTABLISHED 15 min, SYN_RECV 1 min, UDP 5 min.
 */
import type { Protocol } from '../model/schema';
import type { ConntrackEntry, Tuple } from './conntrack-entry';

export function ipvsConnLine(proto: Protocol, client: Tuple, virtual: Tuple, real: Tuple, replied: boolean): string {
  const p = proto.toUpperCase();
  const [expire, state] = p === 'UDP' ? ['04:59', 'UDP'] : replied ? ['14:59', 'ESTABLISHED'] : ['00:59', 'SYN_RECV'];
  const ep = (ip: string, port?: number) => `${ip}:${port ?? 0}`;
  return `${p.padEnd(3)} ${expire}  ${state.padEnd(11)} ${ep(client.src, client.sport).padEnd(18)} ${ep(virtual.dst, virtual.dport).padEnd(18)} ${ep(real.dst, real.dport)}`;
}

/** The `ipvsadm -Lnc` line of the connection an IPVS translation belongs to, once the reply was seen. */
export function ipvsEntryLine(e: ConntrackEntry): string {
  return ipvsConnLine(e.proto, e.orig, e.orig, e.translated, true);
}
