/**
 * The CLI's words: a trace result with every simulator message rendered in the chosen language.
 * Each hop keeps `msg` ({ code, params }) beside its sentence (`explain`), each drop reason beside
 * its `message`, so scripts match on codes and never parse prose.
 */
import { isLocale, LOCALES, type Locale } from '../i18n/locale';
import { formatMessage } from '../i18n/sim/index';
// The CLI speaks every language from the start (the app fetches one when it is chosen).
import '../i18n/all-locales';
import type { Message } from '../sim/index';
import { isMessageCode } from '../sim/tracer';

export { formatMessage };

function isMessage(v: unknown): v is Message {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Message).code === 'string' &&
    isMessageCode((v as Message).code) &&
    typeof (v as Message).params === 'object'
  );
}

/** A deep copy of `value` where every object carrying a `msg` also carries its sentence. */
export function withText<T>(value: T, locale: Locale): T {
  if (Array.isArray(value)) return value.map((v) => withText(v, locale)) as T;
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  const src = value as Record<string, unknown>;
  for (const [k, v] of Object.entries(src)) {
    if (k === 'msg' && isMessage(v)) {
      // Hops say what happened in `explain`; drop reasons in `message`.
      out['action' in src ? 'explain' : 'message'] = formatMessage(locale, v);
      out.msg = v;
    } else out[k] = withText(v, locale);
  }
  return out as T;
}

/** `--lang` from argv, read before full parsing so usage errors speak the same language. */
export function langArg(argv: readonly string[]): Locale | { error: string } {
  const i = argv.indexOf('--lang');
  if (i < 0) return 'en';
  const v = argv[i + 1];
  return isLocale(v) ? v : { error: `--lang must be ${LOCALES.join(' or ')}${v === undefined ? '' : `, not "${v}"`}` };
}
