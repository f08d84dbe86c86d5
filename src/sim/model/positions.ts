/** Canvas positions of elements (the simulation ignores them). */
import type { Scenario } from './schema';
import type { Position } from './edit-result';

/** Set canvas positions (the simulation ignores them); untouched ids keep their entries. */
export function setPositions(s: Scenario, positions: Readonly<Record<string, Position>>): Scenario {
  const entries = Object.entries(positions);
  if (entries.length === 0) return s;
  const layout = { ...s.layout };
  for (const [id, p] of entries) layout[id] = { x: p.x, y: p.y };
  return { ...s, layout };
}
