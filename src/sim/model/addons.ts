/**
 * Cluster add-ons, as kubeadm installs them: CoreDNS, and (from the palette) an ingress controller.
 * They are ordinary pods and Services in the scenario, so files and links stay explicit and a user
 * can delete them (and see DNS or the ingress fail, as it would).
 *
 * CoreDNS as kubeadm deploys it (kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go):
 * a Deployment `coredns` in kube-system with 2 replicas, pods labelled `k8s-app=kube-dns`, container
 * ports dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP, behind the Service `kube-dns` whose ClusterIP
 * is the 10th address of the service CIDR (10.96.0.10 with the default 10.96.0.0/12), ports
 * dns 53/UDP, dns-tcp 53/TCP, metrics 9153/TCP.
 */
import type { Container, Pod, Scenario, ScenarioInput, Service } from './schema';
import { COREDNS_IMAGE, COREDNS_REPLICAS, dnsAddon, isCoreDnsPod, KUBE_DNS_LABELS, SYSTEM_NAMESPACE } from './system-pods';
import { allocateClusterIp, DNS_SERVICE_OFFSET } from '../net/ipam';
import { nthAddress } from '../net/cidr';
import { allElementIds, failure, lowestFree, nextPodIp, succeed, type EditResult } from './edit';
import { msg, type Message } from '../messages/index';

export {
  COREDNS_IMAGE,
  COREDNS_REPLICAS,
  dnsAddon,
  hasClusterDns,
  isCoreDnsPod,
  isSystemPod,
  KUBE_DNS_LABELS,
  SYSTEM_NAMESPACE,
  type DnsAddonState,
} from './system-pods';

const corednsContainer = (): Container => ({
  name: 'coredns',
  image: COREDNS_IMAGE,
  ports: [
    { name: 'dns', containerPort: 53, protocol: 'UDP' },
    { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
    { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
  ],
});

const kubeDnsPorts = (): Service['ports'] => [
  { name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' },
  { name: 'dns-tcp', port: 53, targetPort: 53, protocol: 'TCP' },
  { name: 'metrics', port: 9153, targetPort: 9153, protocol: 'TCP' },
];

/* ------------------------------------------------------------------ as documents (scenario input) */

type PodInput = NonNullable<ScenarioInput['pods']>[number];
type ServiceInput = NonNullable<ScenarioInput['services']>[number];

export function corednsPodDoc(id: string, node: string): PodInput {
  return { id, name: id, namespace: SYSTEM_NAMESPACE, node, labels: { ...KUBE_DNS_LABELS }, containers: [corednsContainer()] };
}

/** The kube-dns Service; its ClusterIP is left to the allocator, which keeps the 10th address for it. */
export function kubeDnsServiceDoc(id = 'kube-dns'): ServiceInput {
  return { id, name: 'kube-dns', namespace: SYSTEM_NAMESPACE, type: 'ClusterIP', selector: { ...KUBE_DNS_LABELS }, ports: kubeDnsPorts() };
}

/**
 * A scenario document with CoreDNS added when it has no kube-dns Service: the Service and two
 * CoreDNS pods, spread over the first nodes (kubeadm's CoreDNS prefers different nodes), appended
 * after the scenario's own pods so their addresses stay as they were.
 */
export function withClusterDns(input: ScenarioInput): ScenarioInput {
  const services = input.services ?? [];
  if (services.some((x) => x.name === 'kube-dns' && x.namespace === SYSTEM_NAMESPACE)) return input;
  const nodes = input.nodes ?? [];
  const pods = input.pods ?? [];
  const taken = new Set<string>([...pods.map((p) => p.id), ...services.map((x) => x.id), ...nodes.map((n) => n.id)]);
  const dns: PodInput[] = [];
  if (nodes.length > 0) {
    for (let i = 0; i < COREDNS_REPLICAS; i++) {
      const id = lowestFree('coredns', taken);
      taken.add(id);
      dns.push(corednsPodDoc(id, nodes[i % nodes.length]!.id));
    }
  }
  const svcId = taken.has('kube-dns') ? lowestFree('kube-dns', taken) : 'kube-dns';
  return { ...input, pods: [...pods, ...dns], services: [...services, kubeDnsServiceDoc(svcId)] };
}

/* ------------------------------------------------------------------ as an edit */

/** The nodes to put `count` new CoreDNS pods on: those with the fewest CoreDNS pods first, in node order. */
function spread(s: Scenario, count: number): string[] {
  const load = new Map(s.nodes.map((n) => [n.id, 0]));
  for (const p of s.pods) if (isCoreDnsPod(p) && load.has(p.node)) load.set(p.node, load.get(p.node)! + 1);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let best: string | undefined;
    for (const n of s.nodes) if (best === undefined || load.get(n.id)! < load.get(best)!) best = n.id;
    if (best === undefined) break;
    out.push(best);
    load.set(best, load.get(best)! + 1);
  }
  return out;
}

/**
 * "Add cluster DNS": the kube-dns Service (at the 10th address of the service CIDR) if it is missing
 * or lost its ports, and CoreDNS pods until two run (none without nodes: they stay Pending until a
 * node joins, see `scheduleSystemPods`). Fails when there is nothing to add.
 */
export function addClusterDns(s: Scenario): EditResult {
  let next = s;
  let { service } = dnsAddon(s);
  const ids = allElementIds(s);
  if (!service) {
    const ip = allocateClusterIp(s.cluster.serviceCidr, [], 'dns');
    const holder = s.services.find((x) => x.clusterIP === ip);
    if (!ip || holder)
      return failure(msg('edit.dns-address-taken', { ip: nthAddress(s.cluster.serviceCidr, DNS_SERVICE_OFFSET) ?? '?', service: holder?.name ?? '?' }));
    const id = ids.has('kube-dns') ? lowestFree('kube-dns', ids) : 'kube-dns';
    ids.add(id);
    service = {
      id,
      name: 'kube-dns',
      namespace: SYSTEM_NAMESPACE,
      type: 'ClusterIP',
      clusterIP: ip,
      ports: kubeDnsPorts(),
      selector: { ...KUBE_DNS_LABELS },
      sessionAffinity: 'None',
      sessionAffinityTimeoutSeconds: 10800,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ipvsScheduler: 'rr',
    };
    next = { ...next, services: [...next.services, service] };
  }
  const missing = Math.max(0, COREDNS_REPLICAS - dnsAddon(next).pods.length);
  const added = addCoreDnsPods(next, missing, ids);
  if ('code' in added) return failure(added);
  next = added;
  if (next === s) return failure(msg('edit.dns-present'));
  return succeed(next, service.id);
}

function addCoreDnsPods(s: Scenario, count: number, ids: Set<string>): Scenario | Message {
  let next = s;
  for (const nodeId of spread(s, count)) {
    const ip = nextPodIp(next, nodeId);
    const node = next.nodes.find((n) => n.id === nodeId)!;
    if (!ip) return msg('edit.node-pod-cidr-full', { node: node.name, cidr: node.podCidr });
    const id = lowestFree('coredns', ids);
    ids.add(id);
    const pod: Pod = { id, name: id, namespace: SYSTEM_NAMESPACE, labels: { ...KUBE_DNS_LABELS }, node: nodeId, ip, containers: [corednsContainer()] };
    next = { ...next, pods: [...next.pods, pod] };
  }
  return next;
}

/**
 * When the first node joins a cluster that has the kube-dns Service but no CoreDNS pods (File → New:
 * the add-on is installed, its pods Pending), the scheduler places the two CoreDNS replicas on it.
 * Later nodes change nothing: CoreDNS pods a user deleted stay deleted.
 */
export function scheduleSystemPods(before: Scenario, after: Scenario): Scenario {
  if (before.nodes.length !== 0 || after.nodes.length === 0) return after;
  const { service, pods } = dnsAddon(after);
  if (!service || pods.length > 0) return after;
  const added = addCoreDnsPods(after, COREDNS_REPLICAS, allElementIds(after));
  return 'code' in added ? after : added;
}

/** The scenario File → New starts with: no network yet, but the DNS add-on installed (pods Pending until a node joins). */
export function emptyClusterInput(name: string): ScenarioInput {
  return { version: 1, name, services: [kubeDnsServiceDoc()] };
}
