/**
 * The simulation's second front door: the packet tracer and everything that walks a packet through the
 * dataplane (kube-proxy, bridges, routes, overlays, policy), and the Inside view's tool output built on
 * the same tables. It is its own door so that the app can load it when the first packet is sent
 * (`src/store/tracer.ts`) instead of before the first paint: the editor, the canvas and validation need
 * only `./index`. The CLI and tests may import either door.
 */
export { trace, TraceInputError } from './trace/trace';
// Every message code's parameter shape (the app's first load has only the editor's and the send form's).
export { MESSAGE_SPECS, MESSAGE_CODES, isMessageCode } from './messages/all';
export { defaultTargetFor } from './trace/target';
export { DROP_CODES, dropReasonMessage } from './trace/reasons';
export { createRng, type Rng } from './trace/rng';
export { createSessionState } from './dataplane/session';
export { caliName } from './dataplane/cali-name';
export { nodeRouteTable, podRouteTable, routerRouteTable } from './dataplane/routing';
export { iptablesSave, ipvsadm } from './dataplane/kubeproxy-save';
export { showNode, showPod, toolsFor, InspectError, NODE_TOOLS, POD_TOOLS, HOST_TOOLS, TOOL_COMMANDS } from './inspect/index';
export { locateMatch, findLines, toolText, matchOwner } from './inspect/locate';
export { reachabilityMatrix, matrixRow, matrixTargets } from './trace/matrix';
export { smallestAllowingRule, whatIfForResult, deniedPath } from './policy/whatif';
