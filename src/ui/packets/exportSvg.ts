/**
 * The canvas as a standalone SVG, for notes and slides: every element as a box with its name and
 * address, the links, and the selected packet's path drawn over them with each place it visits
 * numbered in order. Pure: takes plain shapes in flow coordinates, returns the SVG text (styling
 * by presentation attributes only, so any viewer and any Content-Security-Policy shows it).
 */

export interface BoxShape {
  kind: string;
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  lines: string[];
}

export interface LinkShape {
  d: string;
  dashed: boolean;
  color: string;
}

export interface LabelShape {
  x: number;
  y: number;
  text: string;
}

export interface PathPoint {
  x: number;
  y: number;
  /** 1-based number of the place in the packet's journey. */
  n: number;
  label: string;
}

export interface PictureInput {
  title: string;
  boxes: BoxShape[];
  links: LinkShape[];
  labels: LabelShape[];
  path: PathPoint[];
  pathColor: string;
  caption?: string;
}

const STYLE: Record<string, { fill: string; stroke: string; text: string }> = {
  subnet: { fill: '#f1f5f9', stroke: '#64748b', text: '#0f172a' },
  clusterNode: { fill: '#eff6ff', stroke: '#3b82f6', text: '#1e3a8a' },
  pod: { fill: '#ffffff', stroke: '#16a34a', text: '#0f172a' },
  router: { fill: '#1e293b', stroke: '#0f172a', text: '#f8fafc' },
  client: { fill: '#f8fafc', stroke: '#94a3b8', text: '#334155' },
  loadBalancer: { fill: '#fff7ed', stroke: '#fb923c', text: '#9a3412' },
  service: { fill: '#faf5ff', stroke: '#7c3aed', text: '#4c1d95' },
  ingress: { fill: '#f0fdfa', stroke: '#14b8a6', text: '#0f766e' },
};
const FALLBACK = { fill: '#ffffff', stroke: '#94a3b8', text: '#0f172a' };
const ORDER = ['subnet', 'clusterNode'];

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const num = (v: number) => String(Math.round(v * 10) / 10);

export function bounds(input: Pick<PictureInput, 'boxes' | 'path'>, pad = 40): { x: number; y: number; w: number; h: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const b of input.boxes) {
    xs.push(b.x, b.x + b.w);
    ys.push(b.y, b.y + b.h);
  }
  for (const p of input.path) {
    xs.push(p.x);
    ys.push(p.y);
  }
  if (xs.length === 0) return { x: 0, y: 0, w: 400, h: 300 };
  const x = Math.min(...xs) - pad;
  const y = Math.min(...ys) - pad - 30;
  return { x, y, w: Math.max(...xs) + pad - x, h: Math.max(...ys) + pad - y };
}

function box(b: BoxShape): string {
  const st = STYLE[b.kind] ?? FALLBACK;
  const r = b.kind === 'subnet' ? 12 : 8;
  const head = b.kind === 'subnet' ? `<rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="36" rx="${r}" fill="#334155"/>` : '';
  const tc = b.kind === 'subnet' ? '#f8fafc' : st.text;
  const text = [b.title, ...b.lines]
    .map(
      (line, i) =>
        `<text x="${num(b.x + 10)}" y="${num(b.y + 20 + i * 17)}" font-family="ui-monospace, Menlo, monospace" font-size="${i === 0 ? 14 : 13}"${i === 0 ? ' font-weight="700"' : ''} fill="${i === 0 ? tc : st.text}">${escapeXml(line)}</text>`,
    )
    .join('');
  return `<g data-kind="${escapeXml(b.kind)}"><rect x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}" rx="${r}" fill="${st.fill}" stroke="${st.stroke}" stroke-width="1.5"/>${head}${text}</g>`;
}

/** The picture as SVG text. */
export function pictureSvg(input: PictureInput): string {
  const v = bounds(input);
  const boxes = [...input.boxes].sort((a, b) => rank(a.kind) - rank(b.kind));
  const links = input.links
    .map((l) => `<path d="${escapeXml(l.d)}" fill="none" stroke="${l.color}" stroke-width="2"${l.dashed ? ' stroke-dasharray="6 5"' : ''}/>`)
    .join('');
  const labels = input.labels
    .map(
      (l) =>
        `<text x="${num(l.x)}" y="${num(l.y)}" text-anchor="middle" font-family="ui-monospace, monospace" font-size="12" fill="#334155" stroke="#fff" stroke-width="4" paint-order="stroke">${escapeXml(l.text)}</text>`,
    )
    .join('');
  const under = boxes
    .filter((b) => ORDER.includes(b.kind))
    .map(box)
    .join('');
  const over = boxes
    .filter((b) => !ORDER.includes(b.kind))
    .map(box)
    .join('');
  const c = input.pathColor;
  const line =
    input.path.length > 1
      ? `<polyline points="${input.path.map((p) => `${num(p.x)},${num(p.y)}`).join(' ')}" fill="none" stroke="${c}" stroke-width="4" stroke-linejoin="round" stroke-linecap="round" opacity="0.85"/>`
      : '';
  const marks = input.path
    .map(
      (p, i) =>
        `<g data-step="${p.n}"><circle cx="${num(p.x)}" cy="${num(p.y)}" r="11" fill="${c}" stroke="#fff" stroke-width="2"/><text x="${num(p.x)}" y="${num(p.y + 4)}" text-anchor="middle" font-family="system-ui, sans-serif" font-size="12" font-weight="700" fill="#fff">${p.n}</text>` +
        `<text x="${num(p.x + 15)}" y="${num(p.y - 10 - (i % 2) * 14)}" font-family="ui-monospace, monospace" font-size="11" fill="#111827" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(p.label)}</text></g>`,
    )
    .join('');
  const title = `<text x="${num(v.x + 16)}" y="${num(v.y + 26)}" font-family="system-ui, sans-serif" font-size="16" font-weight="700" fill="#0f172a">${escapeXml(input.title)}</text>`;
  const caption = input.caption
    ? `<text x="${num(v.x + 16)}" y="${num(v.y + v.h - 12)}" font-family="system-ui, sans-serif" font-size="12" fill="#475569">${escapeXml(input.caption)}</text>`
    : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.ceil(v.w)}" height="${Math.ceil(v.h)}" viewBox="${num(v.x)} ${num(v.y)} ${num(v.w)} ${num(v.h)}">` +
    `<rect x="${num(v.x)}" y="${num(v.y)}" width="${num(v.w)}" height="${num(v.h)}" fill="#ffffff"/>` +
    title +
    under +
    links +
    labels +
    over +
    `<g data-testid="packet-path">${line}${marks}</g>` +
    caption +
    `</svg>\n`
  );
}

function rank(kind: string): number {
  const i = ORDER.indexOf(kind);
  return i === -1 ? ORDER.length : i;
}
