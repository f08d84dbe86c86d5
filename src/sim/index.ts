/** The public API of the simulation: what the store, the CLI and tests import. */
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
export { trace, canSendFrom, SENDER_KINDS, TraceInputError, type PacketSpec, type TraceOptions } from './trace/trace';
export { DROP_CODES, dropReasonMessage, type DropCode } from './trace/reasons';
export { msg, isMessageCode, MESSAGE_CODES, MESSAGE_SPECS, type Message, type MessageCode, type MessageParams, type ParamKind } from './messages/index';
export type * from './trace/types';
export { createRng, type Rng } from './trace/rng';
export { vethName } from './dataplane/bridge';
export { nodeRouteTable, podRouteTable, routerRouteTable, routerIfaceName, vtepAddress, type Route } from './dataplane/routing';
export { parseTargetText, defaultTargetFor, type TargetText, type DefaultTarget } from './trace/target';
export { createSessionState, type SessionState } from './dataplane/session';
export { iptablesSave, ipvsadm } from './dataplane/kubeproxy-save';
export { serviceEndpoints, selectPods, type Endpoint } from './dataplane/endpoints';
export { sliceEndpoints, usableEndpoints, podConditions, isPodReady, noEndpointsWhy, type SliceEndpoint, type EndpointConditions } from './dataplane/endpoints';
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
export {
  showNode,
  showPod,
  toolsFor,
  InspectError,
  NODE_TOOLS,
  POD_TOOLS,
  HOST_TOOLS,
  TOOL_COMMANDS,
  type InsideTool,
  type ToolOutput,
  type ShowOptions,
} from './inspect/index';
export { locateMatch, findLines, toolText, matchOwner, type MatchLocation } from './inspect/locate';
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
export { reachabilityMatrix, matrixRow, matrixTargets, type Matrix, type MatrixCell, type MatrixOptions, type MatrixTarget } from './trace/matrix';
export { namespaceNames, namespaceLabels, selectorText, matchSelector, NAMESPACE_NAME_LABEL } from './policy/selector';
export { effectivePolicyTypes, peerText, portText, policyRef } from './policy/evaluate';
export { smallestAllowingRule, whatIfForResult, deniedPath } from './policy/whatif';
export { addIngressController, ingressControllerServices, isIngressControllerPod } from './model/ingress-controller';
export { nodeBlocks } from './dataplane/calico-net';
export { calicoIpamState, type CalicoIpamState } from './net/calico-ipam';
