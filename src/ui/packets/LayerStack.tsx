/**
 * The packet at one hop as a stack of layers, outermost first, the way Wireshark's packet tree
 * reads: Ethernet (source and destination MAC), for VXLAN the outer Ethernet / IP / UDP 8472 / VXLAN
 * VNI and then the inner Ethernet (flannel.1 to flannel.1), then the (inner) IP, TCP/UDP/ICMP and
 * HTTP. A field this hop changed is highlighted with its old value struck through beside it, and
 * the rule or table entry that matched sits under the layer it acted on.
 */
import { Fragment } from 'react';
import { SimText } from '../SimText';
import type { EthernetHeader, Hop, HopMatch, PacketField, PacketHeaders } from '../../sim/index';
import { useT } from '../../i18n/useT';
import '../../i18n/parts/hops';

type Layer = 'outerEth' | 'outer' | 'eth' | 'ip' | 'l4' | 'http';

/**
 * Which layer an entry acted on: a neighbour (ARP) entry gives the frame's destination MAC and a
 * bridge FDB entry picks its port (Ethernet); a VXLAN FDB entry maps the inner MAC to the outer IP;
 * routes and NAT rules act on IP; an ingress rule on HTTP.
 */
function layerOf(m: HopMatch, hop: Hop): Layer {
  if (m.kind === 'ingress') return 'http';
  if (m.kind === 'listener') return 'l4';
  const outer = hop.packet.outer;
  if (m.kind === 'arp') return outer && hop.action !== 'encapsulate' ? 'outerEth' : 'eth';
  if (outer && (m.kind === 'fdb' || (m.kind === 'route' && (hop.action === 'encapsulate' || hop.action === 'switch')))) return 'outer';
  if (m.kind === 'fdb') return 'eth';
  return 'ip';
}

const frameText = (f?: EthernetHeader) => (f ? `${f.src} → ${f.dst}` : undefined);

/** An Ethernet II header: source → destination MAC, the old pair struck through where this hop rewrote it. */
function EthLayer({
  frame,
  old,
  name,
  className,
  layer,
  matches,
}: {
  frame: EthernetHeader;
  old?: EthernetHeader | undefined;
  name: string;
  className: string;
  layer: string;
  matches: HopMatch[];
}) {
  const now = frameText(frame)!;
  const before = frameText(old);
  const changed = before !== undefined && before !== now;
  return (
    <div className={`layer layer-eth ${className}`} data-layer={layer}>
      <span className="layer-name">{name}</span>
      <span className="layer-fields">
        <span className={changed ? 'hdr changed' : 'hdr'}>
          {changed && (
            <>
              <del className="old">{before}</del>
              {' → '}
            </>
          )}
          {now}
        </span>
      </span>
      <Matches list={matches} />
    </div>
  );
}

function Val({
  field,
  hop,
  prev,
  children,
  old,
}: {
  field: PacketField;
  hop: Hop;
  prev?: PacketHeaders | undefined;
  children: React.ReactNode;
  old?: React.ReactNode | undefined;
}) {
  const changed = hop.changed.includes(field) && prev !== undefined;
  return (
    <span className={changed ? 'hdr changed' : 'hdr'}>
      {changed && old !== undefined && old !== children && (
        <>
          <del className="old">{old}</del>
          {' → '}
        </>
      )}
      {children}
    </span>
  );
}

function Matches({ list }: { list: HopMatch[] }) {
  if (list.length === 0) return null;
  return (
    <span className="layer-matches">
      {list.map((m, i) => (
        <Fragment key={i}>
          <code className={`match match-${m.kind}`} title={m.kind}>
            {m.chain ? `[${m.table ?? ''} ${m.chain}] ` : m.table && m.kind === 'iptables' ? `[${m.table}] ` : ''}
            {m.rule}
          </code>
          {m.msg ? <SimText className="match-note" msg={m.msg} /> : null}
        </Fragment>
      ))}
    </span>
  );
}

export function LayerStack({ hop, prev }: { hop: Hop; prev?: Hop }) {
  const t = useT();
  const p = hop.packet;
  const q = prev?.packet;
  const matches = hop.match ?? [];
  const on = (l: Layer) => matches.filter((m) => layerOf(m, hop) === l);
  const port = (n?: number) => (n === undefined ? '' : `:${n}`);
  // A frame rewritten here (a routed hop) shows the one it arrived in; a frame that has just appeared does not.
  const oldOuterEth = q?.outer ? q.outer.eth : q?.eth;
  return (
    <div className="layer-stack" data-testid="layer-stack">
      {p.outer?.eth && (
        <EthLayer frame={p.outer.eth} old={oldOuterEth} name={t('layers.outerEthernet')} className="layer-outer" layer="outer-eth" matches={on('outerEth')} />
      )}
      {p.outer && (
        <div className="layer layer-outer" data-layer="outer">
          <span className="layer-name">{t('layers.outerIp')}</span>
          <span className="layer-fields">
            <Val field="outer" hop={hop} prev={q}>
              {p.outer.src} → {p.outer.dst}
            </Val>{' '}
            TTL {p.outer.ttl}
          </span>
          {p.outer.proto === 'ipip' ? (
            <>
              <span className="layer-name">IPIP</span>
              <span className="layer-fields">{t('layers.ipip')}</span>
            </>
          ) : (
            <>
              <span className="layer-name">UDP</span>
              <span className="layer-fields">
                {p.outer.sport} → {p.outer.dport}
              </span>
              <span className="layer-name">VXLAN</span>
              <span className="layer-fields">VNI {p.outer.vni}</span>
            </>
          )}
          <Matches list={on('outer')} />
        </div>
      )}
      {p.eth && (
        <EthLayer
          frame={p.eth}
          old={q?.outer && !p.outer ? undefined : q?.eth}
          name={t(p.outer ? 'layers.innerEthernet' : 'layers.ethernet')}
          className={p.outer ? 'inner' : ''}
          layer="eth"
          matches={on('eth')}
        />
      )}
      {!p.eth && on('eth').length > 0 && <Matches list={on('eth')} />}
      <div className={`layer layer-ip${p.outer ? ' inner' : ''}`} data-layer="ip">
        <span className="layer-name">{p.outer ? t('layers.innerIp') : 'IP'}</span>
        <span className="layer-fields">
          <Val field="src" hop={hop} prev={q} old={q?.src}>
            {p.src}
          </Val>
          {' → '}
          <Val field="dst" hop={hop} prev={q} old={q?.dst}>
            {p.dst}
          </Val>{' '}
          <Val field="ttl" hop={hop} prev={q}>
            TTL {p.ttl}
          </Val>
        </span>
        <Matches list={on('ip')} />
      </div>
      <div className={`layer layer-l4${p.outer ? ' inner' : ''}`} data-layer="l4">
        <span className="layer-name">{p.proto.toUpperCase()}</span>
        <span className="layer-fields">
          {p.proto === 'icmp' ? (
            t('layers.echo')
          ) : (
            <>
              <Val field="sport" hop={hop} prev={q} old={port(q?.sport)}>
                {port(p.sport)}
              </Val>
              {' → '}
              <Val field="dport" hop={hop} prev={q} old={port(q?.dport)}>
                {port(p.dport)}
              </Val>
            </>
          )}
        </span>
        <Matches list={on('l4')} />
      </div>
      {p.http && (
        <div className={`layer layer-http${p.outer ? ' inner' : ''}`} data-layer="http">
          <span className="layer-name">HTTP</span>
          <span className="layer-fields">
            <Val field="http" hop={hop} prev={q}>
              {p.http.status !== undefined && `${p.http.status} · `}Host: {p.http.host} · {p.http.path}
            </Val>
          </span>
          <Matches list={on('http')} />
        </div>
      )}
    </div>
  );
}
