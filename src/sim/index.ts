/**
 * The public API of the simulation for the first paint: the scenario's types, its topology, addressing,
 * the element registry and what the canvas asks of a scenario. Two more doors are loaded on demand:
 * `./editing` (parsing and validating scenarios, every edit; it holds the zod schemas) and `./tracer`
 * (the packet tracer, dataplane tables, the Inside view's tools). Their types are exported here too.
 */
export type * from './model/schema';
export { ID_MESSAGE, isDnsDomain, K8S_NAME_MESSAGE, RESERVED_LABEL_KEYS, SCENARIO_VERSION } from './model/constants';
export type { FieldError } from './model/field-error';
export type { ParseResult } from './model/parse';
export { isDnsService, clusterIpRole } from './model/service-roles';
export { topology, type Topology } from './model/topology';
export type { Problem, ProblemCode } from './net/problem';
export * from './net/ipam';
export * from './net/cidr';
export { msg, FIRST_LOAD_MESSAGE_SPECS, type Message, type MessageCode, type MessageParams, type ParamKind } from './messages/index';
export type * from './trace/types';
export { parseTargetText, defaultTargetFor, type TargetText, type DefaultTarget } from './trace/target';
export { canSendFrom, SENDER_KINDS } from './trace/senders';
export type { PacketSpec, TraceOptions } from './trace/trace';
export type { DropCode } from './trace/reasons';
export type { Route } from './dataplane/route-table';
export type { SessionState } from './dataplane/session';
export type { MatchLocation } from './inspect/locate';
export type { InsideTool, ToolOutput, ShowOptions } from './inspect/index';
export type { Matrix, MatrixCell, MatrixOptions, MatrixTarget } from './trace/matrix';
export { vethName, vtepAddress, routerIfaceName } from './dataplane/device-names';
export { serviceEndpoints, selectPods, type Endpoint } from './dataplane/endpoints';
export { sliceEndpoints, usableEndpoints, podConditions, isPodReady, type SliceEndpoint, type EndpointConditions } from './dataplane/endpoints';
export type { EndpointSliceView } from './dataplane/endpointslices';
export { dnsAddon, hasClusterDns, isCoreDnsPod, isSystemPod, COREDNS_REPLICAS, SYSTEM_NAMESPACE } from './model/system-pods';
export { vethLink, hostLink, routerLink } from './model/links';
export { kindOfElement, COLLECTION_OF, ELEMENT_COLLECTIONS, ELEMENT_KINDS } from './model/elements';
export type { EditResult, Position } from './model/edit-result';
export { setPositions } from './model/positions';
export type { ElementPatch } from './model/editFields';
export { CALICO_VXLAN_DEV, IPIP_DEV } from './dataplane/calico-net';
export { ingressControllerServices, isIngressControllerPod } from './model/ingress-controllers';
export { nodeBlocks } from './dataplane/calico-net';
export { calicoIpamState, type CalicoIpamState } from './net/calico-ipam';
