/**
 * Simulator messages: every sentence the simulation means is a `Message` (a code and its typed
 * parameters), rendered outside `sim` by src/i18n/sim in the reader's language.
 */
import type { ParamsOf, ParamSpec } from './spec';
import { TRACE_CODES } from './codes-trace';
import { MODEL_CODES } from './codes-model';
import { INPUT_CODES } from './codes-input';

export type { ParamKind, ParamSpec } from './spec';

/** Every message code with its parameter shape: the one list the dictionaries and tests enumerate. */
export const MESSAGE_SPECS = { ...TRACE_CODES, ...MODEL_CODES, ...INPUT_CODES } as const satisfies Record<string, ParamSpec>;

export type MessageSpecs = typeof MESSAGE_SPECS;
export type MessageCode = keyof MessageSpecs;
export const MESSAGE_CODES = Object.keys(MESSAGE_SPECS) as MessageCode[];

/** The parameters of `C`, as the simulation fills them in. */
export type MessageParams<C extends MessageCode> = ParamsOf<MessageSpecs[C], Message>;

/** One message: a code and its parameters (the union of every code's shape, so `code` narrows `params`). */
export type Message<C extends MessageCode = MessageCode> = { [K in C]: { code: K; params: MessageParams<K> } }[C];

/** Build a message; the compiler checks the parameters against the code's shape. */
export function msg<C extends MessageCode>(
  code: C,
  ...params: keyof MessageParams<C> extends never ? [] | [MessageParams<C>] : [MessageParams<C>]
): Message<C> {
  return { code, params: (params[0] ?? {}) as MessageParams<C> } as Message<C>;
}

export function isMessageCode(code: string): code is MessageCode {
  return Object.prototype.hasOwnProperty.call(MESSAGE_SPECS, code);
}
