/**
 * Where a hop's matched entry lives: which element's which tool prints it, on which line. Links a hop
 * to its highlighted line in the Inside view, and a line back to the hops that used it.
 */
import type { Scenario } from '../model/schema';
import { topology } from '../model/topology';
import type { Hop, HopMatch, TraceResult } from '../trace/types';
import { showNode, showPod, type InsideTool } from './index';

export interface MatchLocation {
  /** The element whose state holds the entry (the sender, for an ARP entry used on a subnet). */
  element: string;
  tool: InsideTool;
  /** 0-based line numbers in the tool's stdout (an IPVS match spans the virtual server and its real server). */
  lines: number[];
}

const TOOL_OF: Partial<Record<HopMatch['kind'], InsideTool>> = {
  route: 'ip-route',
  arp: 'ip-neigh',
  fdb: 'bridge-fdb',
  iptables: 'iptables-save',
  ipvs: 'ipvsadm',
  conntrack: 'conntrack',
};

const INSIDE_KINDS = new Set(['node', 'pod', 'router', 'client']);

/** The element whose tables a match on `hop` was read from. */
export function matchOwner(s: Scenario, hop: Hop, prev: Hop | undefined, m: HopMatch): string | undefined {
  const t = topology(s);
  if (INSIDE_KINDS.has(hop.kind)) return hop.at;
  // A frame switched on a subnet was addressed by its sender, from the sender's neighbour table.
  if (hop.kind === 'subnet' && m.kind === 'arp' && prev && INSIDE_KINDS.has(t.kindOf.get(prev.at) ?? '')) return prev.at;
  return undefined;
}

/** The 0-based lines of `text` (inside `*table` … COMMIT when `table` is given) that print `rule`. */
export function findLines(text: string, rule: string, table?: string): number[] {
  const lines = text.split('\n').map((l) => l.trimEnd());
  const wanted = rule.split('\n').map((l) => l.trimEnd());
  let from = 0;
  let to = lines.length;
  if (table) {
    const start = lines.indexOf(`*${table}`);
    if (start < 0) return [];
    from = start;
    const end = lines.indexOf('COMMIT', start);
    to = end < 0 ? lines.length : end;
  }
  for (let i = from; i < to; i++) {
    if (lines[i] !== wanted[0]) continue;
    if (wanted.length === 1) return [i];
    // The rest of a multi-line entry (an IPVS real server) follows its head, before the next head.
    const rest: number[] = [];
    for (const w of wanted.slice(1)) {
      let j = i + 1;
      while (j < to && lines[j] !== w && lines[j]!.startsWith('  ')) j++;
      if (lines[j] === w) rest.push(j);
    }
    return [i, ...rest];
  }
  return [];
}

const texts = new WeakMap<Scenario, Map<string, string>>();

/** A tool's stdout on an element (cached per scenario, except conntrack, which depends on the packets). */
export function toolText(s: Scenario, element: string, tool: InsideTool, results: TraceResult[] = []): string {
  let cache = texts.get(s);
  if (!cache) texts.set(s, (cache = new Map()));
  const key = `${element}|${tool}`;
  const live = tool === 'conntrack' || tool === 'ipvsadm-conns';
  if (!live && cache.has(key)) return cache.get(key)!;
  const kind = topology(s).kindOf.get(element);
  let text = '';
  try {
    text = kind === 'pod' ? showPod(s, element, tool).stdout : showNode(s, element, tool, { results }).stdout;
  } catch {
    text = '';
  }
  if (!live) cache.set(key, text);
  return text;
}

/** Where the match is printed, or undefined when no Inside tab prints it. */
export function locateMatch(s: Scenario, hop: Hop, prev: Hop | undefined, m: HopMatch, results: TraceResult[] = []): MatchLocation | undefined {
  // IPVS's connection table (the reply's un-NAT) is ipvsadm -Lnc; its virtual servers are ipvsadm -Ln.
  const tool = m.kind === 'ipvs' && m.table === 'connections' ? 'ipvsadm-conns' : TOOL_OF[m.kind];
  if (!tool || (m.kind === 'route' && m.table === 'local')) return undefined;
  const element = matchOwner(s, hop, prev, m);
  if (!element) return undefined;
  const lines = findLines(toolText(s, element, tool, results), m.rule, m.kind === 'iptables' ? m.table : undefined);
  return lines.length ? { element, tool, lines } : undefined;
}
