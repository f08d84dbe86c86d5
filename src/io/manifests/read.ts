/**
 * The first step of an import: every object checked against its kind's shape, with errors naming
 * the document, the object and the field; objects of kinds that are not about networking set aside
 * with a note; two objects with the same kind, namespace and name refused.
 */
import { isKnownKind, k8sIssueMessage, KIND_SCHEMAS, type KnownKind } from './k8s-schemas';
import { msg, type Message } from '../../sim/index';
import { objectError, readDocuments, type ManifestError, type ManifestSource, type RawObject } from './documents';

export interface ManifestNote {
  source: string;
  doc: number;
  ref?: string;
  msg: Message;
  line?: number;
}

/** A checked object: `value` has its kind's schema output type (narrowed by `kind` where used). */
export interface CheckedObject {
  raw: RawObject;
  kind: KnownKind;
  name: string;
  /** metadata.namespace, "default" when left out; "" for cluster-scoped kinds. */
  namespace: string;
  value: unknown;
}

const CLUSTER_SCOPED: ReadonlySet<KnownKind> = new Set(['Namespace', 'Node', 'IngressClass']);

export function noteFor(o: RawObject, message: Message): ManifestNote {
  const pos = o.locate([]);
  return { source: o.source, doc: o.doc, ...(o.kind ? { ref: `${o.kind}/${o.name || '?'}` } : {}), msg: message, ...(pos ? { line: pos.line } : {}) };
}

/** An element from the manifests on its way into the scenario, with the object it came from. */
export interface Sourced<T> {
  from: CheckedObject;
  item: T;
}

export function checkObjects(sources: ManifestSource[]): { objects: CheckedObject[]; errors: ManifestError[]; ignored: ManifestNote[] } {
  const { objects: raws, errors, skipped } = readDocuments(sources, isKnownKind);
  const objects: CheckedObject[] = [];
  const ignored: ManifestNote[] = skipped.map((k) => ({
    source: k.source,
    doc: k.doc,
    ref: `${k.kind}/${k.name}`,
    msg: msg('manifest.ignored-kind', { kind: k.kind }),
    line: k.line,
  }));
  const seen = new Map<string, RawObject>();
  for (const raw of raws) {
    const o = raw.obj;
    if (typeof o.kind !== 'string' || o.kind === '') {
      errors.push(objectError(raw, ['kind'], msg('manifest.needs-kind')));
      continue;
    }
    if (typeof o.apiVersion !== 'string' || o.apiVersion === '') {
      errors.push(objectError(raw, ['apiVersion'], msg('manifest.needs-kind')));
      continue;
    }
    const kind = o.kind;
    if (!isKnownKind(kind)) {
      ignored.push(noteFor(raw, msg('manifest.ignored-kind', { kind })));
      continue;
    }
    const spec = KIND_SCHEMAS[kind];
    if (!(spec.apiVersions as readonly string[]).includes(o.apiVersion)) {
      errors.push(objectError(raw, ['apiVersion'], msg('manifest.api-version', { kind, versions: spec.apiVersions, given: o.apiVersion })));
      continue;
    }
    const parsed = spec.schema.safeParse(o);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) errors.push(objectError(raw, issue.path, k8sIssueMessage(issue, spec.schema, o)));
      continue;
    }
    const meta = (parsed.data as { metadata: { name: string; namespace?: string | undefined } }).metadata;
    const namespace = CLUSTER_SCOPED.has(kind) ? '' : (meta.namespace ?? 'default');
    const key = `${kind}|${namespace}|${meta.name}`;
    const before = seen.get(key);
    if (before) {
      errors.push(
        objectError(
          raw,
          ['metadata', 'name'],
          msg('manifest.duplicate', {
            ...(before.source === raw.source ? {} : { source: before.source }),
            doc: before.doc,
            ref: `${kind} ${namespace ? `${namespace}/` : ''}${meta.name}`,
          }),
        ),
      );
      continue;
    }
    seen.set(key, raw);
    objects.push({ raw, kind, name: meta.name, namespace, value: parsed.data });
  }
  const order = new Map(sources.map((src, i) => [src.name, i]));
  ignored.sort((a, b) => (order.get(a.source) ?? 0) - (order.get(b.source) ?? 0) || a.doc - b.doc);
  return { objects, errors, ignored };
}
