/**
 * Which IPAM gives a pod its address depends on the CNI: flannel's host-local hands out the node's
 * spec.podCIDR (from .2; .1 is cni0), calico-ipam hands out /26 blocks of the IP pool with affinity to
 * the node (net/calico-ipam.ts). Switching the CNI keeps every address the new IPAM could have given
 * (any pool address for Calico; one inside the node's pod CIDR for flannel) and gives the others a
 * new one, as pods re-created under the new plugin would get.
 */
import type { Scenario } from './schema';
import type { Message } from '../messages/index';
import { msg } from '../messages/index';
import { broadcastAddress, cidrContains, isIPv4, isIPv4Cidr, parseCidr } from '../net/cidr';
import { allocatePodIp, bridgeGateway } from '../net/ipam';
import { CalicoIpam, calicoIpamFor, needsTunnel } from '../net/calico-ipam';

/** The next free pod address on a node under the scenario's CNI (undefined: none left). */
export function nextPodIpFor(s: Scenario, nodeId: string, exceptPod?: string): string | undefined {
  const node = s.nodes.find((n) => n.id === nodeId);
  if (!node) return undefined;
  if (s.cluster.cni === 'calico') return calicoIpamFor(s, exceptPod)?.allocate(nodeId);
  return allocatePodIp(
    node.podCidr,
    s.pods.filter((p) => p.node === nodeId && p.id !== exceptPod).map((p) => p.ip),
  );
}

/** Whether the CNI's IPAM could have given this address to a pod on this node. */
export function podIpFits(s: Scenario, ip: string, nodeId: string): boolean {
  if (!isIPv4(ip)) return false;
  if (s.cluster.cni === 'calico') return isIPv4Cidr(s.cluster.podCidr) && cidrContains(s.cluster.podCidr, ip);
  const node = s.nodes.find((n) => n.id === nodeId);
  if (!node || !isIPv4Cidr(node.podCidr) || !cidrContains(node.podCidr, ip)) return false;
  return ip !== bridgeGateway(node.podCidr) && ip !== parseCidr(node.podCidr).text.split('/')[0] && ip !== broadcastAddress(node.podCidr);
}

/** Every pod with an address its CNI's IPAM could not have given gets a new one, in document order. */
export function readdressPodsForCni(s: Scenario): Scenario | Message {
  if (s.pods.every((p) => podIpFits(s, p.ip, p.node))) return s;
  const fits = new Set(s.pods.filter((p) => podIpFits(s, p.ip, p.node)).map((p) => p.id));
  let calico: CalicoIpam | undefined;
  if (s.cluster.cni === 'calico' && isIPv4Cidr(s.cluster.podCidr)) {
    calico = new CalicoIpam(s.cluster.podCidr, s.nodes);
    for (const p of s.pods) if (fits.has(p.id)) calico.register(p.ip, p.node);
    if (needsTunnel(s.cluster.calicoMode)) calico.allocateTunnels(s.nodes.map((n) => n.id));
  }
  const taken = new Map<string, string[]>();
  for (const p of s.pods) if (fits.has(p.id)) taken.set(p.node, [...(taken.get(p.node) ?? []), p.ip]);
  let failed: Message | undefined;
  const pods = s.pods.map((p) => {
    if (fits.has(p.id) || failed) return p;
    const node = s.nodes.find((n) => n.id === p.node);
    if (!node) return p;
    const ip = calico ? calico.allocate(node.id) : allocatePodIp(node.podCidr, taken.get(node.id) ?? []);
    if (!ip) {
      failed = msg('edit.pod-cidr-too-small', { cidr: calico ? s.cluster.podCidr : node.podCidr });
      return p;
    }
    taken.set(node.id, [...(taken.get(node.id) ?? []), ip]);
    return { ...p, ip };
  });
  return failed ?? { ...s, pods };
}
