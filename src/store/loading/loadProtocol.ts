/**
 * Opening a big scenario off the main thread (issue 15: "big-but-legal scenarios load with progress
 * instead of a blank page"): what the page asks the loader for, the steps it reports, and what it
 * gets back. Everything here is plain data, so it crosses a Worker's postMessage as is.
 */
import type { FieldError, Problem, Scenario } from '../../sim/index';
import type { ShareLinkError } from '../../io/share-address';

export type LoadRequest =
  /** A share link (the address's hash): decode, parse, validate, lay out. */
  | { kind: 'link'; hash: string }
  /** The text of a file from Import JSON. */
  | { kind: 'file'; text: string }
  /** The generated big cluster of the stress page (`?stress=1&nodes=N`). */
  | { kind: 'stress'; nodes?: number };

/** The steps, in order; `render` happens on the page once the scenario is back. */
export const LOAD_STEPS = ['parse', 'validate', 'layout', 'render'] as const;
export type LoadStep = (typeof LOAD_STEPS)[number];

/** How many of each kind a parsed scenario holds (shown while the later steps run). */
export interface LoadCounts {
  nodes: number;
  pods: number;
  services: number;
}

export type LoadOutcome =
  { ok: true; scenario: Scenario; lesson?: string; problems: Problem[]; counts: LoadCounts } | { ok: false; linkError?: ShareLinkError; errors?: FieldError[] };

export type LoadMessage =
  /** A step started (`ms`: how long the step before it took). */
  { type: 'step'; step: LoadStep; counts?: LoadCounts } | { type: 'done'; outcome: LoadOutcome } | { type: 'error'; message: string };
