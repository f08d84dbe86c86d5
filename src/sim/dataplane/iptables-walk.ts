/**
 * Walking iptables rules the way netfilter walks a chain: first match wins, a jump returns to the
 * caller at RETURN or at the end of a user chain, MARK goes on, DNAT/MASQUERADE/ACCEPT/DROP/REJECT
 * end the hook. Matches are evaluated against a probe of the packet and the node.
 */
import { cidrContainsInt, ipToInt } from '../net/cidr';
import { MASQ_MARK, type AddrMatch, type Rule, type RuleTable } from './iptables';

/**
 * A walk visits only rules that can match the packet's destination: rules naming a single
 * destination address (`-d x/32`, as every per-Service rule does) are filed under it, the rest are
 * always candidates. Order is kept, so the first match is the same as in a full scan; this is what
 * keeps a walk through KUBE-SERVICES with hundreds of Services cheap (the kernel scans them all).
 */
interface ChainIndex {
  size: number;
  generic: number[];
  byDst: Map<number, number[]>;
}

const indexes = new WeakMap<RuleTable, Map<string, ChainIndex>>();

function indexOf(t: RuleTable, chain: string, rules: Rule[]): ChainIndex {
  let all = indexes.get(t);
  if (!all) indexes.set(t, (all = new Map()));
  let idx = all.get(chain);
  // Chains only grow (addRule appends): an index of another length is stale.
  if (idx && idx.size === rules.length) return idx;
  idx = { size: rules.length, generic: [], byDst: new Map() };
  rules.forEach((r, i) => {
    if (r.dst && !r.dst.not && r.dst.cidr.prefix === 32) {
      const list = idx!.byDst.get(r.dst.cidr.network);
      if (list) list.push(i);
      else idx!.byDst.set(r.dst.cidr.network, [i]);
    } else idx!.generic.push(i);
  });
  all.set(chain, idx);
  return idx;
}

/** Candidate rule positions for a destination, in chain order. */
function candidates(idx: ChainIndex, dst: number): number[] {
  const exact = idx.byDst.get(dst);
  if (!exact) return idx.generic;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < idx.generic.length || j < exact.length) {
    if (j >= exact.length || (i < idx.generic.length && idx.generic[i]! < exact[j]!)) out.push(idx.generic[i++]!);
    else out.push(exact[j++]!);
  }
  return out;
}

/** What a walk needs to know about the packet and the node. */
export interface Probe {
  src: string;
  dst: string;
  proto: string;
  dport?: number;
  /** The 0x4000 masquerade bit. */
  mark: boolean;
  /** addrtype LOCAL: an address of this node. */
  isLocal(ip: string): boolean;
  /** A uniform 31-bit random number, as the statistic match draws it. */
  random31(): number;
  /** ipset membership for `-m set --match-set name flags`. */
  inSet?(name: string, flags: string): boolean;
  recentCheck?(name: string, seconds: number): boolean;
  recentSet?(name: string): void;
}

export interface WalkResult {
  /** The terminating verdict, or undefined when the packet fell through every chain (policy ACCEPT). */
  verdict?: 'DNAT' | 'MASQUERADE' | 'ACCEPT' | 'DROP' | 'REJECT';
  dnat?: string;
  /** The rule that ended the walk. */
  final?: Rule;
  /** Every rule that matched, in order. */
  trail: Rule[];
  mark: boolean;
}

function addrMatches(a: AddrMatch | undefined, ip: number): boolean {
  if (!a) return true;
  return cidrContainsInt(a.cidr, ip) !== Boolean(a.not);
}

/** The probe's addresses as integers, computed once per walk (rules compare thousands of times). */
interface Ints {
  src: number;
  dst: number;
}

function matches(r: Rule, p: Probe, mark: boolean, ints: Ints): boolean {
  if (!addrMatches(r.dst, ints.dst) || !addrMatches(r.src, ints.src)) return false;
  if (r.proto && r.proto !== p.proto) return false;
  for (const m of r.matches) {
    switch (m.m) {
      case 'l4':
        if (p.proto !== m.proto || (m.dport !== undefined && p.dport !== m.dport)) return false;
        break;
      case 'statistic':
        if (!(p.random31() < m.threshold)) return false;
        break;
      case 'recent':
        if (m.op === 'rcheck' && !p.recentCheck?.(m.name, m.seconds ?? 0)) return false;
        if (m.op === 'set') p.recentSet?.(m.name);
        break;
      case 'addrtype':
        if (p.isLocal(m.dir === 'src' ? p.src : p.dst) === Boolean(m.not)) return false;
        break;
      case 'mark': {
        const has = mark && (m.value & m.mask) !== 0;
        if (has === Boolean(m.not)) return false;
        break;
      }
      case 'set':
        if (!p.inSet?.(m.name, m.flags)) return false;
        break;
      case 'conntrack':
        // Traced requests are the first packet of a connection: conntrack state NEW.
        if (m.ctstate.split(',').includes('NEW') === Boolean(m.not)) return false;
        break;
      case 'comment':
        break;
    }
  }
  return true;
}

/**
 * Rules produced on demand (kubeproxy-lazy.ts): for a chain, every rule that can match a packet to
 * `dst` (and the probe's protocol and port), in chain order; undefined when the chain does not exist.
 */
export interface ChainSource {
  rules(chain: string, dst: number, p: Probe): Rule[] | undefined;
}

function isTable(t: RuleTable | ChainSource): t is RuleTable {
  return 'chains' in t;
}

/** Walk `chain` of `table` (a whole table, or rules produced on demand) for a packet, following jumps; at most 64 nested calls. */
export function walk(t: RuleTable | ChainSource, chain: string, p: Probe): WalkResult {
  const res: WalkResult = { trail: [], mark: p.mark };
  const ints: Ints = { src: p.src ? ipToInt(p.src) : 0, dst: ipToInt(p.dst) };
  const ruleList = (name: string): Rule[] | undefined => {
    if (!isTable(t)) return t.rules(name, ints.dst, p);
    const rules = t.chains.get(name);
    if (!rules) return undefined;
    return candidates(indexOf(t, name, rules), ints.dst).map((k) => rules[k]!);
  };
  const visit = (name: string, depth: number): boolean => {
    if (depth > 64) throw new Error(`iptables chain nesting too deep at ${name}`);
    const rules = ruleList(name);
    if (!rules) return false;
    for (const r of rules) {
      if (!matches(r, p, res.mark, ints)) continue;
      res.trail.push(r);
      const tg = r.target;
      switch (tg.j) {
        case 'jump':
          if (visit(tg.chain, depth + 1)) return true;
          break;
        case 'MARK':
          // --set-xmark value/mask: mark = (mark & ~mask) ^ value; only the 0x4000 bit is modelled.
          res.mark = ((((res.mark ? MASQ_MARK : 0) & ~tg.mask) ^ tg.value) & MASQ_MARK) !== 0;
          break;
        case 'RETURN':
          return false;
        case 'DNAT':
          res.verdict = 'DNAT';
          res.dnat = tg.to;
          res.final = r;
          return true;
        default:
          res.verdict = tg.j;
          res.final = r;
          return true;
      }
    }
    return false;
  };
  visit(chain, 0);
  return res;
}
