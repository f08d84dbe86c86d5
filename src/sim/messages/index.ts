/**
 * Simulator messages: every sentence the simulation means is a `Message` (a code and its typed
 * parameters), rendered outside `sim` by src/i18n/sim in the reader's language.
 *
 * The types cover every code. At run time this module holds only the parameter shapes of what the
 * files and the send form say (`FIRST_LOAD_MESSAGE_SPECS`, in the first load); the editor's codes
 * (codes-model.ts) load with the editing code and the tracer, a trace's (codes-trace.ts) with the tracer, and the whole table is `./all.ts` (the CLI and tests).
 */
import type { ParamsOf, ParamSpec } from './spec';
import type { TRACE_CODES } from './codes-trace';
import type { MODEL_CODES } from './codes-model';
import { INPUT_CODES } from './codes-input';
import { SEND_CODES } from './codes-send';

export type { ParamKind, ParamSpec } from './spec';

/** The codes of files and the send form, with their parameter shapes: what the app can say before the editing code or the tracer is here. */
export const FIRST_LOAD_MESSAGE_SPECS = { ...INPUT_CODES, ...SEND_CODES } as const satisfies Record<string, ParamSpec>;

/** Every message code with its parameter shape (the table itself is ./all.ts). */
export type MessageSpecs = typeof TRACE_CODES & typeof MODEL_CODES & typeof FIRST_LOAD_MESSAGE_SPECS;
export type MessageCode = keyof MessageSpecs;

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
