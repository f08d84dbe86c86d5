/** Argument parsing for the `trace` command (pure; the entry point does the I/O). */
import type { Protocol } from '../sim/model/schema';
import { parseTargetText } from '../sim/trace/target';

export interface TraceArgs {
  file: string;
  from: string;
  to: string;
  port?: number;
  proto?: Protocol;
  seed: number;
  count: number;
}

export const USAGE =
  'usage: npm run --silent trace -- SCENARIO.json --from NAME --to NAME|IP[:PORT]|URL [--proto tcp|udp|icmp] [--seed N] [--count N]';

export class UsageError extends Error {}

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
  let file: string | undefined;
  let from: string | undefined;
  let to: string | undefined;
  let proto: Protocol | undefined;
  let seed = 1;
  let count = 1;
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
      case '--count':
        count = intArg('--count', value(), 1, 100000);
        break;
      default:
        if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
        if (file) throw new UsageError(`unexpected argument "${a}"`);
        file = a;
    }
  }
  if (!file) throw new UsageError('missing the scenario file');
  if (!from) throw new UsageError('missing --from');
  if (!to) throw new UsageError('missing --to');
  const dest = splitDestination(to);
  return { file, from, to: dest.to, ...(dest.port !== undefined ? { port: dest.port } : {}), ...(proto ? { proto } : {}), seed, count };
}
