/**
 * Every message code with its parameter shape, as one table: the one list the dictionaries and tests
 * enumerate, and what the CLI checks a code against. The app does not load it before the first paint
 * (a trace's codes come with the tracer, src/sim/tracer.ts); see ./index.ts.
 */
import { TRACE_CODES } from './codes-trace';
import { EDITOR_MESSAGE_SPECS, type MessageCode, type MessageSpecs } from './index';

export const MESSAGE_SPECS: MessageSpecs = { ...TRACE_CODES, ...EDITOR_MESSAGE_SPECS };

export const MESSAGE_CODES = Object.keys(MESSAGE_SPECS) as MessageCode[];

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGE_SPECS, code);
}
