/**
 * The machinery of simulator messages. The simulation never writes a sentence: it returns a
 * `Message`, a code and its parameters, and a formatter outside `sim` (src/i18n/sim) turns it into
 * English or Chinese. Each code declares the shape of its parameters here, so the compiler checks
 * every place that emits it and every dictionary that renders it, and tests can enumerate them all.
 *
 * Parameter kinds (a trailing `?` makes a parameter optional):
 * - `id`: a name, address, interface, chain, rule or other text printed as it is (never prose);
 * - `num`: a number (a port, TTL, count);
 * - `ids`: a list of `id`s (rendered as a list in the reader's language);
 * - `flag`: a yes/no that chooses a variant of the sentence;
 * - `msg`: another message, nested (a reason inside an explanation);
 * - a tuple of strings: one of these words (an enum such as a hook name), printed or chosen on.
 */

export type ParamKind = 'id' | 'id?' | 'num' | 'num?' | 'ids' | 'flag' | 'msg' | 'msg?' | readonly string[];

export type ParamSpec = Readonly<Record<string, ParamKind>>;

type Base<K> = K extends `${infer B}?` ? B : K;

/** The value type of a parameter kind, with `M` for nested messages. */
type ValueOf<K, M> = K extends readonly (infer E)[]
  ? E
  : Base<K> extends 'id'
    ? string
    : Base<K> extends 'num'
      ? number
      : Base<K> extends 'ids'
        ? readonly string[]
        : Base<K> extends 'flag'
          ? boolean
          : Base<K> extends 'msg'
            ? M
            : never;

type Optional<S> = { [P in keyof S]: S[P] extends `${string}?` ? P : never }[keyof S];

/** The parameters object of a spec: required keys, then optional ones. */
export type ParamsOf<S, M> = { -readonly [P in Exclude<keyof S, Optional<S>>]: ValueOf<S[P], M> } & {
  -readonly [P in Optional<S>]?: ValueOf<S[P], M>;
};
