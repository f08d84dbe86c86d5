/** The browser side of start-up: localStorage, the address's hash, <html lang>. */
import type { Locale } from '../../i18n/index';
import { hasShareLink, type DecodedShareLink } from '../../io/share-link';
import type { StorageLike } from '../../io/saved-work';
import { defaultScenario } from '../../store/defaultScenario';
import type { Session } from './session';
import { startSession } from './startup';

/** window.localStorage, or undefined where the browser refuses it (reading the property can throw). */
export function browserStorage(): StorageLike | undefined {
  try {
    const s = window.localStorage;
    return s ?? undefined;
  } catch {
    return undefined;
  }
}

/** Drop a share link from the address once the scenario no longer matches it (after an edit). */
function clearLinkFromAddress() {
  if (!hasShareLink(window.location.hash)) return;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}

/** `link`: the address's share link, already decoded off the page's thread (main.tsx shows its progress). */
export function startApp(locale: Locale, link?: DecodedShareLink): { session: Session; storage: StorageLike | undefined } {
  document.documentElement.lang = locale;
  const storage = browserStorage();
  const { session } = startSession({ hash: window.location.hash, storage, defaultScenario, locale, clearLinkFromAddress, ...(link ? { link } : {}) });
  return { session, storage };
}
