/**
 * The stable list of reasons a packet is dropped. Codes never change meaning; the UI, the CLI and
 * tests match on them. Each has a default message (`reason.<code>`, worded by the dictionaries in
 * src/i18n/sim); the tracer adds the specifics with a message of its own.
 */
import { msg, type Message } from '../messages/index';

export const DROP_CODES = [
  'no-route',
  'not-l2-adjacent',
  'host-unreachable',
  'ttl-exceeded',
  'port-closed',
  'no-endpoints',
  'no-local-endpoints',
  'nxdomain',
  'dns-unavailable',
  'unknown-destination',
  'reply-mismatch',
  'loop-detected',
  'hairpin-disabled',
  'policy-denied',
] as const;

export type DropCode = (typeof DROP_CODES)[number];

/** The default message of a drop code. */
export function dropReasonMessage(code: DropCode): Message {
  return msg(`reason.${code}`);
}
