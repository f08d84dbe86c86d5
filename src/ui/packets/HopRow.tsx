import { memo, useEffect, useRef } from 'react';
import type { Hop, PacketField } from '../../sim/index';

function port(p?: number) {
  return p === undefined ? '' : `:${p}`;
}

function Field({ name, changed, children }: { name: PacketField; changed: PacketField[]; children: React.ReactNode }) {
  return <span className={changed.includes(name) ? 'hdr changed' : 'hdr'}>{children}</span>;
}

export interface HopRowProps {
  hop: Hop;
  index: number;
  place: string;
  current: boolean;
  onSelect(index: number): void;
}

/** One hop of the hop inspector: where, what happened, the headers after it, what matched, why. */
export const HopRow = memo(function HopRow({ hop, index, place, current, onSelect }: HopRowProps) {
  const p = hop.packet;
  const ch = hop.changed;
  const ref = useRef<HTMLLIElement>(null);
  // Keep the hop the marker is at in view while the packet plays.
  useEffect(() => {
    if (current) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  return (
    <li ref={ref} className={`hop hop-${hop.action}${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined} data-testid="hop">
      <button type="button" className="hop-button" onClick={() => onSelect(index)} aria-label={`Hop ${index + 1}: ${hop.action} at ${place}`}>
        <span className="hop-where">
          <span className="hop-index">{index + 1}</span> {place}
          {hop.iface && <code className="iface">{hop.iface}</code>}
          <span className={`action action-${hop.action}`}>{hop.action}</span>
        </span>
        <span className="headers" data-testid="hop-headers">
          {p.outer && (
            <span className="outer" data-testid="outer-header">
              <Field name="outer" changed={ch}>
                {p.outer.proto === 'ipip'
                  ? `outer ${p.outer.src} → ${p.outer.dst} IPIP (proto 4) TTL ${p.outer.ttl}`
                  : `outer ${p.outer.src}:${p.outer.sport} → ${p.outer.dst}:${p.outer.dport} UDP VXLAN VNI ${p.outer.vni} TTL ${p.outer.ttl}`}
              </Field>
            </span>
          )}
          <span className="inner">
            <Field name="proto" changed={ch}>{p.proto.toUpperCase()}</Field>{' '}
            <Field name="src" changed={ch}>{p.src}</Field>
            <Field name="sport" changed={ch}>{port(p.sport)}</Field> →{' '}
            <Field name="dst" changed={ch}>{p.dst}</Field>
            <Field name="dport" changed={ch}>{port(p.dport)}</Field>{' '}
            <Field name="ttl" changed={ch}>TTL {p.ttl}</Field>
            {p.http && (
              <>
                {' '}
                <Field name="http" changed={ch}>
                  Host: {p.http.host} {p.http.path}
                </Field>
              </>
            )}
          </span>
        </span>
        {hop.match && hop.match.length > 0 && (
          <span className="matches">
            {hop.match.map((m, i) => (
              <code key={i} className={`match match-${m.kind}`} title={m.kind}>
                {m.chain ? `[${m.table ?? ''} ${m.chain}] ` : m.table && m.kind === 'iptables' ? `[${m.table}] ` : ''}
                {m.rule}
              </code>
            ))}
          </span>
        )}
        <span className="explain">{hop.explain}</span>
      </button>
    </li>
  );
});
