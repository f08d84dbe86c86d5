/**
 * Custom node types, memoized and declared at module level (React Flow's performance guidance).
 * Each renders from its own `data` only; an interface's element is handed to ifaces.ts (and marked
 * `data-iface`), so packet markers can sit on eth0, cni0, a veth port or flannel.1.
 */
import { memo, type CSSProperties } from 'react';
import { Position, type NodeProps, type NodeTypes } from '@xyflow/react';
import type {
  ClientFlowNode,
  ClusterFlowNode,
  IngressFlowNode,
  LoadBalancerFlowNode,
  PodFlowNode,
  RouterFlowNode,
  ServiceFlowNode,
  SubnetFlowNode,
} from './flow';
import { bridgeRect, POD_H, podSlot } from '../../layout/geometry';
import { KindIcon } from './icons';
import { useFar } from './lod';
import { SystemRow } from './SystemRow';
import { Anchor, Labels, podTiles, POD_NAME_FITS } from './nodeParts';
import { ifaceRef } from './ifaces';
import { useT } from '../../i18n/useT';
import type { Translator } from '../../i18n';

export const SubnetNode = memo(function SubnetNode({ data, selected }: NodeProps<SubnetFlowNode>) {
  const { subnet } = data;
  const far = useFar();
  const t = useT();
  return (
    <div className={`subnet${selected ? ' is-selected' : ''}`}>
      <div className="subnet-bar">
        <Anchor id="top" type="target" position={Position.Top} />
        <KindIcon kind="subnet" />
        {/* The name and CIDR on one line, the gateway under them: all of it fits the narrowest subnet. */}
        <div className="subnet-text">
          <div className="subnet-title">
            <strong className="subnet-name">{subnet.name}</strong>
            <span className="mono subnet-cidr">{subnet.cidr}</span>
          </div>
          {!far && subnet.gateway && (
            <span className="subnet-gw" title={t('canvas.gateway', { ip: subnet.gateway })}>
              {t('canvas.gateway', { ip: subnet.gateway })}
            </span>
          )}
        </div>
        <Anchor id="bus" type="target" position={Position.Bottom} />
      </div>
    </div>
  );
});

export const ClusterNode = memo(function ClusterNode({ id, data, selected }: NodeProps<ClusterFlowNode>) {
  const { node, podCount, gateway, vtep, calico, veths, podColors, systemPods } = data;
  const iface = (name: string) => ifaceRef(id, name);
  const far = useFar();
  const t = useT();
  const bar = bridgeRect(podCount, systemPods !== undefined);
  return (
    <div className={`cnode${selected ? ' is-selected' : ''}${far ? ' far' : ''}`}>
      <Anchor id="eth0" type="source" position={Position.Top} />
      <Anchor id="nodeport" type="target" position={Position.Right} style={{ top: 22 }} />
      <header className="cnode-header">
        <div className="cnode-title">
          <KindIcon kind="node" />
          <strong>{node.name}</strong>
          {!far && vtep && (
            <span className="iface-chip vxlan" data-iface="flannel.1" ref={iface('flannel.1')} title={`flannel.1 VTEP ${vtep}, VXLAN VNI 1, UDP 8472`}>
              flannel.1
            </span>
          )}
          {!far && calico && (
            <span
              className="iface-chip vxlan"
              data-iface={calico.tunnel ?? 'bgp'}
              ref={iface(calico.tunnel ?? 'bgp')}
              title={t('canvas.calicoChip', { mode: calico.mode })}
            >
              {calico.tunnel ?? 'BGP'}
            </span>
          )}
        </div>
        {!far && (
          <div className="cnode-meta">
            <span className="iface" data-iface="eth0" ref={iface('eth0')}>
              eth0
            </span>
            <b className="mono">{node.ip}</b>
            {calico ? (
              <>
                <span title={t('canvas.calicoBlocksTitle')}>{t('canvas.calicoBlocks')}</span>
                <b className="mono" data-testid="calico-blocks" title={calico.blocks.join(', ')}>
                  {calico.blocks[0] ?? '-'}
                  {calico.blocks.length > 1 ? ` +${calico.blocks.length - 1}` : ''}
                </b>
              </>
            ) : (
              <>
                <span>{t('canvas.pods')}</span>
                <b className="mono">{node.podCidr}</b>
              </>
            )}
          </div>
        )}
      </header>
      <div
        className={`bridge${calico ? ' routed' : ''}`}
        data-iface="cni0"
        ref={iface('cni0')}
        style={{ left: bar.x, top: bar.y, width: bar.w, height: bar.h }}
      >
        <Anchor id="cni0" type="target" position={Position.Right} />
        {!far &&
          veths.map((v) => (
            <span
              key={`${v.row}:${v.name}`}
              className="veth-port"
              data-iface={v.name}
              ref={iface(v.name)}
              title={v.name}
              style={{ top: podSlot(v.row).y - bar.y + POD_H / 2 - 4 }}
            />
          ))}
      </div>
      {!far && (
        <div className="bridge-caption" style={{ left: bar.x + bar.w + 8, top: bar.y - 2 }}>
          {calico ? (
            <>
              <b>cali*</b> <span className="mono">169.254.1.1</span> <span className="muted">{t('canvas.calicoRouted')}</span>
            </>
          ) : (
            <>
              <b>cni0</b> <span className="mono">{gateway}</span> <span className="muted">{t('canvas.bridge')}</span>
            </>
          )}
        </div>
      )}
      {far && podCount > 0 && <div className="pod-tiles" style={podTiles(podColors)} aria-hidden />}
      {podCount === 0 && !far && <div className="cnode-empty">{t('canvas.dropPodsHere')}</div>}
      {systemPods !== undefined && !far && <SystemRow names={systemPods} podCount={podCount} />}
    </div>
  );
});

/** A pod card; far out pods are hidden and their node draws them as tiles (see `podTiles`). */
export const PodNode = memo(function PodNode({ id, data, selected }: NodeProps<PodFlowNode>) {
  const { pod, color } = data;
  const iface = (name: string) => ifaceRef(id, name);
  const style = { '--app': color } as CSSProperties;
  return (
    <div className={`pod${selected ? ' is-selected' : ''}${pod.name.length > POD_NAME_FITS ? ' long-name' : ''}`} style={style}>
      <Anchor id="veth" type="source" position={Position.Left} />
      <Anchor id="ep" type="target" position={Position.Right} />
      <div className="pod-title">
        <KindIcon kind="pod" size={15} />
        <strong className="pod-name" title={pod.name}>
          {pod.name}
        </strong>
      </div>
      <div className="pod-ip mono" data-iface="eth0" ref={iface('eth0')}>
        {pod.ip}
      </div>
      <div className="pod-labels">
        {/* The namespace with the labels, not beside the name: the name gets the card's whole width (coredns-1, not "core…"). */}
        {pod.namespace !== 'default' && <span className="ns-tag">{pod.namespace}</span>}
        <Labels labels={pod.labels} max={pod.namespace !== 'default' ? 1 : 2} />
      </div>
    </div>
  );
});

export const RouterNode = memo(function RouterNode({ data, selected }: NodeProps<RouterFlowNode>) {
  const { router, ifaces } = data;
  const t = useT();
  return (
    <div className={`card router${selected ? ' is-selected' : ''}`}>
      <div className="router-disc">
        <KindIcon kind="router" size={22} />
      </div>
      <div className="card-body">
        <strong>{router.name}</strong>
        <span className="muted">
          {t(ifaces.length === 1 ? 'canvas.router.one' : 'canvas.router.other', { count: ifaces.length })}
          {router.routes.length ? t('canvas.router.static', { count: router.routes.length }) : ''}
        </span>
      </div>
      <Anchor id="if" type="source" position={Position.Bottom} />
    </div>
  );
});

export const ClientNode = memo(function ClientNode({ id, data, selected }: NodeProps<ClientFlowNode>) {
  const { client } = data;
  const iface = (name: string) => ifaceRef(id, name);
  const t = useT();
  return (
    <div className={`card client${selected ? ' is-selected' : ''}`}>
      <Anchor id="eth0" type="source" position={Position.Top} />
      <KindIcon kind="client" size={22} />
      <div className="card-body">
        <strong>{client.name}</strong>
        <span className="mono" data-iface="eth0" ref={iface('eth0')}>
          {client.ip}
        </span>
        <span className="muted">{t('canvas.outsideClient')}</span>
      </div>
    </div>
  );
});

export const LoadBalancerNode = memo(function LoadBalancerNode({ id, data, selected }: NodeProps<LoadBalancerFlowNode>) {
  const { lb, service } = data;
  const iface = (name: string) => ifaceRef(id, name);
  const t = useT();
  return (
    <div className={`card lb${selected ? ' is-selected' : ''}`}>
      <Anchor id="eth0" type="source" position={Position.Top} />
      <Anchor id="nodes" type="source" position={Position.Right} />
      <KindIcon kind="loadBalancer" size={22} />
      <div className="card-body">
        <strong>{lb.name}</strong>
        <span className="mono" data-iface="eth0" ref={iface('eth0')}>
          {lb.ip}
        </span>
        <span className="muted">{service ? t('canvas.lbTo', { service: service.name }) : t('canvas.lbNoService')}</span>
      </div>
    </div>
  );
});

function portText(t: Translator, p: ServiceFlowNode['data']['service']['ports'][number]): string {
  const target = p.targetPort ?? p.port;
  return `${p.port}→${target}/${p.protocol}${p.nodePort ? ` · ${t('canvas.nodePort', { port: p.nodePort })}` : ''}`;
}

export const ServiceNode = memo(function ServiceNode({ data, selected }: NodeProps<ServiceFlowNode>) {
  const { service, endpoints, color } = data;
  const far = useFar();
  const t = useT();
  const style = { '--app': color } as CSSProperties;
  const hasSelector = Object.keys(service.selector).length > 0;
  return (
    <div className={`card svc${selected ? ' is-selected' : ''}`} style={style}>
      <Anchor id="ep" type="source" position={Position.Top} />
      <Anchor id="ingress" type="target" position={Position.Bottom} />
      <div className="svc-head">
        <KindIcon kind="service" />
        <strong title={service.name}>{service.name}</strong>
        <span className="type-tag">{service.type}</span>
      </div>
      {!far && (
        <>
          <div className="svc-row mono">
            {service.type === 'ExternalName'
              ? `→ ${service.externalName ?? '?'}`
              : `${service.clusterIP === 'None' ? t('canvas.headless') : (service.clusterIP ?? '')}`}
          </div>
          <div className="svc-row mono svc-ports">{service.ports.length ? service.ports.map((p) => portText(t, p)).join(', ') : t('canvas.noPorts')}</div>
          <div className="svc-row svc-selector">
            {hasSelector ? <Labels labels={service.selector} max={3} /> : <span className="muted">{t('canvas.noSelector')}</span>}
          </div>
          <div className={`svc-eps${endpoints === 0 ? ' none' : ''}`}>
            {t(endpoints === 1 ? 'canvas.endpoints.one' : 'canvas.endpoints.other', { count: endpoints })}
          </div>
        </>
      )}
    </div>
  );
});

export const IngressNode = memo(function IngressNode({ data, selected }: NodeProps<IngressFlowNode>) {
  const { ingress } = data;
  const t = useT();
  const lines = ingress.rules.flatMap((r) => r.paths.map((p) => `${r.host ?? '*'}${p.path} → ${p.backend.service}:${p.backend.port}`));
  return (
    <div className={`card ingress${selected ? ' is-selected' : ''}`}>
      <Anchor id="backends" type="source" position={Position.Top} />
      <div className="svc-head">
        <KindIcon kind="ingress" />
        <strong>{ingress.name}</strong>
        <span className="type-tag">Ingress</span>
      </div>
      <div className="ing-rules mono">
        {lines.length === 0 ? <span className="muted">{t('canvas.noRules')}</span> : lines.slice(0, 3).map((l) => <div key={l}>{l}</div>)}
        {lines.length > 3 && <div className="muted">{t('canvas.more', { count: lines.length - 3 })}</div>}
      </div>
    </div>
  );
});

export const nodeTypes: NodeTypes = {
  subnet: SubnetNode,
  clusterNode: ClusterNode,
  pod: PodNode,
  router: RouterNode,
  client: ClientNode,
  loadBalancer: LoadBalancerNode,
  service: ServiceNode,
  ingress: IngressNode,
};
