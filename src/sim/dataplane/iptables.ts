/**
 * iptables rules as data: the matches and targets kube-proxy uses, printed the way `iptables-save`
 * prints them (iptables-walk.ts walks them).
 *
 * Printing follows iptables-save of the legacy backend: the IP header matches first (-s, -d, -p),
 * then each `-m` module in the order it was given, then the target. Strings are quoted the way
 * xtables_save_string() does it, the statistic probability is stored as lround(p * 2^31) and printed
 * with %.11f (iptables extensions/libxt_statistic.c), marks as --set-xmark value/mask (libxt_MARK).
 */
import type { DropCode } from '../trace/reasons';
import { parseCidr, type Cidr } from '../net/cidr';

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
  | { m: 'conntrack'; ctstate: string; not?: boolean };

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
  /** Lines of other programs' chains (flannel, Calico's felix), printed as they are, after kube-proxy's in a built-in chain. */
  foreign?: Map<string, string[]>;
  /** Another program's lines inserted at the top of a built-in chain (felix's jumps), printed before kube-proxy's. */
  foreignFirst?: Map<string, string[]>;
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
      return ` -m conntrack${m.not ? ' !' : ''} --ctstate ${m.ctstate}`;
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
    for (const l of t.foreignFirst?.get(c) ?? []) lines.push(l);
    for (const r of t.chains.get(c) ?? []) lines.push(r.text);
    for (const l of t.foreign?.get(c) ?? []) lines.push(l);
  }
  lines.push('COMMIT');
  return lines.join('\n') + '\n';
}
