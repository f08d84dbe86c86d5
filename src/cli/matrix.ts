/**
 * `npm run --silent trace -- FILE --matrix [--port N] [--proto tcp|udp] [--namespace NS] [--no-services] [--json]`:
 * every pod traced to every pod and Service, as a grid (or JSON with --json).
 */
import { type Scenario, reachabilityMatrix, type Matrix, type MatrixCell, type MatrixOptions } from '../sim/index';
import { UsageError } from './args';

export interface MatrixArgs {
  /** Scenario (.json) or manifests (.yaml/.yml), as for a trace. */
  files: string[];
  options: MatrixOptions;
  json: boolean;
}

export const MATRIX_USAGE = 'usage: npm run --silent trace -- SCENARIO.json|MANIFESTS.yaml... --matrix [--port N] [--proto tcp|udp] [--namespace NS] [--no-services] [--json]';

export function parseMatrixArgs(argv: string[]): MatrixArgs {
  const files: string[] = [];
  const options: MatrixOptions = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--matrix':
        break;
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < 1 || n > 65535) throw new UsageError('--port must be a whole number between 1 and 65535');
        options.port = n;
        break;
      }
      case '--proto': {
        const v = value();
        if (v !== 'tcp' && v !== 'udp') throw new UsageError(`--proto for --matrix must be tcp or udp, not "${v}"`);
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
      case '--seed': {
        const v = value();
        if (!/^\d+$/.test(v)) throw new UsageError('--seed needs a whole number');
        options.seed = Number(v);
        break;
      }
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a} for --matrix`);
        files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError('missing the scenario file');
  return { files, options, json };
}

/** One character per cell: allowed, denied by policy, dropped for another reason. */
export function cellMark(c: MatrixCell): string {
  return c.verdict === 'allowed' ? 'ok' : c.verdict === 'denied' ? (c.direction === 'ingress' ? 'X<' : 'X>') : '--';
}

export function formatMatrix(m: Matrix): string {
  const lines: string[] = [];
  const width = Math.max(6, ...m.sources.map((s) => s.name.length));
  lines.push(`Reachability (${m.proto.toUpperCase()}), rows: from, columns: to. ok = allowed, X> = denied by the sender's egress policy, X< = denied by the receiver's ingress policy, -- = dropped for another reason.`);
  if (!m.enforced) lines.push('flannel does not implement NetworkPolicy: every policy here has no effect.');
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
  if (denied.size) lines.push('Denials by isolating policy:', ...[...denied].map(([k, n]) => `  ${k}: ${n}`));
  if (other.size) lines.push('Other drops:', ...[...other].map(([k, n]) => `  ${k}: ${n}`));
  return lines.join('\n') + '\n';
}

export function runMatrix(s: Scenario, args: MatrixArgs): string {
  const m = reachabilityMatrix(s, args.options);
  return args.json ? JSON.stringify(m, null, 2) + '\n' : formatMatrix(m);
}
