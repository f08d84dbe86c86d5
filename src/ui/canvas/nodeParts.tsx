/** Small parts the element components share: where an edge attaches, and a pod's or Service's label chips. */
import type { CSSProperties } from 'react';
import type { Position } from '@xyflow/react';
import { useT } from '../../i18n/useT';

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
