/**
 * Reading manifest text: one or many YAML documents per source (`---`-separated), `List` objects
 * (as `kubectl get -o yaml` prints several objects) opened into their items. Every object keeps
 * where it came from (source, document index, path prefix inside the document) so an error can name
 * the document, the object (`Service/redis-leader`) and the field path, with its line.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { msg, type Message } from '../../sim/index';
import { formatMessage } from '../../i18n/sim/index';
import type { Locale } from '../../i18n/locale';

export interface ManifestSource {
  /** A file name, or "pasted text". */
  name: string;
  text: string;
}

export interface ManifestError {
  source: string;
  /** 1-based index of the YAML document within its source. */
  doc: number;
  /** `Kind/name` of the object, when known. */
  ref?: string;
  /** Field path inside the document, `spec.ports[0].port`; empty for the document as a whole. */
  path: string;
  /** What is wrong, in the reader's language when rendered. */
  msg: Message;
  /** 1-based line and column in the source text, when known. */
  line?: number;
  col?: number;
}

/** One Kubernetes object read from a source. */
export interface RawObject {
  source: string;
  doc: number;
  /** Path of this object inside its document: [] for the document itself, ['items', 2] inside a List. */
  prefix: (string | number)[];
  obj: Record<string, unknown>;
  kind: string;
  name: string;
  /** Where a field of this object sits in the source text. */
  locate: (path: readonly PropertyKey[]) => { line: number; col: number } | undefined;
}

/** `spec.ports[0].port` from ['spec', 'ports', 0, 'port']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** An error or note with where it is: "document 3 (Service/redis-leader), line 12: spec.ports[0].port: must be …". */
export function manifestAt(e: { source: string; doc: number; ref?: string; line?: number; path?: string; msg: Message }, withSource = false): Message {
  return msg('manifest.at', {
    ...(withSource && e.source ? { source: e.source } : {}),
    doc: e.doc,
    ...(e.ref ? { ref: e.ref } : {}),
    ...(e.line ? { line: e.line } : {}),
    ...(e.path ? { path: e.path } : {}),
    issue: e.msg,
  });
}

/** `manifestAt` as text in `locale` (the CLI's lines). */
export function formatManifestError(e: ManifestError, withSource = false, locale: Locale = 'en'): string {
  return formatMessage(locale, manifestAt(e, withSource));
}

/** Where a path of a document's YAML sits, 1-based, in a document that starts at `firstLine` of its source. */
function locateIn(doc: Document, lines: LineCounter, firstLine: number, path: readonly PropertyKey[]): { line: number; col: number } | undefined {
  // The deepest node that exists along the path (a missing field points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    const range = node && typeof node === 'object' && 'range' in node ? node.range : undefined;
    if (range) {
      const pos = lines.linePos(range[0]);
      return { line: pos.line + firstLine - 1, col: pos.col };
    }
  }
  return undefined;
}

/** A lazy locator: the document is parsed again for its positions only when an error needs one. */
function locator(text: string, firstLine: number) {
  let parsed: { doc: Document; lines: LineCounter } | undefined;
  return (path: readonly PropertyKey[]) => {
    if (!parsed) {
      const lines = new LineCounter();
      parsed = { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false }), lines };
    }
    return locateIn(parsed.doc, parsed.lines, firstLine, path);
  };
}

function refOf(obj: Record<string, unknown>): { kind: string; name: string } {
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const meta = obj.metadata;
  const name = meta && typeof meta === 'object' && typeof (meta as { name?: unknown }).name === 'string' ? (meta as { name: string }).name : '';
  return { kind, name };
}

/**
 * The documents of a YAML stream, split as kubectl splits them (k8s.io/apimachinery yaml.NewYAMLReader:
 * a line that starts with "---" separates documents), each with the line it starts on.
 */
export function splitDocuments(text: string): { text: string; firstLine: number }[] {
  const out: { text: string; firstLine: number }[] = [];
  const sep = /^---(?=[ \t]|\r?$)[^\n]*(?:\n|$)/gm;
  let from = 0;
  let line = 1;
  let m: RegExpExecArray | null;
  const countLines = (a: number, b: number) => {
    let n = 0;
    for (let i = text.indexOf('\n', a); i !== -1 && i < b; i = text.indexOf('\n', i + 1)) n++;
    return n;
  };
  while ((m = sep.exec(text)) !== null) {
    if (m.index > from || out.length > 0 || m.index > 0) out.push({ text: text.slice(from, m.index), firstLine: line });
    line += countLines(from, m.index + m[0].length);
    from = m.index + m[0].length;
    if (m[0].length === 0) sep.lastIndex++;
  }
  out.push({ text: text.slice(from), firstLine: line });
  return out;
}

/** `kind: X` at the top level of a block-style document, if it is written so (quick look before parsing). */
const TOP_KIND = /^kind:[ \t]*["']?([A-Za-z0-9]+)["']?[ \t]*(?:#.*)?\r?$/m;
const META_NAME = /^metadata:[ \t]*\r?\n(?:(?:[ \t]+[^\n]*|[ \t]*)\r?\n)*?[ \t]+name:[ \t]*["']?([A-Za-z0-9.-]+)["']?[ \t]*\r?$/m;

/**
 * Every object in the sources, in order, and the problems that stop a document from being read at
 * all. A document whose top-level kind is not one the importer reads is only noted (never parsed:
 * 10,000 ConfigMaps cost a regular expression each).
 */
export function readDocuments(
  sources: ManifestSource[],
  isRead: (kind: string) => boolean = () => true,
): { objects: RawObject[]; errors: ManifestError[]; skipped: { source: string; doc: number; kind: string; name: string; line: number }[] } {
  const objects: RawObject[] = [];
  const errors: ManifestError[] = [];
  const skipped: { source: string; doc: number; kind: string; name: string; line: number }[] = [];
  for (const src of sources) {
    splitDocuments(src.text.replace(/^\uFEFF/, '')).forEach((d, i) => {
      const index = i + 1;
      const kind = TOP_KIND.exec(d.text)?.[1];
      if (kind && !isRead(kind) && !kind.endsWith('List')) {
        const name = META_NAME.exec(d.text)?.[1];
        if (name !== undefined) {
          skipped.push({ source: src.name, doc: index, kind, name, line: d.firstLine });
          return;
        }
      }
      const lines = new LineCounter();
      const doc = parseDocument(d.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
      if (doc.errors.length > 0) {
        for (const err of doc.errors) {
          const pos = lines.linePos(err.pos[0]);
          errors.push({
            source: src.name,
            doc: index,
            path: '',
            msg: msg('manifest.not-yaml', { detail: err.message.split('\n')[0]! }),
            line: pos.line + d.firstLine - 1,
            col: pos.col,
          });
        }
        return;
      }
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      const locate = locator(d.text, d.firstLine);
      if (value === null || value === undefined) return; // an empty document (a stray ---)
      if (typeof value !== 'object' || Array.isArray(value)) {
        errors.push({ source: src.name, doc: index, path: '', msg: msg('manifest.not-object'), ...locate([]) });
        return;
      }
      const obj = value as Record<string, unknown>;
      if (obj.kind === 'List' || (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items))) {
        if (!Array.isArray(obj.items)) {
          errors.push({ source: src.name, doc: index, ref: 'List', path: 'items', msg: msg('manifest.list-items'), ...locate(['items']) });
          return;
        }
        obj.items.forEach((item: unknown, j: number) => {
          const prefix = ['items', j];
          if (!item || typeof item !== 'object' || Array.isArray(item)) {
            errors.push({ source: src.name, doc: index, ref: 'List', path: formatPath(prefix), msg: msg('manifest.list-item'), ...locate(prefix) });
            return;
          }
          const o = item as Record<string, unknown>;
          objects.push({ source: src.name, doc: index, prefix, obj: o, ...refOf(o), locate: (p) => locate([...prefix, ...p]) });
        });
        return;
      }
      objects.push({ source: src.name, doc: index, prefix: [], obj, ...refOf(obj), locate });
    });
  }
  return { objects, errors, skipped };
}

/** An error about a field of an object, located in its source. */
export function objectError(o: RawObject, path: readonly PropertyKey[], message: Message): ManifestError {
  const ref = o.kind ? `${o.kind}/${o.name || '?'}` : undefined;
  const pos = o.locate(path);
  return {
    source: o.source,
    doc: o.doc,
    ...(ref ? { ref } : {}),
    path: formatPath([...o.prefix, ...path]),
    msg: message,
    ...(pos ? { line: pos.line, col: pos.col } : {}),
  };
}
