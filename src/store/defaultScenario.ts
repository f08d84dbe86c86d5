/**
 * The scenario the app opens with (described in defaultScenarioInput.ts), already parsed: the
 * generated snapshot of `parseScenario(defaultScenarioInput)`, so a first visit paints without the
 * schema and the allocators (they come with the editing code, src/store/editing.ts).
 */
import type { Scenario } from '../sim/index';
import { DEFAULT_SCENARIO } from './defaultScenario.generated';

/** A fresh copy of the example scenario (callers may hold it as their own). */
export function defaultScenario(): Scenario {
  return structuredClone(DEFAULT_SCENARIO);
}
