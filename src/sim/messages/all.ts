/**
 * Every message code with its parameter shape, as one table: the one list the dictionaries and tests
 * enumerate, and what the CLI checks a code against. The app does not load it before the first paint
 * (the editor's codes come with the editing code, a trace's with the tracer); see ./index.ts.
 */
import { TRACE_CODES } from './codes-trace';
import { MODEL_CODES } from './codes-model';
import { FIRST_LOAD_MESSAGE_SPECS, type MessageCode, type MessageSpecs } from './index';

export const MESSAGE_SPECS: MessageSpecs = { ...TRACE_CODES, ...MODEL_CODES, ...FIRST_LOAD_MESSAGE_SPECS };

export const MESSAGE_CODES = Object.keys(MESSAGE_SPECS) as MessageCode[];

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGE_SPECS, code);
}
