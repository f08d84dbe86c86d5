/**
 * `npm run --silent trace -- FILE --matrix [--port N] [--proto tcp|udp] [--namespace NS] [--no-services] [--json] [--lang en|zh-CN]`:
 * every pod traced to every pod and Service, as a grid (or JSON with --json); the legend in the language of --lang.
 */
import { type Scenario, type Matrix, type MatrixCell, type MatrixOptions } from '../sim/index';
import { reachabilityMatrix } from '../sim/tracer';
import { choiceError, UsageError } from './args';
import type { Locale } from '../i18n/locale';
import { say } from './words';

export interface MatrixArgs {
  /** Scenario (.json) or manifests (.yaml/.yml), as for a trace. */
  files: string[];
  options: MatrixOptions;
  json: boolean;
  lang: Locale;
}

export const MATRIX_USAGE = say('en', 'matrixUsage');

export function parseMatrixArgs(argv: string[]): MatrixArgs {
  const files: string[] = [];
  const options: MatrixOptions = {};
  let json = false;
  let lang: Locale = 'en';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw UsageError.of('needsValue', { option: a });
      return v;
    };
    switch (a) {
      case '--matrix':
        break;
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw UsageError.of('portRange');
        options.port = n;
        break;
      }
      case '--proto': {
        const v = value();
        if (v !== 'tcp' && v !== 'udp') throw choiceError('--proto', ['tcp', 'udp'], v, 'matrixProto');
        options.proto = v;
        break;
      }
      case '--namespace':
        options.namespace = value();
        break;
      case '--no-services':
        options.services = false;
        break;
      case '--json':
        json = true;
        break;
      case '--lang': {
        const v = value();
        if (v !== 'en' && v !== 'zh-CN') throw choiceError('--lang', ['en', 'zh-CN'], v);
        lang = v;
        break;
      }
      case '--seed': {
        const v = value();
        if (!/^\d+$/.test(v)) throw UsageError.of('needsWholeNumber', { option: '--seed' });
        options.seed = Number(v);
        break;
      }
      default:
        if (a.startsWith('--')) throw UsageError.of('unknownMatrixOption', { option: a });
        files.push(a);
    }
  }
  if (files.length === 0) throw UsageError.of('missingFile');
  return { files, options, json, lang };
}

/** One character per cell: allowed, denied by policy, dropped for another reason. */
export function cellMark(c: MatrixCell): string {
  return c.verdict === 'allowed' ? 'ok' : c.verdict === 'denied' ? (c.direction === 'ingress' ? 'X<' : 'X>') : '--';
}

export function formatMatrix(m: Matrix, lang: Locale = 'en'): string {
  const lines: string[] = [];
  const width = Math.max(6, ...m.sources.map((s) => s.name.length));
  lines.push(say(lang, 'matrix.legend', { proto: m.proto.toUpperCase() }));
  if (!m.enforced) lines.push(say(lang, 'matrix.flannel'));
  m.targets.forEach((t, j) => lines.push(`  [${j + 1}] ${t.kind === 'service' ? 'svc ' : ''}${t.name}:${t.port}`));
  lines.push(`${''.padEnd(width)} ${m.targets.map((_, j) => String(j + 1).padStart(3)).join('')}`);
  m.sources.forEach((src, i) => {
    lines.push(`${src.name.padEnd(width)} ${m.cells[i]!.map((c) => cellMark(c).padStart(3)).join('')}`);
  });
  const denied = new Map<string, number>();
  const other = new Map<string, number>();
  for (const row of m.cells) {
    for (const c of row) {
      if (c.verdict === 'denied') for (const p of c.policies ?? []) denied.set(`${c.direction} ${p}`, (denied.get(`${c.direction} ${p}`) ?? 0) + 1);
      if (c.verdict === 'dropped') other.set(c.code!, (other.get(c.code!) ?? 0) + 1);
    }
  }
  if (denied.size) lines.push(say(lang, 'matrix.denials'), ...[...denied].map(([k, n]) => `  ${k}: ${n}`));
  if (other.size) lines.push(say(lang, 'matrix.otherDrops'), ...[...other].map(([k, n]) => `  ${k}: ${n}`));
  return lines.join('\n') + '\n';
}

export function runMatrix(s: Scenario, args: MatrixArgs): string {
  const m = reachabilityMatrix(s, args.options);
  return args.json ? JSON.stringify(m, null, 2) + '\n' : formatMatrix(m, args.lang);
}
