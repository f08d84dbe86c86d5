/**
 * A bare React Flow page (`?bare=1&n=1100`): plain default nodes, default props, nothing else. The
 * canvas benchmark runs the same gestures here and on the playground's stress page, on the same
 * machine, to compare.
 */
import { ReactFlow, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';

export function bareNodes(count: number): Node[] {
  const cols = Math.ceil(Math.sqrt(count * 3));
  return Array.from({ length: count }, (_, i) => ({
    id: `n${i}`,
    position: { x: (i % cols) * 190, y: Math.floor(i / cols) * 80 },
    data: { label: `Node ${i}` },
  }));
}

export function BareFlow({ count, zoom }: { count: number; zoom?: number | undefined }) {
  const nodes = bareNodes(count);
  return (
    <div style={{ width: '100vw', height: '100vh' }} data-testid="bare-flow">
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={[]}
        fitView={zoom === undefined}
        {...(zoom === undefined ? {} : { defaultViewport: { x: 0, y: 0, zoom } })}
        minZoom={0.02}
      />
    </div>
  );
}
