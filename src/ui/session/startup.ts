/**
 * Start-up: which scenario the app opens with, decided before the first render.
 *
 * `chooseStartScenario` (src/io/startup.ts) picks a good share link, else the saved work, else the
 * example, and never writes. Here the editor store is created over that choice; a good link is then
 * saved with origin 'link' (the work it replaces becomes the backup) unless storage already holds
 * exactly that scenario (a reload of the same link must not push the real previous work out of the
 * backup). A bad link writes nothing at all: the saved work opens with a message saying why.
 */
import type { Scenario } from '../../sim/index';
import { createEditorStore } from '../../store/editorStore';
import { chooseStartScenario } from '../../io/startup';
import type { DecodedShareLink } from '../../io/share-link';
import { loadSavedWork, saveWork, type StorageLike } from '../../io/saved-work';
import { jsonEqual } from '../../io/json-equal';
import { isLessonId } from '../../lessons/index';
import { translate, type Locale } from '../../i18n/index';
import { placeMissing } from '../canvas/layout';
import { createSession, type Session, type StartupBanner } from './session';

export interface StartInput {
  /** `location.hash`. */
  hash: string;
  storage: StorageLike | undefined;
  defaultScenario: () => Scenario;
  locale: Locale;
  clearLinkFromAddress?: () => void;
  autosaveDelayMs?: number;
  /** The share link in `hash`, already decoded by the loading worker. */
  link?: DecodedShareLink;
}

export interface Started {
  session: Session;
  source: 'link' | 'saved' | 'backup' | 'default';
}

export function startSession(input: StartInput): Started {
  const choice = chooseStartScenario({
    hash: input.hash,
    storage: input.storage,
    defaultScenario: input.defaultScenario,
    isLesson: isLessonId,
    ...(input.link ? { link: input.link } : {}),
  });
  const editor = createEditorStore(choice.scenario, { place: placeMissing });
  let banner: StartupBanner | undefined;
  let openedFromStorage = choice.source === 'saved' || choice.source === 'backup';

  if (choice.source === 'link' && input.storage) {
    const saved = loadSavedWork(input.storage);
    const same = saved.ok && saved.from === 'current' && saved.work.lesson === choice.lesson && jsonEqual(saved.work.scenario, choice.scenario);
    if (same) openedFromStorage = true;
    else {
      const result = saveWork(input.storage, editor.getState().scenario, { origin: 'link', ...(choice.lesson !== undefined ? { lesson: choice.lesson } : {}) });
      openedFromStorage = result.ok;
      if (result.ok && result.backedUp) editor.getState().notify(translate(input.locale, 'notice.openedFromLink'));
      if (!result.ok) editor.getState().notify(translate(input.locale, `saveError.${result.reason}`), 'error');
    }
  }
  if (choice.linkError || choice.savedWorkWarning) {
    banner = {
      opened: choice.source,
      ...(choice.linkError ? { linkError: choice.linkError.code } : {}),
      ...(choice.linkError?.errors?.length ? { linkErrors: choice.linkError.errors } : {}),
      ...(choice.savedWorkWarning ? { savedWork: choice.source === 'backup' ? ('damaged' as const) : ('unreadable' as const) } : {}),
    };
  }
  const session = createSession({
    editor,
    storage: input.storage,
    locale: input.locale,
    openedFromStorage,
    ...(choice.lesson !== undefined ? { lesson: choice.lesson } : {}),
    ...(banner ? { banner } : {}),
    ...(input.clearLinkFromAddress ? { clearLinkFromAddress: input.clearLinkFromAddress } : {}),
    ...(input.autosaveDelayMs !== undefined ? { autosaveDelayMs: input.autosaveDelayMs } : {}),
  });
  return { session, source: choice.source };
}
