/**
 * Export image: the canvas as SVG and PNG files, with the selected packet's path drawn and
 * numbered. Reads the shapes from React Flow (every element, also those scrolled out of view) and
 * the links from the drawn edges (those not drawn, out of view, shaped from their handles as the
 * canvas draws them), then renders the SVG with
 * `pictureSvg` and rasterises it for the PNG at twice the size.
 */
import { Position, getBezierPath, getSmoothStepPath, type Edge, type InternalNode, type ReactFlowInstance } from '@xyflow/react';
import type { AppNode, LinkEdgeData } from '../canvas/flow';
import type { PacketRun } from '../../store/playback';
import { hopPoint, type FlowGeometry } from './geometry';
import { type BoxShape, type LabelShape, type LinkShape, type PathPoint, type PictureInput } from './exportSvg';

function boxOf(n: AppNode, i: InternalNode<AppNode>): BoxShape | undefined {
  const { x, y } = i.internals.positionAbsolute;
  const w = i.measured.width ?? n.width ?? 0;
  const h = i.measured.height ?? n.height ?? 0;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each node type has its own data shape
  const d = n.data as Record<string, any>;
  let title = n.id;
  let lines: string[] = [];
  switch (n.type) {
    case 'subnet':
      title = d.subnet.name;
      lines = [d.subnet.cidr];
      break;
    case 'clusterNode':
      title = d.node.name;
      lines = [`eth0 ${d.node.ip}`, `pods ${d.node.podCidr}`];
      break;
    case 'pod':
      title = d.pod.name;
      lines = [d.pod.ip];
      break;
    case 'router':
      title = d.router.name;
      break;
    case 'client':
      title = d.client.name;
      lines = [d.client.ip];
      break;
    case 'loadBalancer':
      title = d.lb.name;
      lines = [d.lb.ip];
      break;
    case 'service':
      title = d.service.name;
      lines = [`${d.service.type} ${d.service.clusterIP ?? ''}`.trim()];
      break;
    case 'ingress':
      title = d.ingress.name;
      lines = ['Ingress'];
      break;
    default:
      return undefined;
  }
  return { kind: n.type ?? 'node', x, y, w, h, title, lines };
}

const DASHED = /edge-(endpoint|lb|ingress)/;

function linksOf(rf: ReactFlowInstance<AppNode>, root: ParentNode): { links: LinkShape[]; labels: LabelShape[] } {
  const links: LinkShape[] = [];
  const labels: LabelShape[] = [];
  const drawn = new Set<string>();
  root.querySelectorAll<SVGGElement>('.react-flow__edge').forEach((g) => {
    const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
    const d = path?.getAttribute('d');
    if (!path || !d) return;
    drawn.add(g.getAttribute('data-id') ?? '');
    links.push({ d, dashed: DASHED.test(path.getAttribute('class') ?? ''), color: getComputedStyle(path).stroke || '#64748b' });
    const label = g.querySelector<SVGGElement>('.react-flow__edge-textwrapper');
    const text = label?.textContent?.trim();
    const m = label?.getAttribute('transform')?.match(/translate\(\s*([-\d.]+)[ ,]+([-\d.]+)\s*\)/);
    const bbox = label?.getBBox();
    if (text && m && bbox) labels.push({ x: Number(m[1]) + bbox.x + bbox.width / 2, y: Number(m[2]) + bbox.y + bbox.height - 3, text });
  });
  // Edges out of view are not drawn (the canvas culls them): drawn here the way edges.tsx draws them,
  // from their handles where React Flow has measured them (else the element's centre), in their colour.
  const end = (id: string, handle: string | null | undefined, side: 'source' | 'target') => {
    const i = rf.getInternalNode(id);
    if (!i || i.hidden) return undefined;
    const { x, y } = i.internals.positionAbsolute;
    const h = i.internals.handleBounds?.[side]?.find((b) => b.id === handle);
    return h ? { x: x + h.x + h.width / 2, y: y + h.y + h.height / 2 } : { x: x + (i.measured.width ?? 0) / 2, y: y + (i.measured.height ?? 0) / 2 };
  };
  rf.getEdges().forEach((e: Edge) => {
    if (drawn.has(e.id) || e.hidden) return;
    const a = end(e.source, e.sourceHandle, 'source');
    const b = end(e.target, e.targetHandle, 'target');
    if (!a || !b) return;
    const data = (e.data ?? {}) as LinkEdgeData;
    const shape = { sourceX: a.x, sourceY: a.y, targetX: b.x, targetY: b.y, sourcePosition: Position.Bottom, targetPosition: Position.Top };
    if (e.type === 'link') {
      const [d, lx, ly] = getSmoothStepPath({ ...shape, borderRadius: 10 });
      links.push({ d, dashed: false, color: '#1e293b' });
      if (data.label) labels.push({ x: lx, y: ly - 9, text: data.label });
    } else if (e.type === 'lbLink' || e.type === 'ingressLink') {
      links.push({ d: getBezierPath(shape)[0], dashed: true, color: e.type === 'lbLink' ? '#ea580c' : '#0d9488' });
    } else if (e.type === 'uplink') {
      links.push({ d: `M ${a.x} ${a.y} L ${a.x} ${b.y}`, dashed: false, color: '#475569' });
    } else if (e.type === 'veth') {
      links.push({ d: `M ${a.x} ${a.y} L ${b.x} ${a.y}`, dashed: false, color: '#1d4ed8' });
    } else {
      links.push({ d: `M ${a.x} ${a.y} L ${b.x} ${b.y}`, dashed: true, color: data.color ?? '#94a3b8' });
      if (data.label) labels.push({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + 4, text: data.label });
    }
  });
  return { links, labels };
}

/** The packet's path: one numbered point per place it passes (consecutive hops on one element are one place). */
export function pathOf(run: PacketRun | undefined, geometry: FlowGeometry, nameOf: (id: string) => string): PathPoint[] {
  if (!run) return [];
  const out: PathPoint[] = [];
  let lastAt: string | undefined;
  for (const st of run.steps) {
    if (st.hop.at === lastAt && !st.hop.link) continue;
    lastAt = st.hop.at;
    const pt = hopPoint(geometry, st.hop);
    if (!pt) continue;
    out.push({ x: pt.x, y: pt.y, n: out.length + 1, label: `${nameOf(st.hop.at)}${st.hop.iface ? ` ${st.hop.iface}` : ''}` });
  }
  return out;
}

export function collectPicture(
  rf: ReactFlowInstance<AppNode>,
  root: ParentNode,
  run: PacketRun | undefined,
  geometry: FlowGeometry,
  nameOf: (id: string) => string,
  title: string,
  caption?: string,
): PictureInput {
  const boxes: BoxShape[] = [];
  for (const n of rf.getNodes()) {
    const i = rf.getInternalNode(n.id);
    if (!i || n.hidden) continue;
    const b = boxOf(n, i);
    if (b) boxes.push(b);
  }
  const { links, labels } = linksOf(rf, root);
  return { title, boxes, links, labels, path: pathOf(run, geometry, nameOf), pathColor: run?.color ?? '#0072B2', ...(caption ? { caption } : {}) };
}

/** Rasterise the SVG text to a PNG at `scale` (capped so neither side passes 8,000 px). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const w = Number(svg.match(/<svg[^>]* width="(\d+)"/)?.[1] ?? 800);
  const h = Number(svg.match(/<svg[^>]* height="(\d+)"/)?.[1] ?? 600);
  const k = Math.min(scale, 8000 / Math.max(w, h));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * k));
    canvas.height = Math.max(1, Math.round(h * k));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the scenario's name: lower case, dashes, no odd characters. */
export function imageFileBase(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'kube-network';
}
