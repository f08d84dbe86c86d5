/**
 * The public API of the simulation: the model, validation, editing and addressing, which the editor
 * and the canvas need from the first paint. The packet tracer and everything that walks a packet
 * through the dataplane (and the Inside view's tool output) is behind the second door, `./tracer`,
 * which the app loads on demand; its types are exported here too.
 */
export * from './model/schema';
export {
  parseScenario,
  parseScenarioJson,
  fieldErrorMessages,
  migrate,
  MAX_SCENARIO_ELEMENTS,
  MAX_SCENARIO_VALUES,
  type FieldError,
  type ParseResult,
} from './model/parse';
export { materialize, isDnsService, clusterIpRole } from './model/materialize';
export { issueMessage } from './model/issues';
export { topology, type Topology } from './model/topology';
export { adoptProblems, validateScenario, type Problem, type ProblemCode } from './net/validate';
export * from './net/ipam';
export * from './net/cidr';
export { msg, EDITOR_MESSAGE_SPECS, type Message, type MessageCode, type MessageParams, type ParamKind } from './messages/index';
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
export { endpointSlices, endpointSliceObject, type EndpointSliceView } from './dataplane/endpointslices';
export {
  addClusterDns,
  dnsAddon,
  hasClusterDns,
  isCoreDnsPod,
  isSystemPod,
  scheduleSystemPods,
  withClusterDns,
  emptyClusterInput,
  COREDNS_REPLICAS,
  SYSTEM_NAMESPACE,
} from './model/addons';
export { vethLink, hostLink, routerLink } from './model/links';
export {
  addClient,
  addIngress,
  addLoadBalancer,
  addNode,
  addPod,
  addRouter,
  addRouterInterface,
  addService,
  addSubnet,
  deleteElements,
  moveHost,
  movePod,
  removeRouterInterface,
  setPositions,
  kindOfElement,
  COLLECTION_OF,
  ELEMENT_COLLECTIONS,
  ELEMENT_KINDS,
  type EditResult,
  type Position,
} from './model/edit';
export { editCluster, editElement, editScenarioInfo, type ElementPatch } from './model/editFields';
export { scenarioJsonSchema } from './model/json-schema';
export { putNetworkPolicy, deleteNetworkPolicy, newNetworkPolicy, setNamespaceLabels } from './model/edit-policy';
export { caliName, CALICO_VXLAN_DEV, IPIP_DEV } from './dataplane/calico-net';
export { namespaceNames, namespaceLabels, selectorText, matchSelector, NAMESPACE_NAME_LABEL } from './policy/selector';
export { effectivePolicyTypes, peerText, portText, policyRef } from './policy/evaluate';
export { addIngressController, ingressControllerServices, isIngressControllerPod } from './model/ingress-controller';
export { nodeBlocks } from './dataplane/calico-net';
export { calicoIpamState, type CalicoIpamState } from './net/calico-ipam';
