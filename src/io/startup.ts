/**
 * What the app opens with: the scenario in the link if there is a good one, else the last saved
 * work, else the default scenario. A bad link is reported (`linkError`) and the saved work opened
 * instead; this function never writes storage, so a bad link can never overwrite saved work. After
 * a good link opens, the caller saves it with `origin: 'link'`, which keeps the previous work as
 * the backup.
 */
import type { Scenario } from '../sim/index';
import { decodeShareLink, hasShareLink, type DecodedShareLink, type ShareLinkError } from './share-link';
import { loadSavedWork, type StorageLike } from './saved-work';

export interface StartChoice {
  scenario: Scenario;
  /** The lesson to open with it, when the link or the save named one the app knows. */
  lesson?: string;
  source: 'link' | 'saved' | 'backup' | 'default';
  /** Set when the address held a share link that could not be opened: show `linkError.message`. */
  linkError?: ShareLinkError;
  /** Set when the saved work was damaged and its backup (or the default) was opened. */
  savedWorkWarning?: string;
}

export function chooseStartScenario(input: {
  /** `location.hash` (or the whole URL). */
  hash: string;
  /** `window.localStorage`, or undefined where the browser refuses it. */
  storage: StorageLike | undefined;
  defaultScenario: () => Scenario;
  /** Whether a lesson id names a built-in lesson; unknown ones are dropped. */
  isLesson: (id: string) => boolean;
  /** The link already decoded (off the page's thread, with progress: src/ui/loading); else it is decoded here. */
  link?: DecodedShareLink;
}): StartChoice {
  const known = (lesson: string | undefined) => (lesson !== undefined && input.isLesson(lesson) ? { lesson } : {});
  let linkError: ShareLinkError | undefined;
  if (hasShareLink(input.hash)) {
    const link = input.link ?? decodeShareLink(input.hash);
    if (link.ok) return { scenario: link.scenario, source: 'link', ...known(link.lesson) };
    linkError = link.error;
  }
  const extra = linkError ? { linkError } : {};
  if (input.storage) {
    const saved = loadSavedWork(input.storage);
    if (saved.ok) {
      return {
        scenario: saved.work.scenario,
        source: saved.from === 'current' ? 'saved' : 'backup',
        ...known(saved.work.lesson),
        ...extra,
        ...(saved.warning ? { savedWorkWarning: saved.warning } : {}),
      };
    }
    if (saved.reason === 'unreadable') return { scenario: input.defaultScenario(), source: 'default', ...extra, savedWorkWarning: saved.message };
  }
  return { scenario: input.defaultScenario(), source: 'default', ...extra };
}
