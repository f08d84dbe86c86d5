/**
 * The built-in scenarios' names and descriptions in the reader's language. A scenario file keeps
 * the English text (it is data the user may rename); while it still carries a built-in text, the
 * interface shows that text's translation. A name the user typed is shown as typed.
 */
import { LESSON_CATALOG } from '../lessons/catalog';
import { DEFAULT_SCENARIO_TEXT } from '../store/defaultScenarioText';
import type { Locale, LocalizedText } from '../i18n/locale';
import { GENERATED_CLUSTER_NAME } from '../io/manifests/generated-name';

let known: Map<string, LocalizedText> | undefined;

function builtInTexts(): Map<string, LocalizedText> {
  if (known) return known;
  known = new Map<string, LocalizedText>();
  for (const text of [DEFAULT_SCENARIO_TEXT.name, DEFAULT_SCENARIO_TEXT.description, ...LESSON_CATALOG.map((l) => l.scenarioName), GENERATED_CLUSTER_NAME])
    known.set(text.en, text);
  return known;
}

/** `text` in `locale` when it is a built-in scenario's name or description, else `text` itself. */
export function scenarioText(text: string, locale: Locale): string {
  return builtInTexts().get(text)?.[locale] ?? text;
}
