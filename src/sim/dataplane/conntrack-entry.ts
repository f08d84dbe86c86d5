/** A conntrack table entry: one NAT a node (or load balancer) applied, as the reply will need it undone. */
import type { Protocol } from '../model/schema';

export interface Tuple {
  src: string;
  sport?: number | undefined;
  dst: string;
  dport?: number | undefined;
}

export interface ConntrackEntry {
  /** The node (or element) that translated. */
  at: string;
  type: 'snat' | 'dnat';
  proto: Protocol;
  orig: Tuple;
  translated: Tuple;
  /** The rule that made the translation, for the hop inspector. */
  rule: string;
  /** IPVS made it (masquerade forwarding): IPVS's own table un-NATs the reply, not conntrack. */
  byIpvs?: boolean;
}
