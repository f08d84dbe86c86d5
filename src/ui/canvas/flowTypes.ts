/**
 * The shapes of the canvas's React Flow nodes and edges: what each card is drawn from. Built by
 * `flow.ts` (nodes) and `flowEdges.ts` (edges); drawn by `nodes.tsx` and `edges.tsx`.
 */
import type { Edge, Node as FlowNode } from '@xyflow/react';
import type { ClientHost, Ingress, LoadBalancer, Node, Pod, Router, Service, Subnet } from '../../sim/index';

export type SubnetData = { subnet: Subnet };
export type ClusterNodeData = {
  node: Node;
  podCount: number;
  gateway: string;
  vtep?: string;
  /** Calico: no bridge; the tunnel device of the pool's mode (tunl0, vxlan.calico), none for BGP. */
  /** Calico: the pool mode, the tunnel device, and the node's IPAM blocks (shown instead of its podCIDR). */
  calico?: { tunnel?: string; mode: string; blocks: string[] };
  veths: { name: string; row: number }[];
  /** Pod colours in slot order: far out the node draws its pods as tiles of these colours. */
  podColors: string[];
  /** Its kube-system pods (names), when they are drawn collapsed to one row. */
  systemPods?: string;
};
export type PodData = { pod: Pod; color: string; nodeName: string };
export type RouterData = { router: Router; ifaces: { name: string; ip: string; subnet: string }[] };
export type ClientData = { client: ClientHost };
export type ServiceData = { service: Service; endpoints: number; color: string };
export type LoadBalancerData = { lb: LoadBalancer; service?: Service };
export type IngressData = { ingress: Ingress };

export type SubnetFlowNode = FlowNode<SubnetData, 'subnet'>;
export type ClusterFlowNode = FlowNode<ClusterNodeData, 'clusterNode'>;
export type PodFlowNode = FlowNode<PodData, 'pod'>;
export type RouterFlowNode = FlowNode<RouterData, 'router'>;
export type ClientFlowNode = FlowNode<ClientData, 'client'>;
export type ServiceFlowNode = FlowNode<ServiceData, 'service'>;
export type LoadBalancerFlowNode = FlowNode<LoadBalancerData, 'loadBalancer'>;
export type IngressFlowNode = FlowNode<IngressData, 'ingress'>;
export type AppNode =
  SubnetFlowNode | ClusterFlowNode | PodFlowNode | RouterFlowNode | ClientFlowNode | ServiceFlowNode | LoadBalancerFlowNode | IngressFlowNode;

/** `flow`: a burst's requests that went along this Service → endpoint line (packets/burstFlows.ts). */
export type LinkEdgeData = { label?: string; color?: string; flow?: { count: number; total: number; share: number } };

/**
 * A Service with more endpoint pods than this draws one line per node running some of them, labelled
 * with the count (`epg:<service>:<node>`), not one per pod: 300 Services × 300 pods would otherwise be
 * 90,000 lines, and opening such a scenario took 25 s.
 */
export const ENDPOINT_LINES_MAX = 12;
export type AppEdge = Edge<LinkEdgeData, 'veth' | 'uplink' | 'link' | 'endpoint' | 'lbLink' | 'ingressLink'>;
