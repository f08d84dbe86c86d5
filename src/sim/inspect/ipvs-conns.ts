/**
 * `ipvsadm -Lnc` on a node in IPVS mode: IPVS's own connection table, one line per connection it
 * scheduled (client, virtual server, real server). IPVS un-NATs the replies from this table, not
 * from a DNAT rule. Format of ipvsadm's list_conn: "%-3s %02d:%02d  %-11s %-18s %-18s %s"; expiry is
 * the protocol timeout left (TCP ESTABLISHED 15 min, SYN_RECV 1 min, UDP 5 min) one second later.
 */
import type { PathResult, TraceResult } from '../trace/types';

function entries(request: PathResult, reply: PathResult | undefined, nodeId: string): string[] {
  const out: string[] = [];
  request.hops.forEach((h, i) => {
    if (h.at !== nodeId || h.action !== 'dnat' || !h.match?.some((m) => m.kind === 'ipvs')) return;
    const before = request.hops[i - 1]?.packet;
    if (!before) return;
    const proto = h.packet.proto.toUpperCase();
    const replied = reply !== undefined && reply.hops.some((x) => x.at === nodeId);
    const [expire, state] = proto === 'UDP' ? ['04:59', 'UDP'] : replied ? ['14:59', 'ESTABLISHED'] : ['00:59', 'SYN_RECV'];
    const ep = (ip: string, port?: number) => `${ip}:${port ?? 0}`;
    out.push(`${proto.padEnd(3)} ${expire}  ${state.padEnd(11)} ${ep(before.src, before.sport).padEnd(18)} ${ep(before.dst, before.dport).padEnd(18)} ${ep(h.packet.dst, h.packet.dport)}`);
  });
  return out;
}

export function ipvsConnections(results: TraceResult[], nodeId: string): string {
  const lines = ['IPVS connection entries', 'pro expire state       source             virtual            destination'];
  for (const r of results) {
    if (r.dns) lines.push(...entries(r.dns, r.dns.reply, nodeId));
    lines.push(...entries(r, r.reply, nodeId));
    if (r.upstream) lines.push(...entries(r.upstream.request, r.upstream.reply, nodeId));
  }
  return lines.join('\n') + '\n';
}
