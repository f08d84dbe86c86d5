/**
 * The work of opening a scenario, step by step: parse (a share link is decoded and inflated first; a
 * file has its BOM and size checked), validate, lay out what has no position. Pure, so the worker
 * runs it and unit tests call it directly; `onStep` is told as each step starts.
 */
import { setPositions, type Scenario } from '../../sim/index';
import { validateScenario } from '../../sim/editing';
import { decodeShareLink } from '../../io/share-link';
import { importScenarioJson } from '../../io/scenario-file';
import { stressScenario } from '../stressScenario';
import { placeMissing } from '../../layout/layout';
import type { LoadCounts, LoadOutcome, LoadRequest, LoadStep } from './loadProtocol';

export function countsOf(s: Scenario): LoadCounts {
  return { nodes: s.nodes.length, pods: s.pods.length, services: s.services.length };
}

/** Nodes the stress page accepts (`?stress=1&nodes=N`): up to the 1,000-node shape of the scale benchmark. */
export const MAX_STRESS_NODES = 1000;

export function runLoad(req: LoadRequest, onStep: (step: LoadStep, counts?: LoadCounts) => void = () => {}): LoadOutcome {
  onStep('parse');
  let scenario: Scenario;
  let lesson: string | undefined;
  if (req.kind === 'link') {
    const link = decodeShareLink(req.hash);
    if (!link.ok) return { ok: false, linkError: link.error };
    scenario = link.scenario;
    lesson = link.lesson;
  } else if (req.kind === 'file') {
    const file = importScenarioJson(req.text);
    if (!file.ok) return { ok: false, errors: file.errors };
    scenario = file.scenario;
  } else {
    const nodes = Math.max(1, Math.min(MAX_STRESS_NODES, Math.floor(req.nodes ?? 0) || 100));
    scenario = stressScenario(nodes);
  }
  const counts = countsOf(scenario);
  onStep('validate', counts);
  const problems = validateScenario(scenario);
  onStep('layout', counts);
  const missing = placeMissing(scenario);
  if (Object.keys(missing).length > 0) scenario = setPositions(scenario, missing);
  return { ok: true, scenario, ...(lesson !== undefined ? { lesson } : {}), problems, counts };
}
