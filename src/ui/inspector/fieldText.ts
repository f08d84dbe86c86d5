/**
 * Text forms of structured fields the inspector edits as one line: labels and selectors
 * ("app=web, tier=frontend"), container ports ("http=8080/TCP, 9090/UDP"), router static routes
 * ("10.0.0.0/8 via 192.168.1.254", one per line) and ingress rules
 * ("shop.example.com/api -> api:80", one per line). Parsing only splits the text; the values are
 * validated by the simulation's schema when the edit is applied.
 */
import { msg, RESERVED_LABEL_KEYS, type Message } from '../../sim/index';
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: Message };

const parts = (text: string, sep: RegExp) =>
  text
    .split(sep)
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

export function formatLabels(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

export function parseLabels(text: string): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const item of parts(text, /[,\n]/)) {
    const eq = item.indexOf('=');
    if (eq <= 0) return { ok: false, error: msg('text.not-key-value', { item }) };
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (!/^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/.test(key)) {
      return { ok: false, error: msg('text.bad-label-key', { key }) };
    }
    if (value !== '' && !/^[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$/.test(value)) {
      return { ok: false, error: msg('text.bad-label-value', { value }) };
    }
    if (RESERVED_LABEL_KEYS.includes(key)) return { ok: false, error: msg('schema.reserved-key', { key }) };
    if (Object.prototype.hasOwnProperty.call(out, key)) return { ok: false, error: msg('text.duplicate-label', { key }) };
    out[key] = value;
  }
  return { ok: true, value: out };
}

export interface PortText {
  name?: string | undefined;
  containerPort: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

export function formatContainerPorts(ports: PortText[]): string {
  return ports.map((p) => `${p.name ? `${p.name}=` : ''}${p.containerPort}/${p.protocol}`).join(', ');
}

export function parseContainerPorts(text: string): Parsed<PortText[]> {
  const out: PortText[] = [];
  for (const item of parts(text, /[,\n]/)) {
    const m = /^(?:([a-z0-9-]+)=)?(\d+)(?:\/(tcp|udp|sctp))?$/i.exec(item);
    if (!m) return { ok: false, error: msg('text.not-a-port', { item, example: '8080, 8080/TCP, http=8080/TCP' }) };
    const containerPort = Number(m[2]);
    if (containerPort < 1 || containerPort > 65535) return { ok: false, error: msg('text.port-range', { port: containerPort }) };
    out.push({ ...(m[1] ? { name: m[1] } : {}), containerPort, protocol: (m[3]?.toUpperCase() ?? 'TCP') as PortText['protocol'] });
  }
  return { ok: true, value: out };
}

export function formatRoutes(routes: { dst: string; via: string }[]): string {
  return routes.map((r) => `${r.dst} via ${r.via}`).join('\n');
}

export function parseRoutes(text: string): Parsed<{ dst: string; via: string }[]> {
  const out: { dst: string; via: string }[] = [];
  for (const line of parts(text, /\n/)) {
    const m = /^(\S+)\s+via\s+(\S+)$/.exec(line.replace(/^default\b/, '0.0.0.0/0'));
    if (!m) return { ok: false, error: msg('text.not-a-route', { line, example: '10.244.0.0/16 via 192.168.1.10' }) };
    out.push({ dst: m[1]!, via: m[2]! });
  }
  return { ok: true, value: out };
}

export interface RuleText {
  host?: string | undefined;
  paths: { path: string; pathType: 'Prefix' | 'Exact' | 'ImplementationSpecific'; backend: { service: string; port: number | string } }[];
}

export function formatRules(rules: RuleText[]): string {
  return rules.flatMap((r) => r.paths.map((p) => `${r.host ?? '*'}${p.path} -> ${p.backend.service}:${p.backend.port}`)).join('\n');
}

export function parseRules(text: string): Parsed<RuleText[]> {
  const byHost = new Map<string, RuleText>();
  for (const line of parts(text, /\n/)) {
    const m = /^(\*|[a-z0-9.-]+)?(\/\S*)\s*->\s*([a-z0-9-]+):([a-z0-9-]+)$/i.exec(line);
    if (!m) return { ok: false, error: msg('text.not-a-rule', { line, example: 'shop.example.com/api -> api:80' }) };
    const host = m[1] && m[1] !== '*' ? m[1].toLowerCase() : undefined;
    const key = host ?? '*';
    const rule = byHost.get(key) ?? { ...(host ? { host } : {}), paths: [] };
    const port = /^\d+$/.test(m[4]!) ? Number(m[4]) : m[4]!;
    rule.paths.push({ path: m[2]!, pathType: 'Prefix', backend: { service: m[3]!, port } });
    byHost.set(key, rule);
  }
  return { ok: true, value: [...byHost.values()] };
}
