/**
 * Rendering simulator messages (src/sim/messages) as sentences in the reader's language. Parameters
 * that are names, addresses or tool output come out marked, so the interface can set them in
 * monospace (`messageParts`) and tests can tell them from prose; `formatMessage` gives plain text.
 * Lists, numbers and plurals go through `Intl`.
 */
import { FIRST_LOAD_MESSAGE_SPECS, type Message, type MessageCode, type MessageSpecs, type ParamKind, type ParamSpec } from '../../sim/messages/index';
import type { ParamsOf } from '../../sim/messages/spec';
import type { Locale } from '../locale';

const OPEN = '\uE000';
const CLOSE = '\uE001';

/** Helpers a dictionary entry uses for what depends on the language's rules. */
export interface Fmt {
  /** "a, b and c" / "a、b 和 c" (Intl.ListFormat, conjunction). */
  list(items: readonly string[]): string;
  /** "a, b or c" (disjunction). */
  or(items: readonly string[]): string;
  /** A quantity, grouped as the language groups digits (Intl.NumberFormat). */
  count(n: number): string;
  /** The plural form of `n` in this language (Intl.PluralRules): `f.plural(n, { one: 'hop', other: 'hops' })`. */
  plural(n: number, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }): string;
  /** Set text as code (a name or tool output the dictionary writes itself, such as `ip_forward=1`). */
  code(text: string | number): string;
  /** A nested sentence set inside another one (in brackets, after a colon): without its own full stop. */
  clause(text: string): string;
}

/** What a dictionary entry receives: names and addresses already marked, nested messages already rendered. */
export type RenderParams<C extends MessageCode> = ParamsOf<MessageSpecs[C], string>;

export type SimDictionary = { readonly [C in MessageCode]: (p: RenderParams<C>, f: Fmt) => string };

const fmtCache = new Map<Locale, Fmt>();

function fmtFor(locale: Locale): Fmt {
  let f = fmtCache.get(locale);
  if (f) return f;
  const and = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const or = new Intl.ListFormat(locale, { style: 'long', type: 'disjunction' });
  const num = new Intl.NumberFormat(locale);
  const rules = new Intl.PluralRules(locale);
  // Chinese sets Latin names apart from 和/或 with a space (“a、b 和 c”), as it does around any Latin word.
  const spaced = (text: string) => (locale === 'zh-CN' ? text.replace(new RegExp(`${CLOSE}(和|或)${OPEN}`, 'g'), `${CLOSE} $1 ${OPEN}`) : text);
  f = {
    list: (items) => spaced(and.format(items)),
    or: (items) => spaced(or.format(items)),
    count: (n) => num.format(n),
    plural: (n, forms) => forms[rules.select(n)] ?? forms.other,
    code: (text) => `${OPEN}${text}${CLOSE}`,
    clause: (text) => text.replace(/[.。]\s*$/u, ''),
  };
  fmtCache.set(locale, f);
  return f;
}

const dictionaries = new Map<Locale, Partial<SimDictionary>>();

/**
 * The parameter shapes of the codes that can be rendered: files' and the send form's from the start,
 * the editor's with the editing code (./model-messages.ts), a trace's once the tracer's sentences are
 * here (./trace-messages.ts).
 */
const specs = new Map<string, ParamSpec>(Object.entries(FIRST_LOAD_MESSAGE_SPECS));

/** Make the parameter shapes of more codes known (a trace's, which load with the tracer). */
export function registerMessageSpecs(more: Readonly<Record<string, ParamSpec>>): void {
  for (const [code, spec] of Object.entries(more)) specs.set(code, spec);
}

/**
 * Make sentences available for a language, adding to what it has: English registers the editor's and
 * the send form's sentences at start-up and a trace's sentences with the tracer; another language
 * registers all of them with its pack.
 */
export function registerSimDictionary(locale: Locale, dict: Partial<SimDictionary>): void {
  dictionaries.set(locale, { ...dictionaries.get(locale), ...dict });
}

function prepare(locale: Locale, kinds: Record<string, ParamKind>, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const kind = kinds[name];
    const base = typeof kind === 'string' ? kind.replace('?', '') : 'enum';
    if (base === 'id') out[name] = `${OPEN}${String(value)}${CLOSE}`;
    else if (base === 'ids') out[name] = (value as readonly string[]).map((v) => `${OPEN}${v}${CLOSE}`);
    else if (base === 'msg') out[name] = render(locale, value as Message);
    else out[name] = value;
  }
  return out;
}

function render(locale: Locale, m: Message): string {
  const dict = dictionaries.get(locale) ?? dictionaries.get('en');
  const entry = (dict?.[m.code] ?? dictionaries.get('en')?.[m.code]) as ((p: unknown, f: Fmt) => string) | undefined;
  const spec = specs.get(m.code) as Record<string, ParamKind> | undefined;
  // A code whose sentence or parameter shape is not here is shown as the code (never a half-rendered sentence).
  if (!entry || !spec) return `${OPEN}${m.code}${CLOSE}`;
  return entry(prepare(locale, spec, m.params as Record<string, unknown>), fmtFor(locale));
}

/** One run of a rendered message: prose, or a name/address/tool output (`code`). */
export interface MessagePart {
  text: string;
  code?: true;
}

/** The message as runs of prose and code, for the interface to set code in monospace. */
export function messageParts(locale: Locale, m: Message): MessagePart[] {
  const parts: MessagePart[] = [];
  let depth = 0;
  let buf = '';
  const flush = (code: boolean) => {
    if (!buf) return;
    const last = parts[parts.length - 1];
    if (last && !!last.code === code) last.text += buf;
    else parts.push(code ? { text: buf, code: true } : { text: buf });
    buf = '';
  };
  for (const ch of render(locale, m)) {
    if (ch === OPEN) {
      if (depth === 0) flush(false);
      depth++;
    } else if (ch === CLOSE) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) flush(true);
    } else buf += ch;
  }
  flush(depth > 0);
  return parts;
}

/** The message as plain text. */
export function formatMessage(locale: Locale, m: Message): string {
  return render(locale, m).replace(/[\uE000\uE001]/g, '');
}
