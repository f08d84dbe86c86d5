/**
 * What the app needs to know of a share link before it decodes one: whether the address holds one,
 * its limits, its error codes and their sentences. Encoding and decoding (./share-link.ts, with the
 * zlib code) load when a link is shared or opened, not before the first paint.
 */
import type { FieldError, Scenario } from '../sim/index';
import type { MessageKey } from '../i18n/index';

export const SHARE_LINK_PARAM = 's';
export const SHARE_LINK_VERSION = 1;
/** Longest accepted data part of a link (characters after `#s=1.`): about 48 kB compressed. */
export const MAX_LINK_DATA_CHARS = 65_536;
/** Largest scenario JSON a link may hold once inflated (bytes of UTF-8). */
export const MAX_LINK_JSON_BYTES = 100_000;

export type ShareLinkErrorCode =
  /** The hash holds no share link at all (an ordinary start, not something to report). */
  | 'missing'
  /** Not shaped like `1.<base64url>`: wrong characters, no version, garbled by hand. */
  | 'malformed'
  /** Cut off: the data ends in the middle. */
  | 'truncated'
  /** The data decodes but fails its checksum, does not inflate, or is not JSON: damaged or edited. */
  | 'corrupt'
  /** Over MAX_LINK_DATA_CHARS or MAX_LINK_JSON_BYTES. */
  | 'too-large'
  /** Made by a newer version of the app (link format or scenario version). */
  | 'newer-version'
  /** Intact, but the scenario inside is not valid (errors named by field path). */
  | 'invalid-scenario'
  /** Reading and checking it took longer than the page's time budget (src/store/loading/loader.ts). */
  | 'too-slow'
  /** The link code itself could not be fetched (offline, or the app was updated since the page opened). */
  | 'unavailable';

export interface ShareLinkError {
  code: ShareLinkErrorCode;
  /** One plain sentence for the user, in English; `shareLinkErrorKey(code)` gives it in any language. */
  message: string;
  /** For `invalid-scenario` and `newer-version`: what the schema said, by field path. */
  errors?: FieldError[];
}

export type DecodedShareLink = { ok: true; scenario: Scenario; lesson?: string } | { ok: false; error: ShareLinkError };
export type EncodedShareLink = { ok: true; hash: string } | { ok: false; error: ShareLinkError };

/** The dictionary key of each error's sentence; `message` is its English text. */
export function shareLinkErrorKey(code: ShareLinkErrorCode): MessageKey {
  return `linkError.${code}`;
}

/** The value of the `s` parameter in a hash (`#s=...`, `s=...`, or a whole URL), if there is one. */
export function shareLinkParam(hashOrUrl: string): string | undefined {
  const hashAt = hashOrUrl.indexOf('#');
  const hash = hashAt >= 0 ? hashOrUrl.slice(hashAt + 1) : hashOrUrl;
  for (const part of hash.split('&')) {
    if (part.startsWith(`${SHARE_LINK_PARAM}=`)) return part.slice(SHARE_LINK_PARAM.length + 1);
  }
  return undefined;
}

export function hasShareLink(hashOrUrl: string): boolean {
  return shareLinkParam(hashOrUrl) !== undefined;
}
