import { Fragment, memo, useEffect, useRef } from 'react';
import type { Hop, PacketField } from '../../sim/index';
import { LayerStack } from './LayerStack';
import { SimText } from '../SimText';
import { useT } from '../../i18n/useT';
import '../../i18n/parts/hops';

function port(p?: number) {
  return p === undefined ? '' : `:${p}`;
}

function Field({ name, changed, children }: { name: PacketField; changed: PacketField[]; children: React.ReactNode }) {
  return <span className={changed.includes(name) ? 'hdr changed' : 'hdr'}>{children}</span>;
}

export interface HopRowProps {
  hop: Hop;
  /** The hop before it (its packet is what this hop changed). */
  prev?: Hop;
  index: number;
  place: string;
  current: boolean;
  onSelect(index: number): void;
  /** Shown under the hop, outside its button (e.g. links to the matched entries' Inside lines). */
  extra?: React.ReactNode;
}

/**
 * One hop: one line (number, interface, what happened, the headers after it) and the entries that
 * matched; the hop the marker is at opens to its layer stack, each entry beside the layer it acted
 * on, and the sentence that explains it.
 */
export const HopRow = memo(function HopRow({ hop, prev, index, place, current, onSelect, extra }: HopRowProps) {
  const t = useT();
  const p = hop.packet;
  const ch = hop.changed;
  const action = t(`hop.action.${hop.action}`);
  const ref = useRef<HTMLLIElement>(null);
  // Keep the hop the marker is at in view while the packet plays.
  useEffect(() => {
    if (current) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);
  return (
    <li ref={ref} className={`hop hop-${hop.action}${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined} data-testid="hop">
      <button
        type="button"
        className="hop-button"
        onClick={() => onSelect(index)}
        aria-label={t('hop.aria', { n: index + 1, action, place })}
        aria-expanded={current}
      >
        <span className="hop-line">
          <span className="hop-index">{index + 1}</span>
          {hop.iface && <code className="iface">{hop.iface}</code>}
          <span className={`action action-${hop.action}`}>{action}</span>
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
              <Field name="proto" changed={ch}>
                {p.proto.toUpperCase()}
              </Field>{' '}
              <Field name="src" changed={ch}>
                {p.src}
              </Field>
              <Field name="sport" changed={ch}>
                {port(p.sport)}
              </Field>{' '}
              →{' '}
              <Field name="dst" changed={ch}>
                {p.dst}
              </Field>
              <Field name="dport" changed={ch}>
                {port(p.dport)}
              </Field>{' '}
              <Field name="ttl" changed={ch}>
                TTL {p.ttl}
              </Field>
            </span>
          </span>
        </span>
      </button>
      {!current && hop.match && hop.match.length > 0 && (
        <span className="matches compact">
          {hop.match.map((m, i) => (
            <Fragment key={i}>
              <code className={`match match-${m.kind}`} title={m.rule}>
                {m.chain ? `[${m.table ?? ''} ${m.chain}] ` : m.table && m.kind === 'iptables' ? `[${m.table}] ` : ''}
                {m.rule}
              </code>
              {m.msg ? <SimText className="match-note" msg={m.msg} /> : null}
            </Fragment>
          ))}
        </span>
      )}
      {current && (
        <div className="hop-details">
          <LayerStack hop={hop} {...(prev ? { prev } : {})} />
          {extra}
          <SimText className="explain" msg={hop.msg} />
        </div>
      )}
    </li>
  );
});
