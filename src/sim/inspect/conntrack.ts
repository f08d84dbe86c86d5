/**
 * `conntrack -L` on a node after some packets: one entry per connection that crossed the node (NAT or
 * not), built from the traces' hops: the original tuple is the packet as it reached the node, the
 * reply tuple the reverse of the packet as it left (so it shows every NAT the node applied), and
 * the entry has seen a reply when the reply path crossed the node too. A VXLAN packet adds the
 * outer UDP 8472 flow on both nodes (never answered in its own direction).
 */
import type { Hop, PathResult, PacketHeaders, TraceResult } from '../trace/types';
import { conntrackLine, replyTupleOf, type Connection, type Tuple } from '../dataplane/conntrack';
import { stableHash } from '../trace/rng';

function tuple(p: PacketHeaders): Tuple {
  return { src: p.src, dst: p.dst, ...(p.sport !== undefined ? { sport: p.sport } : {}), ...(p.dport !== undefined ? { dport: p.dport } : {}) };
}

interface Run {
  first: number;
  last: number;
}

function runsAt(hops: Hop[], at: string): Run[] {
  const out: Run[] = [];
  hops.forEach((h, i) => {
    if (h.at !== at) return;
    const prev = out[out.length - 1];
    if (prev && prev.last === i - 1) prev.last = i;
    else out.push({ first: i, last: i });
  });
  return out;
}

function key(c: Connection): string {
  return `${c.proto}|${JSON.stringify(c.orig)}`;
}

/** The connections one request/reply pair leaves in `nodeId`'s table. */
function connectionsOf(request: PathResult, reply: PathResult | undefined, nodeId: string): Connection[] {
  const out: Connection[] = [];
  const hops = request.hops;
  for (const run of runsAt(hops, nodeId)) {
    const end = hops[run.last]!;
    if (end.action === 'drop') continue; // never confirmed: the packet died before POSTROUTING/INPUT
    const arrived = run.first > 0 ? hops[run.first - 1]!.packet : hops[run.first]!.packet;
    const left = end.packet;
    const proto = left.proto;
    const orig = tuple({ ...arrived, src: arrived.src || left.src });
    const replied = reply !== undefined && reply.hops.some((h) => h.at === nodeId);
    const c: Connection = { proto, orig, reply: replyTupleOf(tuple(left)), replied };
    if (proto === 'icmp') c.icmpId = stableHash(`${orig.src}|${orig.dst}`) % 65536;
    out.push(c);
    // The VXLAN outer flow this node sent or received.
    for (let i = run.first; i <= run.last; i++) {
      const h = hops[i]!;
      const outer = h.action === 'encapsulate' ? h.packet.outer : h.action === 'decapsulate' ? hops[i - 1]?.packet.outer : undefined;
      if (!outer) continue;
      const o: Tuple = { src: outer.src, dst: outer.dst, sport: outer.sport, dport: outer.dport };
      out.push({ proto: 'udp', orig: o, reply: replyTupleOf(o), replied: false });
    }
  }
  return out;
}

/** Every connection the given traces left on a node, oldest first, one entry each. */
export function nodeConnections(results: TraceResult[], nodeId: string): Connection[] {
  const seen = new Map<string, Connection>();
  const add = (list: Connection[]) => {
    for (const c of list) {
      const k = key(c);
      const had = seen.get(k);
      if (had) had.replied ||= c.replied;
      else seen.set(k, c);
    }
  };
  for (const r of results) {
    if (r.dns) add(connectionsOf(r.dns, r.dns.reply, nodeId));
    add(connectionsOf(r, r.reply, nodeId));
    if (r.upstream) add(connectionsOf(r.upstream.request, r.upstream.reply, nodeId));
  }
  return [...seen.values()];
}

/** `conntrack -L` output: the entries on stdout, the summary conntrack-tools prints on stderr. */
export function conntrackList(results: TraceResult[], nodeId: string): { stdout: string; stderr: string } {
  const list = nodeConnections(results, nodeId);
  return {
    stdout: list.map((c) => conntrackLine(c) + '\n').join(''),
    stderr: `conntrack v1.4.7 (conntrack-tools): ${list.length} flow entries have been shown.\n`,
  };
}
