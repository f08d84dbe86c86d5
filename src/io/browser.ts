/** The browser's side of the io layer: localStorage and the address bar (each safe where the browser refuses it). */
import { hasShareLink } from './share-address';

/** window.localStorage, or undefined where there is none or the browser refuses it (reading the property can throw). */
export function browserStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : (window.localStorage ?? undefined);
  } catch {
    return undefined;
  }
}

/** Drop a share link from the address once the scenario no longer matches it (after an edit). */
export function clearLinkFromAddress(): void {
  if (!hasShareLink(window.location.hash)) return;
  window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
}
