/**
 * Node objects onto the cluster: a generated cluster takes them as its nodes (their InternalIPs
 * decide the subnets, their podCIDRs the cluster pod CIDR); an existing one gains the new nodes on
 * the subnet that holds their address.
 */
import { cidrContainsInt, intToIp, ipToInt, isIPv4, isIPv4Cidr, maskOf, parseCidr, type Node, type ScenarioDoc, type Subnet } from '../../sim/index';
import type { K8sNode } from './k8s-schemas';

export interface NodeDraft {
  name: string;
  ip?: string;
  podCidr?: string;
  labels: Record<string, string>;
}

export function nodeFromManifest(n: K8sNode): NodeDraft {
  const ip = n.status.addresses?.find((a) => a.type === 'InternalIP' && isIPv4(a.address))?.address;
  const podCidr = [n.spec.podCIDR, ...(n.spec.podCIDRs ?? [])].find((c): c is string => c !== undefined && isIPv4Cidr(c));
  const labels = { ...(n.metadata.labels ?? {}) };
  return { name: n.metadata.name, ...(ip ? { ip } : {}), ...(podCidr ? { podCidr } : {}), labels };
}

/** The smallest CIDR holding every block (for the cluster pod CIDR from node podCIDRs). */
function supernet(blocks: string[]): string | undefined {
  if (blocks.length === 0) return undefined;
  const cs = blocks.map(parseCidr);
  let prefix = Math.min(...cs.map((c) => c.prefix));
  while (prefix > 0) {
    const m = maskOf(prefix);
    const net = (cs[0]!.network & m) >>> 0;
    if (cs.every((c) => (c.network & m) >>> 0 === net)) return `${intToIp(net)}/${prefix}`;
    prefix--;
  }
  return undefined;
}

/**
 * A generated cluster's nodes from Node objects: one /24 subnet per group of InternalIPs, joined by
 * the router (its address the .1 of each, or .254 when a node holds .1); nodes without an address
 * go on the first subnet.
 */
export function applyNodesToGenerated(doc: ScenarioDoc, drafts: NodeDraft[], idFor: (base: string) => string): void {
  const nets = new Map<string, Subnet>();
  const subnetOf = (ip: string): Subnet => {
    const net = `${intToIp((ipToInt(ip) & maskOf(24)) >>> 0)}/24`;
    let s = nets.get(net);
    if (!s) {
      const id = idFor(nets.size === 0 ? 'subnet-nodes' : `subnet-${net.replace(/[./]/g, '-')}`);
      s = { id, name: nets.size === 0 ? 'nodes' : `nodes-${nets.size + 1}`, cidr: net };
      nets.set(net, s);
    }
    return s;
  };
  const withIp = drafts.filter((d) => d.ip);
  for (const d of withIp) subnetOf(d.ip!);
  if (nets.size === 0) subnetOf('192.168.1.10');
  const first = [...nets.values()][0]!;
  const used = new Set(withIp.map((d) => d.ip!));
  let cursor = ipToInt(first.cidr.split('/')[0]!) + 11;
  const nextIp = () => {
    while (used.has(intToIp(cursor))) cursor++;
    used.add(intToIp(cursor));
    return intToIp(cursor);
  };
  const nodes: Node[] = drafts.map((d) => {
    const ip = d.ip ?? nextIp();
    const subnet = subnetOf(ip);
    return { id: idFor(d.name), name: d.name, subnet: subnet.id, ip, podCidr: d.podCidr ?? '', ...(Object.keys(d.labels).length ? { labels: d.labels } : {}) };
  });
  const routerIfs = [...nets.values()].map((s) => {
    const base = ipToInt(s.cidr.split('/')[0]!);
    const ip = used.has(intToIp(base + 1)) ? intToIp(base + 254) : intToIp(base + 1);
    s.gateway = ip;
    return { subnet: s.id, ip };
  });
  const podCidrs = nodes.flatMap((n) => (n.podCidr ? [n.podCidr] : []));
  const pod = supernet(podCidrs);
  if (pod && podCidrs.length === nodes.length) {
    const clusterCidr = parseCidr(pod).prefix <= 16 ? pod : `${intToIp((parseCidr(pod).network & maskOf(16)) >>> 0)}/16`;
    doc.cluster.podCidr = clusterCidr;
    doc.cluster.nodePodPrefix = parseCidr(podCidrs[0]!).prefix;
  }
  doc.subnets = [...nets.values()];
  doc.routers = [{ id: 'router', name: 'router', interfaces: routerIfs, routes: [] }];
  // Nodes without a podCIDR are given one by materialize (the controller-manager's allocator).
  doc.nodes = nodes.map((n) => (n.podCidr ? n : (({ podCidr: _omit, ...rest }) => rest)(n))) as ScenarioDoc['nodes'];
}

/** The subnet of an existing cluster that holds `ip`, if any. */
export function subnetFor(doc: ScenarioDoc, ip: string): Subnet | undefined {
  const n = ipToInt(ip);
  return doc.subnets.find((s) => isIPv4Cidr(s.cidr) && cidrContainsInt(parseCidr(s.cidr), n));
}
