/**
 * The CLI's way in from files: a scenario .json as before, or Kubernetes manifests (.yaml/.yml,
 * one or many) placed on the --cluster scenario (or a .json given beside them), else on a generated
 * cluster. Notes (ignored kinds, re-allocated addresses) go to stderr; errors name the file, the
 * document, the object and the field.
 */
import { readScenarioFile } from './read-file';
import { type Scenario } from '../sim/index';
import { parseScenarioJson } from '../sim/editing';
import { formatFieldErrors } from '../i18n/sim/index';
import { formatManifestError, importManifests, manifestAt } from '../io/manifests/index';
import { formatMessage } from '../i18n/sim/index';
import type { Locale } from '../i18n/locale';
import { nameList, render, say } from './words';

export type Loaded = { ok: true; scenario: Scenario; stderr: string } | { ok: false; code: number; stderr: string };

const isYaml = (f: string) => /\.ya?ml$/i.test(f);

function read(file: string, lang: Locale): { ok: true; text: string } | { ok: false; stderr: string } {
  const r = readScenarioFile(file);
  return r.ok ? r : { ok: false, stderr: `${say(lang, 'error', { text: render(lang, r.error) })}\n` };
}

function readScenario(file: string, lang: Locale): Loaded {
  const r = read(file, lang);
  if (!r.ok) return { ok: false, code: 2, stderr: r.stderr };
  const parsed = parseScenarioJson(r.text);
  if (!parsed.ok)
    return {
      ok: false,
      code: 2,
      stderr: `${say(lang, 'error', { text: say(lang, 'invalidScenario', { file, errors: formatFieldErrors(lang, parsed.errors) }) })}\n`,
    };
  return { ok: true, scenario: parsed.scenario, stderr: '' };
}

/** Files to a scenario; errors and notes on stderr in `lang` (`error: …` / `错误：…`). */
export function loadScenarioFiles(files: string[], cluster?: string, lang: Locale = 'en'): Loaded {
  const error = (text: string) => `${say(lang, 'error', { text })}\n`;
  const manifests = files.filter(isYaml);
  const jsons = files.filter((f) => !isYaml(f));
  if (manifests.length === 0) {
    if (cluster !== undefined) return { ok: false, code: 64, stderr: error(say(lang, 'clusterWithoutManifests')) };
    return readScenario(files[0]!, lang);
  }
  const clusterFile = cluster ?? jsons[0];
  if (jsons.length > (cluster !== undefined ? 0 : 1))
    return { ok: false, code: 64, stderr: error(say(lang, 'oneJsonAtMost', { files: nameList(lang, [...jsons, ...(cluster ? [cluster] : [])]) })) };
  let base: Scenario | undefined;
  if (clusterFile !== undefined) {
    const b = readScenario(clusterFile, lang);
    if (!b.ok) return b;
    base = b.scenario;
  }
  const sources = [];
  for (const f of manifests) {
    const r = read(f, lang);
    if (!r.ok) return { ok: false, code: 2, stderr: r.stderr };
    sources.push({ name: f, text: r.text });
  }
  const result = importManifests(sources, base ? { base } : {});
  if (!result.ok) return { ok: false, code: 2, stderr: result.errors.map((e) => error(formatManifestError(e, true, lang))).join('') };
  const note = (text: string) => say(lang, 'note', { text });
  const lines = [
    ...result.ignored.map((n) => note(formatMessage(lang, manifestAt(withoutRef(n), true)))),
    ...result.notes.map((n) => note(formatMessage(lang, manifestAt(n, true)))),
    ...result.clashes.map((c) => note(say(lang, 'replaced', { ref: `${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`, file: clusterFile ?? '' }))),
  ];
  return { ok: true, scenario: result.scenario, stderr: lines.map((l) => `${l}\n`).join('') };
}

/** An ignored document is named by its position, not by a Kind/name the importer did not read. */
function withoutRef<T extends { ref?: string }>(n: T): Omit<T, 'ref'> {
  const { ref: _ref, ...rest } = n;
  return rest;
}
