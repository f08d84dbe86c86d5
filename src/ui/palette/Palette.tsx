/**
 * The palette: drag an element type onto the canvas, or focus it and press Enter to add one next
 * to (or into) the current selection.
 */
import { memo, useCallback, type DragEvent } from 'react';
import type { ElementKind } from '../../sim/model/schema';
import { KindIcon } from '../canvas/icons';
import { PALETTE_MIME } from '../canvas/Canvas';
import { useAddElement } from '../canvas/useAddElement';

export const PALETTE_ITEMS: { kind: ElementKind; label: string; hint: string }[] = [
  { kind: 'subnet', label: 'Subnet', hint: 'An L2 network segment with a CIDR' },
  { kind: 'router', label: 'Router', hint: 'Joins subnets; routes between them' },
  { kind: 'node', label: 'Cluster node', hint: 'Drop in a subnet: gets an eth0 IP and a pod CIDR' },
  { kind: 'pod', label: 'Pod', hint: 'Drop on a node: gets the next IP of its pod CIDR' },
  { kind: 'service', label: 'Service', hint: 'A ClusterIP in front of pods its selector matches' },
  { kind: 'loadBalancer', label: 'Load balancer', hint: 'A cloud LB in front of a Service' },
  { kind: 'ingress', label: 'Ingress', hint: 'HTTP routes by host and path to Services' },
  { kind: 'client', label: 'Outside client', hint: 'A laptop or server outside the cluster' },
];

const PaletteItem = memo(function PaletteItem({ kind, label, hint, onAdd }: { kind: ElementKind; label: string; hint: string; onAdd: (k: ElementKind) => void }) {
  const onDragStart = useCallback(
    (e: DragEvent) => {
      e.dataTransfer.setData(PALETTE_MIME, kind);
      e.dataTransfer.effectAllowed = 'copy';
    },
    [kind],
  );
  return (
    <li>
      <button
        type="button"
        className={`palette-item kind-${kind}`}
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(kind)}
        aria-label={`Add ${label}: ${hint}. Drag onto the canvas, or press Enter.`}
        data-kind={kind}
      >
        <span className="palette-icon">
          <KindIcon kind={kind} />
        </span>
        <span className="palette-text">
          <span className="palette-label">{label}</span>
          <span className="palette-hint">{hint}</span>
        </span>
      </button>
    </li>
  );
});

export function Palette() {
  const add = useAddElement();
  const onAdd = useCallback((k: ElementKind) => void add(k), [add]);
  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="panel-title">Add</h2>
      <ul>
        {PALETTE_ITEMS.map((it) => (
          <PaletteItem key={it.kind} {...it} onAdd={onAdd} />
        ))}
      </ul>
      <p className="palette-tip">Drag onto the canvas. Drag a pod to another node to reschedule it; drag a node into another subnet to move it.</p>
    </nav>
  );
}
