/** Small parts of the element components: where an edge attaches, label chips, a node's pods far out, a pod name's room. */
import type { CSSProperties } from 'react';
import type { Position } from '@xyflow/react';
import { useT } from '../../i18n/useT';
import { POD_H, POD_ROW_GAP, POD_W, podSlot } from '../../layout/geometry';

/**
 * Where an edge attaches. Nothing is ever connected by hand here, so instead of React Flow's <Handle>
 * (one store subscription each, thousands on a big canvas, all re-run on every pan frame) this is the
 * element React Flow measures for a handle: the same classes and data attributes, without the
 * connection logic.
 */
export function Anchor({ id, type, position, style }: { id: string; type: 'source' | 'target'; position: Position; style?: CSSProperties }) {
  return <div data-handleid={id} data-handlepos={position} className={`react-flow__handle react-flow__handle-${position} ${type} anchor`} style={style} />;
}

export function Labels({ labels, max = 3 }: { labels: Record<string, string>; max?: number }) {
  const t = useT();
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="muted">{t('canvas.noLabels')}</span>;
  return (
    <>
      {entries.slice(0, max).map(([k, v]) => (
        <span key={k} className="label-chip">
          {k}={v}
        </span>
      ))}
      {entries.length > max && <span className="muted">+{entries.length - max}</span>}
    </>
  );
}

/** Far out, a node's pods as one element: a column of coloured tiles in the pods' slots. */
export function podTiles(colors: string[]): CSSProperties {
  const first = podSlot(0);
  const step = POD_H + POD_ROW_GAP;
  const stops = colors.map((c, i) => `${c} ${i * step}px ${i * step + POD_H}px, transparent ${i * step + POD_H}px ${(i + 1) * step}px`);
  return {
    left: first.x,
    top: first.y,
    width: POD_W,
    height: colors.length * step - POD_ROW_GAP,
    background: `linear-gradient(to bottom, ${stops.join(', ')})`,
  };
}

/**
 * Characters of a pod's name that fit on the card's one title line (14 px bold, ~115 px). A longer name
 * (ingress-nginx-controller-1) wraps at its hyphens onto a second line instead of being cut, and the
 * card leaves out its labels row for it (the labels are in the inspector).
 */
export const POD_NAME_FITS = 14;
