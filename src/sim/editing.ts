/**
 * The simulation's editing door, loaded on demand (src/store/editing.ts): the zod schemas of the
 * scenario format, parsing and migrating scenarios from outside, validation, and every edit the canvas
 * editor makes. The first paint needs none of it: the example scenario ships already parsed
 * (src/store/defaultScenario.generated.ts). Types are exported from `./index`.
 */
export * from './model/schema';
export { parseScenario, parseScenarioJson, fieldErrorMessages, migrate, MAX_SCENARIO_ELEMENTS, MAX_SCENARIO_VALUES } from './model/parse';
export { materialize } from './model/materialize';
export { issueMessage } from './model/issues';
export { adoptProblems, validateScenario } from './net/validate';
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
} from './model/edit';
export { editCluster, editElement, editScenarioInfo } from './model/editFields';
export { scenarioJsonSchema } from './model/json-schema';
export { putNetworkPolicy, deleteNetworkPolicy, newNetworkPolicy, setNamespaceLabels } from './model/edit-policy';
export { addClusterDns, scheduleSystemPods, withClusterDns, emptyClusterInput } from './model/addons';
export { addIngressController } from './model/ingress-controller';
// What the inspector and the Policies tab show beside their forms (they load with this door).
export { endpointSlices, endpointSliceObject } from './dataplane/endpointslices';
export { namespaceNames, namespaceLabels, selectorText, matchSelector, NAMESPACE_NAME_LABEL } from './policy/selector';
export { effectivePolicyTypes, peerText, portText, policyRef } from './policy/evaluate';
