/**
 * Every dictionary part, for what loads all of them at once: the CLI and the unit tests (through
 * ../all-locales.ts), and the dictionary tests. The app never imports this module (its parts load with
 * their panels); messages.en.ts reads its type only, to make `MessageKey` cover every part's keys.
 */
import type { KeysOf } from '../messageParts';
import { hopsPart } from './hops';
import { insidePart } from './inside';
import { lessonPart } from './lesson';
import { manifestsPart } from './manifests';
import { policyPart } from './policy';

export const ALL_PARTS = [hopsPart, insidePart, lessonPart, manifestsPart, policyPart] as const;

/** The keys of every part. */
export type PartKey = KeysOf<(typeof ALL_PARTS)[number]>;
