/**
 * Message codes of the send form, said before the tracer is loaded: a destination it cannot read,
 * a source that cannot send, what the destination turned out to be, the tracer that could not be
 * fetched. Each entry is the code's parameter shape; see spec.ts for the kinds.
 */
import type { ParamSpec } from './spec';

/** ElementKind, translated by the dictionaries. */
export const KIND = ['subnet', 'router', 'node', 'pod', 'client', 'service', 'loadBalancer', 'ingress'] as const;

export const SEND_CODES = {
  'target.node-port': { dst: 'id', port: 'num', service: 'id' },
  'target.cluster-ip': { dst: 'id', port: 'num', service: 'id' },
  'target.lb-ip': { dst: 'id', port: 'num', service: 'id' },
  'target.node-address': { dst: 'id', port: 'num', service: 'id', node: 'id' },
  'target.address': { dst: 'id', port: 'num', service: 'id?' },
  'input.unknown-source': { from: 'id' },
  'input.cannot-send': { kind: KIND },
  'input.icmp-has-no-port': {},
  'input.needs-port': { proto: 'id' },
  'input.pick-no-address': {},
  'input.not-a-sender': {},
  'input.tracer-unavailable': {},
  'target.empty': {},
  'target.scheme': { scheme: 'id' },
  'target.invalid-url': { to: 'id' },
  'target.spaces': { to: 'id' },
  'target.port-range': { port: 'id' },
  'target.missing-address': {},
  'target.no-port': { to: 'id', example: 'id' },
  'target.bad-port': { port: 'id', example: 'id' },
} as const satisfies Record<string, ParamSpec>;
