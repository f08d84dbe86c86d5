/** What every edit returns, and the small helpers edits share. */
import type { Scenario } from './schema';
import type { Message } from '../messages/index';
import type { Problem } from '../net/problem';

export interface Position {
  x: number;
  y: number;
}

/**
 * An edit's outcome: the new scenario (with its validation problems when the edit already computed
 * them, so the store does not validate twice), or why it was refused (a message) and the field at fault.
 */
export type EditResult = { ok: true; scenario: Scenario; id?: string; problems?: Problem[] } | { ok: false; error: Message; field?: string };

export function succeed(scenario: Scenario, id?: string): EditResult {
  return id === undefined ? { ok: true, scenario } : { ok: true, scenario, id };
}

export function failure(error: Message, field?: string): EditResult {
  return field === undefined ? { ok: false, error } : { ok: false, error, field };
}

/** The layout with `id` placed at `position` (unchanged when no position is given). */
export function withPosition(layout: Scenario['layout'], id: string, position?: Position): Scenario['layout'] {
  return position ? { ...layout, [id]: { x: position.x, y: position.y } } : layout;
}
