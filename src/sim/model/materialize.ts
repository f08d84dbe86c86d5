/**
 * Fill every address a scenario left out, the way the cluster's own allocators would:
 * node pod CIDRs, pod IPs, ClusterIPs and nodePorts. Deterministic: document order decides.
 */
import type { Node, Pod, Scenario, ScenarioDoc, Service } from './schema';
import type { FieldError } from './field-error';
import { clusterIpAllocator, nodePortAllocator, podCidrAllocator, podIpAllocator } from '../net/allocators';
import { CalicoIpam, needsTunnel } from '../net/calico-ipam';
import { isIPv4Cidr } from '../net/cidr';
import { msg } from '../messages/index';
import { clusterIpRole } from './service-roles';

export { isDnsService, clusterIpRole } from './service-roles';

export function materialize(doc: ScenarioDoc): { scenario: Scenario; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { cluster } = doc;

  // Allocators keep a cursor and a set: N nodes, pods or Services cost about N steps (see net/allocators.ts).
  const cidrs = isIPv4Cidr(cluster.podCidr)
    ? podCidrAllocator(
        cluster.podCidr,
        cluster.nodePodPrefix,
        doc.nodes.flatMap((n) => (n.podCidr ? [n.podCidr] : [])),
      )
    : undefined;
  const nodes: Node[] = doc.nodes.map((n, i) => {
    if (n.podCidr) return { ...n, podCidr: n.podCidr };
    const podCidr = cidrs?.next();
    if (!podCidr) {
      errors.push({
        path: `nodes.${i}.podCidr`,
        msg: msg('input.no-free-pod-cidr', { prefix: cluster.nodePodPrefix, podCidr: cluster.podCidr, node: n.name }),
      });
      return { ...n, podCidr: '0.0.0.0/32' };
    }
    return { ...n, podCidr };
  });

  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const takenByNode = new Map<string, string[]>();
  for (const p of doc.pods) {
    if (!p.ip) continue;
    const list = takenByNode.get(p.node);
    if (list) list.push(p.ip);
    else takenByNode.set(p.node, [p.ip]);
  }
  const podIps = new Map<string, ReturnType<typeof podIpAllocator>>();
  // Calico IPAM: the stored addresses first (they claim their blocks), then the tunnel addresses, then new pods.
  const calico = cluster.cni === 'calico' && isIPv4Cidr(cluster.podCidr) ? new CalicoIpam(cluster.podCidr, nodes) : undefined;
  if (calico) {
    for (const p of doc.pods) if (p.ip) calico.register(p.ip, p.node);
    if (needsTunnel(cluster.calicoMode)) calico.allocateTunnels(nodes.map((n) => n.id));
  }
  const pods: Pod[] = doc.pods.map((p, i) => {
    if (p.ip) return { ...p, ip: p.ip };
    const node = nodeById.get(p.node);
    if (!node) {
      errors.push({ path: `pods.${i}.node`, msg: msg('input.pod-node-missing', { pod: p.name, node: p.node }) });
      return { ...p, ip: '0.0.0.0' };
    }
    if (calico) {
      const ip = calico.allocate(node.id);
      if (!ip) errors.push({ path: `pods.${i}.ip`, msg: msg('input.calico-pool-full', { pool: cluster.podCidr, pod: p.name }) });
      return { ...p, ip: ip ?? '0.0.0.0' };
    }
    let alloc = podIps.get(p.node);
    if (!alloc && isIPv4Cidr(node.podCidr)) podIps.set(p.node, (alloc = podIpAllocator(node.podCidr, takenByNode.get(p.node) ?? [])));
    const ip = alloc?.next();
    if (!ip) {
      errors.push({ path: `pods.${i}.ip`, msg: msg('input.no-free-pod-ip', { node: node.name, podCidr: node.podCidr, pod: p.name }) });
      return { ...p, ip: '0.0.0.0' };
    }
    return { ...p, ip };
  });

  const clusterIps = isIPv4Cidr(cluster.serviceCidr)
    ? clusterIpAllocator(
        cluster.serviceCidr,
        doc.services.flatMap((s) => (s.clusterIP && s.clusterIP !== 'None' ? [s.clusterIP] : [])),
      )
    : undefined;
  const nodePorts = nodePortAllocator(
    doc.services.flatMap((s) => [...s.ports.flatMap((p) => (p.nodePort ? [p.nodePort] : [])), ...(s.healthCheckNodePort ? [s.healthCheckNodePort] : [])]),
  );
  const services: Service[] = doc.services.map((s, i) => {
    let clusterIP = s.clusterIP;
    if (clusterIP === undefined && s.type !== 'ExternalName') {
      clusterIP = clusterIps?.next(clusterIpRole(s));
      if (!clusterIP) errors.push({ path: `services.${i}.clusterIP`, msg: msg('input.service-cidr-full', { serviceCidr: cluster.serviceCidr }) });
    }
    const wantsNodePorts = s.type === 'NodePort' || s.type === 'LoadBalancer';
    const ports = s.ports.map((p, j) => {
      if (!wantsNodePorts || p.nodePort !== undefined) return p;
      const nodePort = nodePorts.next();
      if (nodePort === undefined) {
        errors.push({ path: `services.${i}.ports.${j}.nodePort`, msg: msg('input.node-ports-full') });
        return p;
      }
      return { ...p, nodePort };
    });
    // kube-apiserver allocates healthCheckNodePort from the NodePort range for LoadBalancer + Local.
    let healthCheckNodePort = s.healthCheckNodePort;
    if (healthCheckNodePort === undefined && s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local') {
      healthCheckNodePort = nodePorts.next();
      if (healthCheckNodePort === undefined) errors.push({ path: `services.${i}.healthCheckNodePort`, msg: msg('input.node-ports-full') });
    }
    return { ...s, ports, ...(clusterIP !== undefined ? { clusterIP } : {}), ...(healthCheckNodePort !== undefined ? { healthCheckNodePort } : {}) };
  });

  return { scenario: { ...doc, nodes, pods, services }, errors };
}
