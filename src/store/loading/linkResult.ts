/** A share link's load result as start-up reads it: the scenario, or why the link was not opened. */
import { translate } from '../../i18n/index';
import type { DecodedShareLink, ShareLinkErrorCode } from '../../io/share-address';
import type { LoadResult } from './loader';

export function decodedLink(r: LoadResult): DecodedShareLink {
  if (r.ok) return { ok: true, scenario: r.scenario, ...(r.lesson !== undefined ? { lesson: r.lesson } : {}) };
  if ('linkError' in r && r.linkError) return { ok: false, error: r.linkError };
  // Too slow: refused by the time budget. A crash in the worker reads as a damaged link.
  const code: ShareLinkErrorCode = 'tooSlow' in r ? 'too-slow' : 'corrupt';
  return { ok: false, error: { code, message: translate('en', `linkError.${code}`) } };
}
