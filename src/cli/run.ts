/** The `trace` command's logic, separated from process I/O so tests can run it directly. */
import { topology } from '../sim/index';
import { createSessionState, trace, TraceInputError } from '../sim/tracer';
import { parseTraceArgs, UsageError } from './args';
import { unknownSenderMessage } from './senders';
import { loadScenarioFiles } from './manifests';
import { exportManifests } from '../io/manifests/index';
import { parseMatrixArgs, runMatrix } from './matrix';
import { showEndpointSlices } from './endpointslices';
import { cliWhatIf } from './whatif';
import type { CliOutcome } from './outcome';

function withNotes(out: CliOutcome, notes: string): CliOutcome {
  return { ...out, stderr: notes + out.stderr };
}
import { problemLines, runShow } from './show';
import { formatMessage, langArg, withText } from './messages';
import { pluralKey, render, say } from './words';
import type { Locale } from '../i18n/locale';

/** `error: …` / `错误：…` and the usage, for a bad command line. */
function usageFailure(lang: Locale, e: UsageError, usage: 'usage' | 'matrixUsage'): CliOutcome {
  return { code: 64, stdout: '', stderr: `${say(lang, 'error', { text: render(lang, e.text) })}\n${say(lang, usage)}\n` };
}

export type { CliOutcome } from './outcome';

export function runTraceCli(argv: string[]): CliOutcome {
  if (argv.includes('--matrix')) return runMatrixCli(argv);
  const early = langArg(argv);
  const lang = typeof early === 'string' ? early : 'en';
  try {
    const args = parseTraceArgs(argv);
    const loaded = loadScenarioFiles(args.files, args.cluster, lang);
    if (!loaded.ok) return { code: loaded.code, stdout: '', stderr: loaded.stderr };
    const parsed = loaded;
    if (args.exportYaml) return { code: 0, stdout: exportManifests(parsed.scenario), stderr: loaded.stderr };
    if (args.show === 'endpointslices' && args.node === undefined && args.pod === undefined)
      return withNotes(showEndpointSlices(parsed.scenario, args.service, lang), loaded.stderr);
    const problems = problemLines(parsed.scenario, lang);
    // Errors only: a warning (e.g. a subnet gateway no router owns) never stops a trace and is not printed.
    const listed = problems.errors.map((l) => `${say(lang, 'error', { text: l })}\n`).join('');
    if (problems.errors.length > 0 && !args.allowInvalid) {
      const n = problems.errors.length;
      return {
        code: 2,
        stdout: '',
        stderr: `${loaded.stderr}${listed}${say(lang, 'error', { text: say(lang, pluralKey(lang, 'problems', n), { file: args.file, count: n }) })}\n`,
      };
    }
    const withProblems = (o: CliOutcome): CliOutcome => ({ ...o, stderr: loaded.stderr + listed + o.stderr });
    if (args.node !== undefined || args.pod !== undefined) return withProblems(runShow(parsed.scenario, args, lang));
    const t = topology(parsed.scenario);
    if (!t.kindOf.has(args.from) && !t.byName.has(args.from))
      return { code: 2, stdout: '', stderr: `${say(lang, 'error', { text: unknownSenderMessage(t, args.from, lang) })}\n` };
    const spec = { from: args.from, to: args.to, ...(args.port !== undefined ? { port: args.port } : {}), ...(args.proto ? { proto: args.proto } : {}) };
    if (args.count === 1) {
      const result = trace(parsed.scenario, spec, { seed: args.seed });
      const whatIf = cliWhatIf(parsed.scenario, result);
      return withProblems({ code: 0, stdout: JSON.stringify(withText(whatIf ? { ...result, whatIf } : result, args.lang), null, 2) + '\n', stderr: '' });
    }
    const tally: Record<string, number> = {};
    const verdicts = { delivered: 0, dropped: 0 };
    let first;
    // One session for the whole run: ClientIP affinity and schedulers remember earlier requests.
    const session = createSessionState();
    for (let i = 0; i < args.count; i++) {
      const r = trace(parsed.scenario, spec, { seed: args.seed + i, reply: false, session });
      first ??= r;
      verdicts[r.verdict]++;
      // The controller's own answer (404/503) counts by status: no backend pod was reached.
      const key = r.http
        ? `http:${r.http.status}`
        : (r.endpoint ?? (r.verdict === 'dropped' ? `dropped:${r.reason?.code}` : (r.hops[r.hops.length - 1]?.at ?? '?')));
      tally[key] = (tally[key] ?? 0) + 1;
    }
    return withProblems({
      code: 0,
      stdout: JSON.stringify(withText({ count: args.count, seed: args.seed, verdicts, tally, first }, args.lang), null, 2) + '\n',
      stderr: '',
    });
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(lang, e, 'usage');
    if (e instanceof TraceInputError) return { code: 2, stdout: '', stderr: `${say(lang, 'error', { text: formatMessage(lang, e.msg) })}\n` };
    throw e;
  }
}

/** `--matrix`: every pod to every pod and Service, for one port (src/cli/matrix.ts). */
function runMatrixCli(argv: string[]): CliOutcome {
  const early = langArg(argv);
  const lang = typeof early === 'string' ? early : 'en';
  try {
    const args = parseMatrixArgs(argv);
    const loaded = loadScenarioFiles(args.files, undefined, lang);
    if (!loaded.ok) return { code: loaded.code, stdout: '', stderr: loaded.stderr };
    const ns = args.options.namespace;
    if (ns !== undefined && !loaded.scenario.pods.some((p) => p.namespace === ns)) {
      return { code: 2, stdout: '', stderr: `${say(lang, 'error', { text: say(lang, 'noPodInNamespace', { namespace: ns }) })}\n` };
    }
    return { code: 0, stdout: runMatrix(loaded.scenario, args), stderr: loaded.stderr };
  } catch (e) {
    if (e instanceof UsageError) return usageFailure(lang, e, 'matrixUsage');
    throw e;
  }
}
