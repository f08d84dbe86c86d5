/**
 * Addresses for the imported pods and Services: the manifest's own (status.podIP, spec.clusterIP,
 * nodePort) when it is usable on this cluster, else the next free one, with a note saying so.
 */
import { clusterIpRole, isIPv4, msg, type Pod, type ScenarioDoc, type Service } from '../../sim/index';
import type { ManifestError } from './documents';
import { objectError } from './documents';
import { clusterIpPool, NodePortPool, podPool, reservedClusterIp, type AddressPool } from './addresses';
import { noteFor, type ManifestNote, type Sourced } from './read';

export function assignAddresses(doc: ScenarioDoc, pods: Sourced<Pod>[], services: Sourced<Service>[], notes: ManifestNote[]): ManifestError[] {
  const errors: ManifestError[] = [];
  const pools = new Map<string, AddressPool>();
  for (const n of doc.nodes) pools.set(n.id, podPool(n.podCidr!));
  for (const p of doc.pods) if (p.ip) pools.get(p.node)?.take(p.ip);

  // Addresses the manifests ask for are claimed first, so an allocated one never takes them.
  const wanted = pods.filter((p) => p.item.ip !== '');
  const claimed = new Set<Sourced<Pod>>();
  for (const p of wanted) {
    if (pools.get(p.item.node)!.claim(p.item.ip)) claimed.add(p);
  }
  for (const p of pods) {
    if (claimed.has(p)) continue;
    const pool = pools.get(p.item.node)!;
    const ip = pool.next();
    if (!ip) {
      errors.push(
        objectError(
          p.from.raw,
          [],
          msg('input.no-free-pod-ip', { pod: p.item.name, node: doc.nodes.find((n) => n.id === p.item.node)?.name ?? p.item.node, podCidr: pool.cidr.text }),
        ),
      );
      continue;
    }
    if (p.item.ip !== '')
      notes.push(noteFor(p.from.raw, msg('manifest.pod-ip-reassigned', { pod: p.item.name, ip: p.item.ip, podCidr: pool.cidr.text, got: ip })));
    p.item.ip = ip;
  }

  const cidr = doc.cluster.serviceCidr;
  const ips = clusterIpPool(cidr);
  const ports = new NodePortPool();
  for (const s of doc.services) {
    if (s.clusterIP && s.clusterIP !== 'None') ips.take(s.clusterIP);
    for (const p of s.ports) if (p.nodePort) ports.take(p.nodePort);
    if (s.healthCheckNodePort) ports.take(s.healthCheckNodePort);
  }
  const reservedTaken = new Set(doc.services.flatMap((s) => (s.clusterIP ? [s.clusterIP] : [])));
  const pending: Sourced<Service>[] = [];
  for (const s of services) {
    const svc = s.item;
    const want = svc.clusterIP;
    if (svc.type === 'ExternalName' || want === 'None') continue;
    // The API server refuses a clusterIP that is not an address ("must be a valid IP address",
    // validateServiceClusterIPs in kubernetes pkg/apis/core/validation/validation.go).
    if (want !== undefined && !isIPv4(want)) {
      errors.push(objectError(s.from.raw, ['spec', 'clusterIP'], msg('schema.ipv4')));
      continue;
    }
    const role = clusterIpRole(svc);
    if (role) {
      const ip = reservedClusterIp(cidr, role);
      if (!reservedTaken.has(ip) && (want === undefined || want === ip)) {
        svc.clusterIP = ip;
        reservedTaken.add(ip);
        continue;
      }
    }
    if (want !== undefined && ips.claim(want)) continue;
    pending.push(s);
  }
  for (const s of pending) {
    const want = s.item.clusterIP;
    const ip = ips.next();
    if (!ip) {
      errors.push(objectError(s.from.raw, ['spec', 'clusterIP'], msg('input.service-cidr-full', { serviceCidr: cidr })));
      continue;
    }
    if (want !== undefined) notes.push(noteFor(s.from.raw, msg('manifest.cluster-ip-reassigned', { ip: want, serviceCidr: cidr, got: ip })));
    s.item.clusterIP = ip;
  }

  for (const s of services) {
    const svc = s.item;
    const wants = svc.type === 'NodePort' || svc.type === 'LoadBalancer';
    svc.ports.forEach((p, i) => {
      if (p.nodePort !== undefined && wants && ports.claim(p.nodePort)) return;
      if (p.nodePort !== undefined && !wants) {
        delete p.nodePort;
        return;
      }
      if (!wants) return;
      const given = p.nodePort;
      const port = ports.next();
      if (port === undefined) {
        errors.push(objectError(s.from.raw, ['spec', 'ports', i, 'nodePort'], msg('input.node-ports-full')));
        return;
      }
      if (given !== undefined)
        notes.push(noteFor(s.from.raw, msg('manifest.node-port-reassigned', { field: `spec.ports[${i}].nodePort`, port: given, got: port })));
      p.nodePort = port;
    });
    if (svc.type === 'LoadBalancer' && svc.externalTrafficPolicy === 'Local') {
      if (svc.healthCheckNodePort === undefined || !ports.claim(svc.healthCheckNodePort)) {
        const port = ports.next();
        if (port !== undefined) svc.healthCheckNodePort = port;
      }
    } else if (svc.healthCheckNodePort !== undefined) {
      delete svc.healthCheckNodePort;
    }
  }
  return errors;
}
