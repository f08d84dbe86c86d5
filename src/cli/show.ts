/**
 * `--node NAME --show TOOL` / `--pod NAME --show TOOL`: what a command prints on a node, a router, an
 * outside host or in a pod, from the simulation's own data. `conntrack` holds the connections of the
 * trace given by --from/--to, if any. Also the CLI's validation step (validate before tracing).
 */
import { topology, type Scenario, type TraceResult } from '../sim/index';
import { validateScenario } from '../sim/editing';
import { InspectError, showNode, showPod, trace } from '../sim/tracer';
import type { TraceArgs } from './args';
import { formatMessage } from '../i18n/sim/index';
import { elementKindKey, translate, type Locale } from '../i18n/index';
import { say } from './words';

export interface ShowOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** One line per problem the validator finds, naming the element and the field, in `lang`. */
export function problemLines(s: Scenario, lang: Locale = 'en'): { errors: string[]; warnings: string[] } {
  const t = topology(s);
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const p of validateScenario(s)) {
    // English names the kind as the scenario file does (`service "web"`); Chinese in its own words (服务“web”).
    const kind = p.kind === 'cluster' || lang === 'en' ? p.kind : translate(lang, elementKindKey(p.kind));
    const name = p.kind === 'cluster' ? say(lang, 'problemCluster') : say(lang, 'problemElement', { kind, name: t.names.get(p.element) ?? p.element });
    const line = `${name}${p.field ? ` ${p.field}` : ''}${lang === 'zh-CN' ? '：' : ': '}${formatMessage(lang, p.msg)}`;
    (p.severity === 'error' ? errors : warnings).push(line);
  }
  return { errors, warnings };
}

export function runShow(s: Scenario, args: TraceArgs, lang: Locale = 'en'): ShowOutcome {
  let results: TraceResult[] = [];
  if (args.from && args.to) {
    const spec = { from: args.from, to: args.to, ...(args.port !== undefined ? { port: args.port } : {}), ...(args.proto ? { proto: args.proto } : {}) };
    results = [trace(s, spec, { seed: args.seed })];
  }
  try {
    const out =
      args.pod !== undefined
        ? showPod(s, args.pod, args.show!)
        : showNode(s, args.node!, args.show!, { ...(args.table ? { table: args.table } : {}), results });
    return { code: 0, stdout: out.stdout, stderr: out.stderr };
  } catch (e) {
    if (e instanceof InspectError) return { code: 2, stdout: '', stderr: `${say(lang, 'error', { text: formatMessage(lang, e.msg) })}\n` };
    throw e;
  }
}
