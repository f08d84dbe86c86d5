/** Simulator messages in the reader's language: `formatMessage(locale, message)` and `messageParts` for monospace names. */
import { registerSimDictionary } from './format';
import { enSim } from './en';
import { zhSim } from './zh-CN';

registerSimDictionary('en', enSim);
registerSimDictionary('zh-CN', zhSim);

export { formatMessage, messageParts, type MessagePart, type SimDictionary, type Fmt } from './format';
export { enSim, zhSim };

import { msg } from '../../sim/messages/index';
import { formatMessage as formatSim } from './format';
import type { Locale } from '../locale';
import type { FieldError } from '../../sim/index';

/** Field errors of a file or link as one line (`pods.2.ip: not an IPv4 address; …`) in `locale`. */
export function formatFieldErrors(locale: Locale, errors: readonly FieldError[]): string {
  return errors.map((e) => formatSim(locale, msg('input.at', { path: e.path, issue: e.msg }))).join(locale === 'zh-CN' ? '；' : '; ');
}
