/**
 * Pod names as the workload controllers give them, made deterministic:
 * - Deployment: its ReplicaSet is `<deployment>-<pod-template-hash>`, the hash being
 *   `rand.SafeEncodeString(fmt.Sprint(fnv32a(template)))` (pkg/controller/controller_utils.go
 *   ComputeHash); the ReplicaSet's pods get a 5-character random suffix (generateName).
 * - ReplicaSet, DaemonSet, Job: `<owner>-<5 characters>` (generateName, names.SimpleNameGenerator:
 *   the base cut to 58 characters).
 * - StatefulSet: `<statefulset>-<ordinal>`, 0 to replicas-1.
 * The controllers hash a Go dump of the whole template; we hash the canonical JSON of the part the
 * playground keeps (labels, containers, ports, probes), so a template exported and imported again
 * hashes the same. The "random" suffixes come from a hash of the owner and the pod's ordinal.
 */

/** k8s.io/apimachinery/pkg/util/rand: consonants and digits only, so no words and no confusable characters. */
export const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_LENGTH = 63 - 5;

/** FNV-1a, 32 bits (hash/fnv New32a), over the UTF-8 bytes of `text`. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each byte mapped onto the safe alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += SAFE_ALPHABET[s.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** JSON with object keys sorted, so equal objects give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The pod-template-hash label value of a template. */
export function podTemplateHash(template: unknown): string {
  return safeEncodeString(String(fnv32a(canonicalJson(template))));
}

/** Five characters of the safe alphabet, derived from `seed` (stands in for generateName's random suffix). */
export function nameSuffix(seed: string): string {
  let h = fnv32a(seed);
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += SAFE_ALPHABET[h % SAFE_ALPHABET.length];
    h = Math.floor(h / SAFE_ALPHABET.length);
    if (h === 0) h = fnv32a(`${seed}#${i}`);
  }
  return out;
}

/** A generateName-style name: the base cut to 58 characters, then the suffix. */
export function generatedName(base: string, seed: string): string {
  const b = `${base}-`.slice(0, MAX_GENERATED_NAME_LENGTH);
  return `${b}${nameSuffix(seed)}`;
}
