/**
 * Pure editing operations on a materialized scenario: what the canvas editor does, with every
 * address handed out the way the cluster would (node pod CIDRs by the controller manager, pod IPs by
 * host-local IPAM on the node's bridge, ClusterIPs and nodePorts by the apiserver, underlay addresses
 * lowest free on the subnet). Each returns a new scenario and leaves untouched elements (and arrays)
 * as the same objects, so a renderer can tell what changed by identity.
 *
 * Field edits (rename, relabel, readdress) live in `editFields.ts`; both report failures as
 * `{ ok: false, error }` with a sentence a learner can act on, never by throwing.
 */
export { COLLECTION_OF, ELEMENT_COLLECTIONS, ELEMENT_KINDS, allElementIds, kindOfElement, lowestFree, type Collection } from './elements';
export { failure, succeed, type EditResult, type Position } from './edit-result';
export { allocateHostIp, allocateSubnetCidr, nextClusterIp, nextPodIp, subnetAddresses } from './addresses';
export { addClient, addNode, addPod, addRouter, addRouterInterface, addSubnet, moveHost, movePod, removeRouterInterface } from './edit-hosts';
export { addIngress, addLoadBalancer, addService, applyPorts, withNodePorts, type AllocatedPorts } from './edit-services';
export { deleteElements, setPositions } from './edit-delete';
