/**
 * iptables rules as data: the matches and targets kube-proxy uses, printed the way `iptables-save`
 * prints them, and walked the way netfilter walks a chain (first match wins, jumps return, RETURN
 * and falling off a user chain go back to the caller, DNAT/MASQUERADE/ACCEPT/DROP/REJECT end the hook).
 *
 * Printing follows iptables-save of the legacy backend: the IP header matches first (-s, -d, -p),
 * then each `-m` module in the order it was given, then the target. Strings are quoted the way
 * xtables_save_string() does it, the statistic probability is stored as lround(p * 2^31) and printed
 * with %.11f (iptables extensions/libxt_statistic.c), marks as --set-xmark value/mask (libxt_MARK).
 */
import type { DropCode } from '../trace/reasons';
import { cidrContainsInt, ipToInt, parseCidr, type Cidr } from '../net/cidr';

export type Table = 'nat' | 'filter';

/** kube-proxy's masquerade bit: 1 << 14 (--iptables-masquerade-bit default 14). */
export const MASQ_MARK = 0x4000;
export type L4 = 'tcp' | 'udp' | 'sctp';

export interface AddrMatch {
  cidr: Cidr;
  not?: boolean;
}

export type Match =
  | { m: 'comment'; comment: string }
  | { m: 'l4'; proto: L4; dport?: number }
  | { m: 'statistic'; /** lround(p * 2^31), what the kernel keeps. */ threshold: number }
  | { m: 'recent'; op: 'set' | 'rcheck'; name: string; seconds?: number }
  | { m: 'addrtype'; dir: 'src' | 'dst'; not?: boolean }
  | { m: 'mark'; value: number; mask: number; not?: boolean }
  | { m: 'set'; name: string; flags: string }
  | { m: 'conntrack'; ctstate: string };

export type Target =
  | { j: 'jump'; chain: string }
  | { j: 'DNAT'; to: string }
  | { j: 'MARK'; value: number; mask: number }
  | { j: 'MASQUERADE'; randomFully: boolean }
  | { j: 'RETURN' | 'ACCEPT' | 'DROP' | 'REJECT' };

export interface Rule {
  chain: string;
  src?: AddrMatch;
  dst?: AddrMatch;
  proto?: L4;
  matches: Match[];
  target: Target;
  /** Why a DROP/REJECT here ends a trace (not printed). */
  reason?: DropCode;
  /** The rule as iptables-save prints it. */
  text: string;
}

export const BUILTIN_CHAINS: Record<Table, string[]> = {
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** One table of one node: chains in insertion order, each a rule list. */
export interface RuleTable {
  table: Table;
  chains: Map<string, Rule[]>;
  /** Lines of other programs' chains (flannel), printed as they are. */
  foreign?: Map<string, string[]>;
  /** Per chain, which rules can match a destination (built on first walk, dropped by addRule). */
  index?: Map<string, ChainIndex>;
}

/**
 * A walk visits only rules that can match the packet's destination: rules naming a single
 * destination address (`-d x/32`, as every per-Service rule does) are filed under it, the rest are
 * always candidates. Order is kept, so the first match is the same as in a full scan; this is what
 * keeps a walk through KUBE-SERVICES with hundreds of Services cheap (the kernel scans them all).
 */
interface ChainIndex {
  generic: number[];
  byDst: Map<number, number[]>;
}

function indexOf(t: RuleTable, chain: string, rules: Rule[]): ChainIndex {
  let all = t.index;
  if (!all) t.index = all = new Map();
  let idx = all.get(chain);
  if (idx) return idx;
  idx = { generic: [], byDst: new Map() };
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

export function newTable(table: Table): RuleTable {
  const chains = new Map<string, Rule[]>();
  for (const c of BUILTIN_CHAINS[table]) chains.set(c, []);
  return { table, chains };
}

export type RuleSpec = Omit<Rule, 'text' | 'src' | 'dst'> & { src?: string; notSrc?: boolean; dst?: string; notDst?: boolean };

/** Append a rule (creating its chain) and return it. */
export function addRule(t: RuleTable, spec: RuleSpec): Rule {
  const { src, notSrc, dst, notDst, ...rest } = spec;
  const rule: Rule = { ...rest, text: '' };
  if (src) rule.src = { cidr: parseCidr(src.includes('/') ? src : `${src}/32`), ...(notSrc ? { not: true } : {}) };
  if (dst) rule.dst = { cidr: parseCidr(dst.includes('/') ? dst : `${dst}/32`), ...(notDst ? { not: true } : {}) };
  rule.text = ruleText(rule);
  let list = t.chains.get(rule.chain);
  if (!list) t.chains.set(rule.chain, (list = []));
  list.push(rule);
  t.index?.delete(rule.chain);
  return rule;
}

export function ensureChain(t: RuleTable, chain: string): void {
  if (!t.chains.has(chain)) t.chains.set(chain, []);
}

/** The kernel's form of `--probability p` (lround(0x80000000 * p)). */
export function probabilityThreshold(p: number): number {
  return Math.round(0x80000000 * p);
}

/** kube-proxy writes 1/n with %0.10f (pkg/proxy/iptables/proxier.go computeProbability). */
export function kubeProxyProbability(n: number): string {
  return (1 / n).toFixed(10);
}

/** What iptables-save prints for a stored probability: %.11f of threshold / 2^31. */
export function savedProbability(threshold: number): string {
  return (threshold / 0x80000000).toFixed(11);
}

/** xtables_save_string(): bare when only [A-Za-z0-9_-], otherwise double-quoted with \ escapes. */
export function saveString(value: string): string {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return value;
  return `"${value.replace(/(["\\'])/g, '\\$1')}"`;
}

export function hex(n: number): string {
  return `0x${n.toString(16)}`;
}

function matchText(m: Match): string {
  switch (m.m) {
    case 'comment':
      return ` -m comment --comment ${saveString(m.comment)}`;
    case 'l4':
      return ` -m ${m.proto}${m.dport === undefined ? '' : ` --dport ${m.dport}`}`;
    case 'statistic':
      return ` -m statistic --mode random --probability ${savedProbability(m.threshold)}`;
    case 'recent':
      return m.op === 'set'
        ? ` -m recent --set --name ${m.name} --mask 255.255.255.255 --rsource`
        : ` -m recent --rcheck --seconds ${m.seconds} --reap --name ${m.name} --mask 255.255.255.255 --rsource`;
    case 'addrtype':
      return ` -m addrtype${m.not ? ' !' : ''} --${m.dir}-type LOCAL`;
    case 'mark':
      return ` -m mark${m.not ? ' !' : ''} --mark ${hex(m.value)}/${hex(m.mask)}`;
    case 'set':
      return ` -m set --match-set ${m.name} ${m.flags}`;
    case 'conntrack':
      return ` -m conntrack --ctstate ${m.ctstate}`;
  }
}

function targetText(t: Target): string {
  switch (t.j) {
    case 'jump':
      return ` -j ${t.chain}`;
    case 'DNAT':
      return ` -j DNAT --to-destination ${t.to}`;
    case 'MARK':
      return ` -j MARK --set-xmark ${hex(t.value)}/${hex(t.mask)}`;
    case 'MASQUERADE':
      return ` -j MASQUERADE${t.randomFully ? ' --random-fully' : ''}`;
    case 'REJECT':
      return ' -j REJECT --reject-with icmp-port-unreachable';
    default:
      return ` -j ${t.j}`;
  }
}

export function ruleText(r: Omit<Rule, 'text'>): string {
  let s = `-A ${r.chain}`;
  if (r.src) s += `${r.src.not ? ' !' : ''} -s ${r.src.cidr.text}`;
  if (r.dst) s += `${r.dst.not ? ' !' : ''} -d ${r.dst.cidr.text}`;
  if (r.proto) s += ` -p ${r.proto}`;
  for (const m of r.matches) s += matchText(m);
  return s + targetText(r.target);
}

/** The table as `iptables-save -t <table>` prints it: chain heads, then rules chain by chain. */
export function saveTable(t: RuleTable): string {
  const builtins = BUILTIN_CHAINS[t.table];
  const user = [...new Set([...t.chains.keys(), ...(t.foreign?.keys() ?? [])])].filter((c) => !builtins.includes(c)).sort();
  const lines = [`*${t.table}`];
  for (const c of builtins) lines.push(`:${c} ACCEPT [0:0]`);
  for (const c of user) lines.push(`:${c} - [0:0]`);
  for (const c of [...builtins, ...user]) {
    for (const r of t.chains.get(c) ?? []) lines.push(r.text);
    for (const l of t.foreign?.get(c) ?? []) lines.push(l);
  }
  lines.push('COMMIT');
  return lines.join('\n') + '\n';
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
        if (!m.ctstate.split(',').includes('NEW')) return false;
        break;
      case 'comment':
        break;
    }
  }
  return true;
}

/** Walk `chain` of `table` for a packet, following jumps; at most 64 nested calls. */
export function walk(t: RuleTable, chain: string, p: Probe): WalkResult {
  const res: WalkResult = { trail: [], mark: p.mark };
  const ints: Ints = { src: p.src ? ipToInt(p.src) : 0, dst: ipToInt(p.dst) };
  const visit = (name: string, depth: number): boolean => {
    if (depth > 64) throw new Error(`iptables chain nesting too deep at ${name}`);
    const rules = t.chains.get(name);
    if (!rules) return false;
    for (const k of candidates(indexOf(t, name, rules), ints.dst)) {
      const r = rules[k]!;
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
