/**
 * The boxes of the edges' labels (a router interface's name and address, an endpoint group's count,
 * a burst's count on an endpoint line), worked out from React Flow's store the way React Flow's
 * EdgeText draws them: the text centred on the label's point, padded by its background. So the
 * marker label can keep off them without reading them from the page, including labels of edges
 * scrolled out of view.
 */
import type { CSSProperties } from 'react';
import type { ReactFlowState } from '@xyflow/react';
import { edgeEnds, linkPath } from './edgePaths';
import type { LinkEdgeData } from './flowTypes';

export const LABEL_STYLE: CSSProperties = { fontSize: 12, fontFamily: 'var(--mono)', fill: '#334155' };
export const LABEL_BG: CSSProperties = { fill: '#ffffff', stroke: '#cbd5e1' };
export const FLOW_LABEL: CSSProperties = { fontSize: 13, fontWeight: 700, fontFamily: 'var(--mono)', fill: '#1d2433' };
/** Background padding [x, y] of a router interface's label and a burst's count, and of an endpoint group's count. */
export const LINK_LABEL_PAD: [number, number] = [6, 3];
export const GROUP_LABEL_PAD: [number, number] = [5, 2];

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A monospace character is 0.6 em wide (DejaVu Sans Mono, Menlo); a Chinese one a full em. */
function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/.test(ch) ? 1 : 0.6;
  return em * fontSize;
}

/** The box of one label centred on (x, y). */
export function labelBox(text: string, x: number, y: number, fontSize: number, [px, py]: [number, number]): Box {
  const w = textWidth(text, fontSize) + 2 * px;
  const h = fontSize * 1.2 + 2 * py;
  return { x: x - w / 2, y: y - h / 2, w, h };
}

/**
 * Every edge label's box in flow units. `flowText` renders a burst's count as the edge does (it is
 * translated); an edge whose ends React Flow has not measured yet has no box.
 */
export function edgeLabelBoxes(s: Pick<ReactFlowState, 'edgeLookup' | 'nodeLookup'>, flowText: (f: NonNullable<LinkEdgeData['flow']>) => string): Box[] {
  const boxes: Box[] = [];
  for (const edge of s.edgeLookup.values()) {
    const data = edge.data as LinkEdgeData | undefined;
    if (edge.hidden || (!data?.label && !data?.flow)) continue;
    const at = edgeEnds(s, edge.id);
    if (!at) continue;
    const { sourceX, sourceY, targetX, targetY } = at.ends;
    if (at.type === 'link') {
      const { labelX, labelY } = linkPath(at.ends);
      boxes.push(labelBox(data.label ?? '', labelX, labelY, LABEL_STYLE.fontSize as number, LINK_LABEL_PAD));
    } else if (at.type === 'endpoint') {
      const mx = (sourceX + targetX) / 2;
      const my = (sourceY + targetY) / 2;
      if (data.flow) {
        const text = data.label ? `${data.label} · ${flowText(data.flow)}` : flowText(data.flow);
        boxes.push(labelBox(text, mx, my, FLOW_LABEL.fontSize as number, LINK_LABEL_PAD));
      } else boxes.push(labelBox(data.label!, mx, my, LABEL_STYLE.fontSize as number, GROUP_LABEL_PAD));
    }
  }
  return boxes;
}
