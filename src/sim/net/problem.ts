/** A problem the validator finds in a scenario's addressing or references. */
import type { ElementKind } from '../model/schema';
import type { Message } from '../messages/index';

export type ProblemCode =
  | 'duplicate-id'
  | 'duplicate-name'
  | 'duplicate-ip'
  | 'cidr-overlap'
  | 'cidr-not-aligned'
  | 'ip-outside-subnet'
  | 'ip-reserved'
  | 'pod-cidr-outside-cluster'
  | 'pod-ip-outside-node-cidr'
  | 'pod-ip-outside-pool'
  | 'missing-reference'
  | 'gateway-not-router'
  | 'route-via-unreachable'
  | 'port-conflict'
  | 'cluster-ip-outside-range'
  | 'node-port-outside-range'
  | 'duplicate-node-port'
  | 'invalid-service'
  | 'target-port-unresolved'
  | 'no-cluster-dns'
  | 'not-an-ingress-controller';

export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  /** Element id the problem belongs to. */
  element: string;
  kind: ElementKind | 'cluster';
  /** The field at fault, e.g. `ip` or `podCidr`. */
  field?: string;
  /** What is wrong, as a message code and its parameters (rendered in the reader's language outside sim). */
  msg: Message;
}

/** How each check reports a problem: an error unless it says `severity: 'warning'`. */
export type AddProblem = (p: Omit<Problem, 'severity'> & { severity?: Problem['severity'] }) => void;
