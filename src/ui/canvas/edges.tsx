/**
 * Custom edge types for the real links: a veth pair is a short horizontal line from a pod to the
 * cni0 bar, a host's eth0 drops straight down from the subnet's bar, a router interface is a
 * labelled elbow; a Service's endpoints and a load balancer's backends are dashed (they are not
 * wires but kube-proxy and cloud configuration).
 */
import { memo } from 'react';
import { BaseEdge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import type { AppEdge, LinkEdgeData } from './flow';
import { useT } from '../../i18n/useT';
import { EDGE_PATHS, linkPath } from './edgePaths';
import { FLOW_LABEL, GROUP_LABEL_PAD, LABEL_BG, LABEL_STYLE, LINK_LABEL_PAD } from './edgeLabels';

type Props = EdgeProps<AppEdge>;

// Each path comes from edgePaths.ts, which the packet markers follow too.
const VethEdge = memo(function VethEdge({ id, ...e }: Props) {
  return <BaseEdge id={id} path={EDGE_PATHS.veth!(e)} className="edge-veth" interactionWidth={0} />;
});

const UplinkEdge = memo(function UplinkEdge({ id, ...e }: Props) {
  return <BaseEdge id={id} path={EDGE_PATHS.uplink!(e)} className="edge-uplink" interactionWidth={0} />;
});

const LinkEdge = memo(function LinkEdge({ id, data, ...e }: Props) {
  const { path, labelX, labelY } = linkPath(e);
  return (
    <BaseEdge
      id={id}
      path={path}
      className="edge-link"
      interactionWidth={0}
      label={data?.label}
      labelX={labelX}
      labelY={labelY}
      labelBgPadding={LINK_LABEL_PAD}
      labelBgBorderRadius={4}
      labelStyle={LABEL_STYLE}
      labelBgStyle={LABEL_BG}
    />
  );
});

/** Straight, not a curve: hundreds of long dashed beziers cost raster time on every drag frame. */
const EndpointEdge = memo(function EndpointEdge({ id, data, ...e }: Props) {
  const { sourceX, sourceY, targetX, targetY } = e;
  const path = EDGE_PATHS.endpoint!(e);
  if (data?.flow)
    return <FlowEdge id={id} path={path} x={(sourceX + targetX) / 2} y={(sourceY + targetY) / 2} color={data.color} flow={data.flow} group={data.label} />;
  if (!data?.label) return <BaseEdge id={id} path={path} className="edge-endpoint" style={{ stroke: data?.color }} interactionWidth={0} />;
  // A group of endpoints on one node (flow.ts ENDPOINT_LINES_MAX): the count sits at the middle of the line.
  return (
    <BaseEdge
      id={id}
      path={path}
      className="edge-endpoint edge-endpoint-group"
      style={{ stroke: data.color }}
      interactionWidth={0}
      label={data.label}
      labelX={(sourceX + targetX) / 2}
      labelY={(sourceY + targetY) / 2}
      labelBgPadding={GROUP_LABEL_PAD}
      labelBgBorderRadius={4}
      labelStyle={LABEL_STYLE}
      labelBgStyle={LABEL_BG}
    />
  );
});

/** A burst's spread on an endpoint line: as heavy as its share of the requests, with the count at its middle. */
function FlowEdge({
  id,
  path,
  x,
  y,
  color,
  flow,
  group,
}: {
  id: string;
  path: string;
  x: number;
  y: number;
  color?: string | undefined;
  flow: NonNullable<LinkEdgeData['flow']>;
  group?: string | undefined;
}) {
  const t = useT();
  const text = t('canvas.flowCount', { count: flow.count, total: flow.total });
  return (
    <BaseEdge
      id={id}
      path={path}
      className="edge-endpoint edge-flow"
      style={{ stroke: color, strokeWidth: 2 + 10 * flow.share }}
      interactionWidth={0}
      label={group ? `${group} · ${text}` : text}
      labelX={x}
      labelY={y}
      labelBgPadding={LINK_LABEL_PAD}
      labelBgBorderRadius={4}
      labelStyle={FLOW_LABEL}
      labelBgStyle={{ fill: '#ffffff', stroke: color ?? '#334155', strokeWidth: 1.5 }}
    />
  );
}

const LbEdge = memo(function LbEdge({ id, ...e }: Props) {
  return <BaseEdge id={id} path={EDGE_PATHS.lbLink!(e)} className="edge-lb" interactionWidth={0} />;
});

const IngressEdge = memo(function IngressEdge({ id, ...e }: Props) {
  return <BaseEdge id={id} path={EDGE_PATHS.ingressLink!(e)} className="edge-ingress" interactionWidth={0} />;
});

export const edgeTypes: EdgeTypes = {
  veth: VethEdge,
  uplink: UplinkEdge,
  link: LinkEdge,
  endpoint: EndpointEdge,
  lbLink: LbEdge,
  ingressLink: IngressEdge,
};
