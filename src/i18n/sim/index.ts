/** Simulator messages in the reader's language: `formatMessage(locale, message)` and `messageParts` for monospace names. */
import { registerSimDictionary } from './format';
import { enSim } from './en';

// English is built in; other languages register with their pack (src/i18n/pack.*.ts).
registerSimDictionary('en', enSim);

export { formatMessage, messageParts, registerSimDictionary, type MessagePart, type SimDictionary, type Fmt } from './format';
export { enSim };

import { msg } from '../../sim/messages/index';
import { formatMessage as formatSim } from './format';
import type { Locale } from '../locale';
import type { FieldError } from '../../sim/index';

/** Field errors of a file or link as one line (`pods.2.ip: not an IPv4 address; …`) in `locale`. */
export function formatFieldErrors(locale: Locale, errors: readonly FieldError[]): string {
  return errors.map((e) => formatSim(locale, msg('input.at', { path: e.path, issue: e.msg }))).join(locale === 'zh-CN' ? '；' : '; ');
}
