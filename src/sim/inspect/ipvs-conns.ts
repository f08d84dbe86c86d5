/**
 * `ipvsadm -Lnc` on a node in IPVS mode: IPVS's own connection table, one line per connection it
 * scheduled (client, virtual server, real server). IPVS un-NATs the replies from this table, not
 * from a DNAT rule. The line format is dataplane/ipvs-conn.ts's (ipvsadm's list_conn).
 */
import type { PathResult, TraceResult } from '../trace/types';
import { ipvsConnLine } from '../dataplane/ipvs-conn';

function entries(request: PathResult, reply: PathResult | undefined, nodeId: string): string[] {
  const out: string[] = [];
  request.hops.forEach((h, i) => {
    if (h.at !== nodeId || h.action !== 'dnat' || !h.match?.some((m) => m.kind === 'ipvs')) return;
    const before = request.hops[i - 1]?.packet;
    if (!before) return;
    const replied = reply !== undefined && reply.hops.some((x) => x.at === nodeId);
    out.push(ipvsConnLine(h.packet.proto, before, before, h.packet, replied));
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
