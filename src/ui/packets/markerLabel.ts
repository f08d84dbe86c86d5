/**
 * What a packet marker's label says at the hop it has reached: the headers as they are on the wire
 * there. On the underlay leg of a VXLAN packet that is the outer IP/UDP/VXLAN header between the
 * two nodes (what a router on the way sees), with the inner packet shown after it, dimmed.
 */
import type { Hop } from '../../sim/index';

export interface MarkerLabel {
  /** `192.168.1.10 → 192.168.2.10 UDP 8472 VNI 1`, while encapsulated. */
  outer?: string;
  /** The (inner) packet: `10.244.0.2:41234 → 10.96.0.20:80`. */
  inner: string;
  /** The drop reason code, when the packet died at this hop. */
  dropped?: string;
}

const port = (n?: number) => (n === undefined ? '' : `:${n}`);

export function markerLabel(hop: Hop, dropCode?: string): MarkerLabel {
  const p = hop.packet;
  const inner = `${p.src}${port(p.sport)} → ${p.dst}${port(p.dport)}`;
  const o = p.outer;
  return {
    inner,
    ...(o ? { outer: o.proto === 'ipip' ? `${o.src} → ${o.dst} IPIP (proto 4)` : `${o.src} → ${o.dst} UDP ${o.dport} VNI ${o.vni}` } : {}),
    ...(hop.action === 'drop' ? { dropped: dropCode ?? 'dropped' } : {}),
  };
}
