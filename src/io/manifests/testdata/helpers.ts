/** Helpers of the manifest import tests. */
import { formatMessage } from '../../../i18n/sim/index';
import { formatManifestError, type ManifestImport } from '../index';
import type { Message } from '../../../sim/index';

export const src = (text: string, name = 'app.yaml') => [{ name, text }];

export function ok(r: ManifestImport): Extract<ManifestImport, { ok: true }> {
  if (!r.ok) throw new Error(r.errors.map((e) => formatManifestError(e)).join('\n'));
  return r;
}

/** A message as the English and the Chinese reader see it. */
export const en = (m: { msg: Message }) => formatMessage('en', m.msg);
export const zh = (m: { msg: Message }) => formatMessage('zh-CN', m.msg);
