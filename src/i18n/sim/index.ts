/** Simulator messages in the reader's language: `formatMessage(locale, message)` and `messageParts` for monospace names. */
import { registerSimDictionary } from './format';
import { enInput } from './en-input';
import { enSend } from './en-send';

// English for files and the send form is built in; the editor's sentences (validation, refused edits)
// come with its code (./model-messages.ts), a trace's with the tracer (./trace-messages.ts); other languages register everything with their pack (src/i18n/pack.*.ts).
registerSimDictionary('en', { ...enInput, ...enSend });

export { formatMessage, messageParts, registerSimDictionary, type MessagePart, type SimDictionary, type Fmt } from './format';

import { msg } from '../../sim/messages/index';
import { formatMessage as formatSim } from './format';
import type { Locale } from '../locale';
import type { FieldError } from '../../sim/index';

/** Field errors of a file or link as one line (`pods.2.ip: not an IPv4 address; …`) in `locale`. */
export function formatFieldErrors(locale: Locale, errors: readonly FieldError[]): string {
  return errors.map((e) => formatSim(locale, msg('input.at', { path: e.path, issue: e.msg }))).join(locale === 'zh-CN' ? '；' : '; ');
}
