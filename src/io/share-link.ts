/**
 * Share links: the whole scenario (and the open lesson) in the URL hash, `#s=1.<data>`.
 *
 * Format, version 1: `<data>` = base64url( zlib( UTF-8( JSON { s: compact scenario, l?: lesson id } ) ) ).
 * - The leading `1.` is the version of this link format; the scenario inside carries its own
 *   `version` and goes through `parseScenario`, which migrates older scenario versions.
 * - Compression: zlib (RFC 1950, i.e. DEFLATE plus an Adler-32 checksum) from fflate. Chosen over
 *   lz-string's compressToEncodedURIComponent because its links are about 30% shorter on this
 *   JSON (the five examples: 465-529 characters against 622-734), because fflate is small, typed
 *   and maintained, and because it inflates as a stream: decoding stops as soon as the output
 *   passes the size limit, so a crafted link cannot expand into megabytes. The Adler-32 trailer
 *   (which fflate does not check, so we do) catches a link damaged in transit before the schema
 *   ever sees it.
 * - The scenario is compacted first (defaults, re-allocatable addresses and sub-pixel positions
 *   left out; see compact.ts), so the link restores the same scenario with positions on whole pixels.
 *
 * Limits: a link's data part is at most MAX_LINK_DATA_CHARS characters and inflates to at most
 * MAX_LINK_JSON_BYTES bytes of JSON; larger scenarios are shared with Export JSON instead.
 *
 * Nothing here throws on bad input: decoding returns `{ ok: false, error }` with a code and a
 * sentence a user can act on.
 */
import { Inflate, zlibSync } from 'fflate';
import { msg, SCENARIO_VERSION, type FieldError, type Scenario } from '../sim/index';
import { parseScenario } from '../sim/editing';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { compactScenario } from './compact';
import { translate } from '../i18n/index';
import {
  MAX_LINK_DATA_CHARS,
  MAX_LINK_JSON_BYTES,
  SHARE_LINK_PARAM,
  SHARE_LINK_VERSION,
  shareLinkErrorKey,
  shareLinkParam,
  type DecodedShareLink,
  type EncodedShareLink,
  type ShareLinkError,
  type ShareLinkErrorCode,
} from './share-address';

export * from './share-address';

const LESSON_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

function fail(code: ShareLinkErrorCode, errors?: FieldError[]): { ok: false; error: ShareLinkError } {
  return { ok: false, error: { code, message: translate('en', shareLinkErrorKey(code)), ...(errors ? { errors } : {}) } };
}

/** Adler-32 (RFC 1950 §9), the checksum a zlib stream ends with. */
function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length;) {
    const end = Math.min(i + 3800, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/**
 * The `#s=1.<data>` hash for a scenario; fails (as a value) only when the scenario is over the link
 * limits. Throws only for a `lesson` that is not an id, which is a bug in the caller.
 */
export function encodeShareLink(scenario: Scenario, options: { lesson?: string } = {}): EncodedShareLink {
  const payload: { s: unknown; l?: string } = { s: compactScenario(scenario) };
  if (options.lesson !== undefined) {
    if (!LESSON_ID.test(options.lesson)) throw new Error(`not a lesson id: ${JSON.stringify(options.lesson)}`);
    payload.l = options.lesson;
  }
  const json = new TextEncoder().encode(JSON.stringify(payload));
  if (json.length > MAX_LINK_JSON_BYTES) return fail('too-large');
  const data = encodeBase64Url(zlibSync(json, { level: 9, mem: 8 }));
  if (data.length > MAX_LINK_DATA_CHARS) return fail('too-large');
  return { ok: true, hash: `#${SHARE_LINK_PARAM}=${SHARE_LINK_VERSION}.${data}` };
}

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; code: 'truncated' | 'corrupt' | 'too-large' };

/** Inflate a zlib stream, stopping as soon as the output passes `limit` bytes, and check its Adler-32. */
function inflateBounded(zlib: Uint8Array, limit: number): Inflated {
  // Header (RFC 1950 §2.2): CM 8 = deflate, window <= 32 KiB, FCHECK, no preset dictionary.
  if (zlib.length < 2) return { ok: false, code: 'truncated' };
  const cmf = zlib[0]!;
  const flg = zlib[1]!;
  if ((cmf & 0x0f) !== 8 || cmf >> 4 > 7 || ((cmf << 8) | flg) % 31 !== 0 || flg & 0x20) return { ok: false, code: 'corrupt' };
  if (zlib.length < 2 + 4) return { ok: false, code: 'truncated' };
  const body = zlib.subarray(2, zlib.length - 4);
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  let tooLarge = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > limit) tooLarge = true;
    else chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    // Small pushes bound the work: DEFLATE expands at most ~1032x, so each step yields < 300 kB.
    const STEP = 256;
    for (let i = 0; i < body.length && !tooLarge; i += STEP) inflater.push(body.subarray(i, i + STEP), false);
    if (!tooLarge) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (tooLarge) return { ok: false, code: 'too-large' };
    // fflate error code 0: "unexpected EOF", the stream stops mid-block.
    return { ok: false, code: (e as { code?: number }).code === 0 ? 'truncated' : 'corrupt' };
  }
  if (tooLarge) return { ok: false, code: 'too-large' };
  if (!ended) return { ok: false, code: 'truncated' };
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  const t = zlib.subarray(zlib.length - 4);
  const expected = ((t[0]! << 24) | (t[1]! << 16) | (t[2]! << 8) | t[3]!) >>> 0;
  if (adler32(out) !== expected) return { ok: false, code: 'corrupt' };
  return { ok: true, bytes: out };
}

/**
 * Read a share link from `location.hash` (or a whole URL, or the bare `1.<data>`) back into a
 * validated, migrated scenario. Never throws.
 */
export function decodeShareLink(hashOrUrl: string): DecodedShareLink {
  try {
    return decode(hashOrUrl);
  } catch {
    // Every step above reports failures as values; this is a last guard for the loader's promise.
    return fail('corrupt');
  }
}

function decode(hashOrUrl: string): DecodedShareLink {
  let value = shareLinkParam(hashOrUrl);
  if (value === undefined) {
    if (!/^\d+\./.test(hashOrUrl)) return fail('missing');
    value = hashOrUrl;
  }
  // Some chat apps percent-encode the hash; base64url itself never needs it.
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return fail('malformed');
    }
  }
  value = value.trim();
  const dot = value.indexOf('.');
  const versionText = dot < 0 ? '' : value.slice(0, dot);
  if (!/^\d{1,6}$/.test(versionText)) return fail(value.length === 0 ? 'truncated' : 'malformed');
  const version = Number(versionText);
  if (version > SHARE_LINK_VERSION) return fail('newer-version');
  if (version < 1) return fail('malformed');
  const data = value.slice(dot + 1);
  if (data.length === 0) return fail('truncated');
  if (data.length > MAX_LINK_DATA_CHARS) return fail('too-large');
  const bytes = decodeBase64Url(data);
  if (!bytes.ok) return fail(bytes.reason === 'bad-length' ? 'truncated' : 'malformed');
  const inflated = inflateBounded(bytes.bytes, MAX_LINK_JSON_BYTES);
  if (!inflated.ok) return fail(inflated.code);

  let text: string;
  let payload: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
    payload = JSON.parse(text);
  } catch {
    return fail('corrupt');
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || !('s' in payload)) return fail('corrupt');
  const { s, l } = payload as { s: unknown; l?: unknown };
  if (l !== undefined && (typeof l !== 'string' || !LESSON_ID.test(l))) return fail('invalid-scenario', [{ path: 'lesson', msg: msg('input.not-lesson-id') }]);

  const parsed = parseScenario(s);
  if (!parsed.ok) {
    const sv = typeof s === 'object' && s !== null ? (s as { version?: unknown }).version : undefined;
    const newer = typeof sv === 'number' && sv > SCENARIO_VERSION;
    return fail(newer ? 'newer-version' : 'invalid-scenario', parsed.errors);
  }
  return { ok: true, scenario: parsed.scenario, ...(typeof l === 'string' ? { lesson: l } : {}) };
}
