/** Argument parsing for the `trace` command (pure; the entry point does the I/O). */
import { parseTargetText, type Protocol } from '../sim/index';
import type { Message } from '../sim/messages/index';
import type { Locale } from '../i18n/locale';
import { formatMessage } from '../i18n/sim/index';

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

export const USAGE =
  'usage: npm run --silent trace -- SCENARIO.json | APP.yaml [MORE.yaml ...] [--cluster CLUSTER.json] (--from NAME|KIND/NAME --to NAME|KIND/NAME|IP[:PORT]|URL [--proto tcp|udp|icmp] [--seed N] [--count N] [--allow-invalid] [--lang en|zh-CN] | --export-yaml | --show endpointslices [--service NAME])\n' +
  '       npm run --silent trace -- SCENARIO.json (--node NAME | --pod NAME) --show TOOL [--table nat|filter] [--from NAME --to DEST]';

export class UsageError extends Error {
  /** Set when the problem is one the simulator words (a malformed destination). */
  readonly msg?: Message;
  constructor(text: string | Message) {
    super(typeof text === 'string' ? text : formatMessage('en', text));
    if (typeof text !== 'string') this.msg = text;
  }
}

/** Split "web:80" / "10.96.0.20:80" into destination and port; URLs and bare names pass through. */
export function splitDestination(to: string): { to: string; port?: number } {
  const r = parseTargetText(to);
  if (!r.ok) throw new UsageError(r.error);
  return r.port === undefined ? { to: r.to } : { to: r.to, port: r.port };
}

function intArg(name: string, value: string | undefined, min: number, max: number): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new UsageError(`${name} needs a whole number`);
  const n = Number(value);
  if (n < min || n > max) throw new UsageError(`${name} must be between ${min} and ${max}`);
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
      if (v === undefined) throw new UsageError(`${a} needs a value`);
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
        if (v !== 'tcp' && v !== 'udp' && v !== 'icmp') throw new UsageError(`--proto must be tcp, udp or icmp, not "${v}"`);
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
        if (v !== 'en' && v !== 'zh-CN') throw new UsageError(`--lang must be en or zh-CN, not "${v}"`);
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
        if (v !== 'nat' && v !== 'filter') throw new UsageError(`--table must be nat or filter, not "${v}"`);
        extra.table = v;
        break;
      }
      case '--allow-invalid':
        extra.allowInvalid = true;
        break;
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        if (files.length > 0 && !/\.ya?ml$/i.test(a) && !files.some((f) => /\.ya?ml$/i.test(f))) throw new UsageError(`unexpected argument "${a}"`);
        files.push(a);
    }
  }
  const file = files[0];
  if (!file) throw new UsageError('missing the scenario file');
  const common = { file, files, ...(cluster !== undefined ? { cluster } : {}), exportYaml, ...(show !== undefined ? { show } : {}), ...(service !== undefined ? { service } : {}), ...extra };
  if (exportYaml) return { ...common, from: from ?? '', to: to ?? '', seed, count, lang };
  if (extra.node !== undefined || extra.pod !== undefined) {
    // --node/--pod --show TOOL: what a tool prints there (show.ts); --from/--to optionally fill conntrack.
    if (show === undefined) throw new UsageError('--node/--pod need --show TOOL');
    if (extra.node !== undefined && extra.pod !== undefined) throw new UsageError('--show needs exactly one of --node NAME or --pod NAME');
    if ((from === undefined) !== (to === undefined)) throw new UsageError('--from and --to go together');
  } else if (show !== undefined) {
    if (show !== 'endpointslices') throw new UsageError(`--show: unknown view "${show}" (known: endpointslices; a node's or pod's tools need --node NAME or --pod NAME)`);
    return { ...common, from: from ?? '', to: to ?? '', seed, count, lang };
  } else {
    if (!from) throw new UsageError('missing --from');
    if (!to) throw new UsageError('missing --to');
  }
  const dest = to === undefined ? { to: '' } : splitDestination(to);
  return { ...common, from: from ?? '', to: dest.to, ...(dest.port !== undefined ? { port: dest.port } : {}), ...(proto ? { proto } : {}), seed, count, lang };
}
