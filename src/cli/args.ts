/** Argument parsing for the `trace` command (pure; the entry point does the I/O). */
import { parseTargetText, type Protocol } from '../sim/index';
import type { Message } from '../sim/index';
import type { Locale } from '../i18n/locale';
import { render, say, type CliText, type CliWord, type WordParams } from './words';

export interface TraceArgs {
  /** The first file (a scenario .json, or the first manifest .yaml/.yml). */
  file: string;
  /** Every file given: .yaml/.yml are Kubernetes manifests, .json the scenario format. */
  files: string[];
  /** --cluster: the scenario file the manifests are placed on. */
  cluster?: string;
  /** --export-yaml: print the scenario's workloads, Services, Ingresses and NetworkPolicies as manifests instead of tracing. */
  exportYaml: boolean;
  /** --show endpointslices: print the Services' EndpointSlices (--service narrows to one). */
  show?: string;
  service?: string;
  from: string;
  to: string;
  /** --node NAME / --pod NAME with --show TOOL: print what a tool prints there (see show.ts). */
  node?: string;
  pod?: string;
  table?: 'nat' | 'filter';
  /** Trace a scenario the validator finds problems in (problems go to stderr). */
  allowInvalid?: boolean;
  port?: number;
  proto?: Protocol;
  seed: number;
  count: number;
  lang: Locale;
}

/** The usage lines in English (`usage(lang)` in any language). */
export const USAGE = say('en', 'usage');

/** A bad command line: `text` is said in the language of --lang (`Error.message` is the English). */
export class UsageError extends Error {
  readonly text: CliText;
  constructor(text: CliText) {
    super(render('en', text));
    this.text = text;
  }
  /** One of the CLI's own lines. */
  static of(key: CliWord, params?: WordParams): UsageError {
    return new UsageError(params ? { key, params } : { key });
  }
  /** A problem the simulator words (a malformed destination). */
  static msg(m: Message): UsageError {
    return new UsageError({ msg: m });
  }
}

/** Split "web:80" / "10.96.0.20:80" into destination and port; URLs and bare names pass through. */
export function splitDestination(to: string): { to: string; port?: number } {
  const r = parseTargetText(to);
  if (!r.ok) throw UsageError.msg(r.error);
  return r.port === undefined ? { to: r.to } : { to: r.to, port: r.port };
}

/** `--proto must be tcp, udp or icmp, not "sctp"` (the choices listed as the language lists them). */
export function choiceError(option: string, choices: readonly string[], value: string, key: CliWord = 'oneOf'): UsageError {
  return UsageError.of(key, { option, value, choices });
}

function intArg(name: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw UsageError.of('needsWholeNumber', { option: name });
  const n = Number(value);
  if (n < min || n > max) throw UsageError.of('between', { option: name, min, max });
  return n;
}

export function parseTraceArgs(argv: string[]): TraceArgs {
  const files: string[] = [];
  let cluster: string | undefined;
  let exportYaml = false;
  let show: string | undefined;
  let service: string | undefined;
  let from: string | undefined;
  let to: string | undefined;
  let proto: Protocol | undefined;
  let seed = 1;
  let count = 1;
  const extra: Pick<TraceArgs, 'node' | 'pod' | 'table' | 'allowInvalid'> = {};
  let lang: Locale = 'en';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw UsageError.of('needsValue', { option: a });
      return v;
    };
    switch (a) {
      case '--from':
        from = value();
        break;
      case '--to':
        to = value();
        break;
      case '--proto': {
        const v = value();
        if (v !== 'tcp' && v !== 'udp' && v !== 'icmp') throw choiceError('--proto', ['tcp', 'udp', 'icmp'], v);
        proto = v;
        break;
      }
      case '--seed':
        seed = intArg('--seed', value(), 0, 2 ** 32 - 1);
        break;
      case '--cluster':
        cluster = value();
        break;
      case '--export-yaml':
        exportYaml = true;
        break;
      case '--show':
        show = value();
        break;
      case '--service':
        service = value();
        break;
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'zh-CN') throw choiceError('--lang', ['en', 'zh-CN'], v);
        lang = v;
        break;
      }
      case '--count':
        count = intArg('--count', value(), 1, 100000);
        break;
      case '--node':
        extra.node = value();
        break;
      case '--pod':
        extra.pod = value();
        break;
      case '--table': {
        const v = value();
        if (v !== 'nat' && v !== 'filter') throw choiceError('--table', ['nat', 'filter'], v);
        extra.table = v;
        break;
      }
      case '--allow-invalid':
        extra.allowInvalid = true;
        break;
      default:
        if (a.startsWith('--')) throw UsageError.of('unknownOption', { option: a });
        if (files.length > 0 && !/\.ya?ml$/i.test(a) && !files.some((f) => /\.ya?ml$/i.test(f))) throw UsageError.of('unexpected', { arg: a });
        files.push(a);
    }
  }
  const file = files[0];
  if (!file) throw UsageError.of('missingFile');
  const common = {
    file,
    files,
    ...(cluster !== undefined ? { cluster } : {}),
    exportYaml,
    ...(show !== undefined ? { show } : {}),
    ...(service !== undefined ? { service } : {}),
    ...extra,
  };
  if (exportYaml) return { ...common, from: from ?? '', to: to ?? '', seed, count, lang };
  if (extra.node !== undefined || extra.pod !== undefined) {
    // --node/--pod --show TOOL: what a tool prints there (show.ts); --from/--to optionally fill conntrack.
    if (show === undefined) throw UsageError.of('showNeedsTool');
    if (extra.node !== undefined && extra.pod !== undefined) throw UsageError.of('showOneOf');
    if ((from === undefined) !== (to === undefined)) throw UsageError.of('fromToTogether');
  } else if (show !== undefined) {
    if (show !== 'endpointslices') throw UsageError.of('unknownView', { view: show });
    return { ...common, from: from ?? '', to: to ?? '', seed, count, lang };
  } else {
    if (!from) throw UsageError.of('missingOption', { option: '--from' });
    if (!to) throw UsageError.of('missingOption', { option: '--to' });
  }
  const dest = to === undefined ? { to: '' } : splitDestination(to);
  return { ...common, from: from ?? '', to: dest.to, ...(dest.port !== undefined ? { port: dest.port } : {}), ...(proto ? { proto } : {}), seed, count, lang };
}
