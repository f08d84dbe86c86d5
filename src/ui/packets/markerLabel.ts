/**
 * What a packet marker's label says at the hop it has reached: the headers as they are on the wire
 * there. On the underlay leg of a VXLAN packet that is the outer IP/UDP/VXLAN header between the
 * two nodes (what a router on the way sees), with the inner packet shown after it, dimmed. At a NAT
 * (DNAT, SNAT, conntrack's un-NAT) the address:port it rewrote is given old and new.
 */
import type { Hop } from '../../sim/index';

/** One end of the packet, `10.96.0.10:53`; `old` when this hop rewrote it. */
export interface LabelEnd {
  now: string;
  old?: string;
}

export interface MarkerLabel {
  /** `192.168.1.10 → 192.168.2.10 UDP 8472 VNI 1`, while encapsulated. */
  outer?: string;
  /** The (inner) packet: `10.244.0.2:41234 → 10.96.0.20:80`. */
  inner: string;
  /** The drop reason code, when the packet died at this hop. */
  dropped?: string;
  src: LabelEnd;
  dst: LabelEnd;
}

const NAT = new Set(['dnat', 'snat', 'unnat']);

const port = (n?: number) => (n === undefined ? '' : `:${n}`);

/** `prev`: the hop before it in the same leg, whose packet a NAT hop rewrote. */
export function markerLabel(hop: Hop, dropCode?: string, prev?: Hop): MarkerLabel {
  const p = hop.packet;
  const src = `${p.src}${port(p.sport)}`;
  const dst = `${p.dst}${port(p.dport)}`;
  const inner = `${src} → ${dst}`;
  const o = p.outer;
  const q = prev && NAT.has(hop.action) ? prev.packet : undefined;
  const end = (now: string, old?: string): LabelEnd => (old !== undefined && old !== now ? { now, old } : { now });
  return {
    inner,
    src: end(src, q && `${q.src}${port(q.sport)}`),
    dst: end(dst, q && `${q.dst}${port(q.dport)}`),
    ...(o ? { outer: o.proto === 'ipip' ? `${o.src} → ${o.dst} IPIP (proto 4)` : `${o.src} → ${o.dst} UDP ${o.dport} VNI ${o.vni}` } : {}),
    ...(hop.action === 'drop' ? { dropped: dropCode ?? 'dropped' } : {}),
  };
}
