/** Parsing what a user types as a destination: `web:80`, `10.96.0.20:80`, `web.shop.svc.cluster.local:80`, `http://host/path`. */
export type TargetText = { ok: true; to: string; port?: number } | { ok: false; error: string };

export function parseTargetText(text: string): TargetText {
  const to = text.trim();
  if (to === '') return { ok: false, error: 'type a destination, e.g. web:80 or 10.244.1.2:80' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(to)) {
    try {
      const url = new URL(to);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `only http:// and https:// URLs can be sent, not ${url.protocol}//` };
      return { ok: true, to };
    } catch {
      return { ok: false, error: `"${to}" is not a valid URL` };
    }
  }
  const m = /^(.*):(\d+)$/.exec(to);
  if (!m) return /\s/.test(to) ? { ok: false, error: `"${to}" contains spaces` } : { ok: true, to };
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return { ok: false, error: `port ${m[2]} is outside 1-65535` };
  if (m[1] === '') return { ok: false, error: 'missing the address before the port' };
  return { ok: true, to: m[1]!, port };
}
