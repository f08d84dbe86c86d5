/**
 * The CLI's way in from files: a scenario .json as before, or Kubernetes manifests (.yaml/.yml,
 * one or many) placed on the --cluster scenario (or a .json given beside them), else on a generated
 * cluster. Notes (ignored kinds, re-allocated addresses) go to stderr; errors name the file, the
 * document, the object and the field.
 */
import { readScenarioFile } from './read-file';
import { parseScenarioJson, type Scenario } from '../sim/index';
import { formatFieldErrors } from '../i18n/sim/index';
import { formatManifestError, importManifests, manifestAt } from '../io/manifests/index';
import { formatMessage } from '../i18n/sim/index';

export type Loaded = { ok: true; scenario: Scenario; stderr: string } | { ok: false; code: number; stderr: string };

const isYaml = (f: string) => /\.ya?ml$/i.test(f);

function read(file: string): { ok: true; text: string } | { ok: false; stderr: string } {
  const r = readScenarioFile(file);
  return r.ok ? r : { ok: false, stderr: `error: ${r.error}\n` };
}

function readScenario(file: string): Loaded {
  const r = read(file);
  if (!r.ok) return { ok: false, code: 2, stderr: r.stderr };
  const parsed = parseScenarioJson(r.text);
  if (!parsed.ok) return { ok: false, code: 2, stderr: `error: invalid scenario ${file}: ${formatFieldErrors('en', parsed.errors)}\n` };
  return { ok: true, scenario: parsed.scenario, stderr: '' };
}

export function loadScenarioFiles(files: string[], cluster?: string): Loaded {
  const manifests = files.filter(isYaml);
  const jsons = files.filter((f) => !isYaml(f));
  if (manifests.length === 0) {
    if (cluster !== undefined) return { ok: false, code: 64, stderr: 'error: --cluster places manifests (.yaml/.yml files) on a scenario; no manifest was given\n' };
    return readScenario(files[0]!);
  }
  const clusterFile = cluster ?? jsons[0];
  if (jsons.length > (cluster !== undefined ? 0 : 1)) return { ok: false, code: 64, stderr: `error: one scenario .json at most (the cluster); got ${[...jsons, ...(cluster ? [cluster] : [])].join(', ')}\n` };
  let base: Scenario | undefined;
  if (clusterFile !== undefined) {
    const b = readScenario(clusterFile);
    if (!b.ok) return b;
    base = b.scenario;
  }
  const sources = [];
  for (const f of manifests) {
    const r = read(f);
    if (!r.ok) return { ok: false, code: 2, stderr: r.stderr };
    sources.push({ name: f, text: r.text });
  }
  const result = importManifests(sources, base ? { base } : {});
  if (!result.ok) return { ok: false, code: 2, stderr: result.errors.map((e) => `error: ${formatManifestError(e, true)}\n`).join('') };
  const lines = [
    ...result.ignored.map((n) => `note: ${formatMessage('en', manifestAt({ ...n, ref: undefined }, true))}`),
    ...result.notes.map((n) => `note: ${formatMessage('en', manifestAt(n, true))}`),
    ...result.clashes.map((c) => `note: ${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name} was already in ${clusterFile}: the manifest replaces it`),
  ];
  return { ok: true, scenario: result.scenario, stderr: lines.map((l) => `${l}\n`).join('') };
}
