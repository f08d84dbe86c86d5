/**
 * kube-proxy in iptables mode, as data: the nat and filter rules it writes on one node, following
 * syncProxyRules() in kubernetes pkg/proxy/iptables/proxier.go (v1.28+ layout with KUBE-SVC, KUBE-SVL,
 * KUBE-EXT and KUBE-SEP chains):
 *   PREROUTING/OUTPUT -> KUBE-SERVICES -> (ClusterIP) KUBE-SVC-* | KUBE-SVL-*
 *                                      -> (last rule, local destination) KUBE-NODEPORTS -> KUBE-EXT-*
 *   KUBE-SVC-*: ClientIP affinity `recent --rcheck` rules, then one rule per endpoint with
 *   `statistic --mode random --probability 1/(n-i)`, the last one unconditional -> KUBE-SEP-*
 *   KUBE-SEP-*: `-s podIP/32 -j KUBE-MARK-MASQ` (hairpin), then DNAT to podIP:port.
 *   KUBE-MARK-MASQ sets 0x4000; POSTROUTING -> KUBE-POSTROUTING MASQUERADEs marked packets.
 * A service with no endpoints gets no nat rules, only a filter REJECT; a Local policy without a local
 * endpoint gets a filter DROP. The cluster's pod CIDR is the "local traffic detector" (--cluster-cidr).
 * Rules are built once per node and topology.
 */
import type { Node, Service, ServicePort } from '../model/schema';
import type { Topology } from '../model/topology';
import { addRule, ensureChain, kubeProxyProbability, MASQ_MARK, newTable, probabilityThreshold, type Rule, type RuleTable } from './iptables';
import { endpointChain, protocolOf, serviceChains, servicePortName } from './kubeproxy-names';
import { serviceEndpoints, sliceEndpoints, usableEndpoints, type Endpoint, type SliceEndpoint } from './endpoints';
import { addFlannelChains } from './cni-chains';

export const KUBE_SERVICES = 'KUBE-SERVICES';
export const KUBE_NODEPORTS = 'KUBE-NODEPORTS';
export const KUBE_POSTROUTING = 'KUBE-POSTROUTING';
export const KUBE_MARK_MASQ = 'KUBE-MARK-MASQ';
export const KUBE_EXTERNAL_SERVICES = 'KUBE-EXTERNAL-SERVICES';
export const KUBE_FORWARD = 'KUBE-FORWARD';
export const KUBE_PROXY_FIREWALL = 'KUBE-PROXY-FIREWALL';
/** kubelet's firewall chain (pkg/kubelet/kubelet_network_linux.go), which kube-proxy also ensures. */
export const KUBE_FIREWALL = 'KUBE-FIREWALL';

/** kubelet's KUBE-FIREWALL: only the rule against martian localnet packets is left (v1.28+). */
export function writeKubeletFirewall(filter: RuleTable): void {
  addRule(filter, {
    chain: KUBE_FIREWALL,
    src: '127.0.0.0/8',
    notSrc: true,
    dst: '127.0.0.0/8',
    matches: [
      { m: 'comment', comment: 'block incoming localnet connections' },
      { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED,DNAT', not: true },
    ],
    target: { j: 'DROP' },
  });
}

/** The empty canary chains kube-proxy (KUBE-PROXY-CANARY) and kubelet (KUBE-KUBELET-CANARY) watch to notice a flush. */
export function writeCanaries(nat: RuleTable, filter: RuleTable): void {
  for (const t of [nat, filter]) {
    ensureChain(t, 'KUBE-KUBELET-CANARY');
    ensureChain(t, 'KUBE-PROXY-CANARY');
  }
}

export interface NodeRules {
  nat: RuleTable;
  filter: RuleTable;
}

/** A port of a Service kube-proxy programs: it has a ClusterIP (not headless, not ExternalName). */
export interface ProxiedPort {
  svc: Service;
  port: ServicePort;
  name: string;
  protocol: 'tcp' | 'udp' | 'sctp';
  endpoints: Endpoint[];
  /** Every endpoint of the port with its conditions (the EndpointSlice), ready or not. */
  slice: SliceEndpoint[];
  /** Public IPs of load balancers in front of this Service (status.loadBalancer.ingress). */
  lbIps: string[];
}

export function isProxied(svc: Service): boolean {
  return svc.type !== 'ExternalName' && svc.clusterIP !== undefined && svc.clusterIP !== 'None';
}

export function externallyAccessible(svc: Service): boolean {
  return svc.type === 'NodePort' || svc.type === 'LoadBalancer';
}

const portCache = new WeakMap<Topology, ProxiedPort[]>();

export function proxiedPorts(t: Topology): ProxiedPort[] {
  const hit = portCache.get(t);
  if (hit) return hit;
  const lbIps = new Map<string, string[]>();
  for (const lb of t.scenario.loadBalancers) lbIps.set(lb.service, [...(lbIps.get(lb.service) ?? []), lb.ip]);
  const out: ProxiedPort[] = [];
  for (const svc of t.scenario.services) {
    if (!isProxied(svc)) continue;
    for (const port of svc.ports) {
      out.push({
        svc,
        port,
        name: servicePortName(svc, port),
        protocol: protocolOf(port),
        endpoints: serviceEndpoints(t, svc, port),
        slice: sliceEndpoints(t, svc, port),
        lbIps: lbIps.get(svc.id) ?? [],
      });
    }
  }
  portCache.set(t, out);
  return out;
}

const MARK = { j: 'MARK' as const, value: MASQ_MARK, mask: MASQ_MARK };
const comment = (c: string) => ({ m: 'comment' as const, comment: c });

/** The base chains every kube-proxy node has (jumps from the built-in chains, masquerade plumbing). */
function writeBase(nat: RuleTable, filter: RuleTable): void {
  addRule(nat, { chain: 'PREROUTING', matches: [comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'OUTPUT', matches: [comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(nat, { chain: 'POSTROUTING', matches: [comment('kubernetes postrouting rules')], target: { j: 'jump', chain: KUBE_POSTROUTING } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [{ m: 'mark', value: MASQ_MARK, mask: MASQ_MARK, not: true }], target: { j: 'RETURN' } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [], target: { j: 'MARK', value: MASQ_MARK, mask: 0 } });
  addRule(nat, { chain: KUBE_POSTROUTING, matches: [comment('kubernetes service traffic requiring SNAT')], target: { j: 'MASQUERADE', randomFully: true } });
  addRule(nat, { chain: KUBE_MARK_MASQ, matches: [], target: MARK });
  ensureChain(nat, KUBE_SERVICES);
  ensureChain(nat, KUBE_NODEPORTS);

  // kube-proxy prepends its jumps (EnsureRule(Prepend) over iptablesJumpChains, pkg/proxy/iptables/proxier.go),
  // so each built-in chain holds them in the reverse of that list; kubelet's KUBE-FIREWALL jump sits below.
  const isNew = { m: 'conntrack' as const, ctstate: 'NEW' };
  const firewall = { matches: [isNew, comment('kubernetes load balancer firewall')], target: { j: 'jump' as const, chain: KUBE_PROXY_FIREWALL } };
  addRule(filter, { chain: 'INPUT', ...firewall });
  addRule(filter, { chain: 'INPUT', matches: [comment('kubernetes health check service ports')], target: { j: 'jump', chain: KUBE_NODEPORTS } });
  addRule(filter, {
    chain: 'INPUT',
    matches: [isNew, comment('kubernetes externally-visible service portals')],
    target: { j: 'jump', chain: KUBE_EXTERNAL_SERVICES },
  });
  addRule(filter, { chain: 'INPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  addRule(filter, { chain: 'FORWARD', ...firewall });
  addRule(filter, { chain: 'FORWARD', matches: [comment('kubernetes forwarding rules')], target: { j: 'jump', chain: KUBE_FORWARD } });
  addRule(filter, { chain: 'FORWARD', matches: [isNew, comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(filter, {
    chain: 'FORWARD',
    matches: [isNew, comment('kubernetes externally-visible service portals')],
    target: { j: 'jump', chain: KUBE_EXTERNAL_SERVICES },
  });
  addRule(filter, { chain: 'OUTPUT', ...firewall });
  addRule(filter, { chain: 'OUTPUT', matches: [isNew, comment('kubernetes service portals')], target: { j: 'jump', chain: KUBE_SERVICES } });
  addRule(filter, { chain: 'OUTPUT', matches: [], target: { j: 'jump', chain: KUBE_FIREWALL } });
  writeKubeletFirewall(filter);
  addRule(filter, { chain: KUBE_FORWARD, matches: [{ m: 'conntrack', ctstate: 'INVALID' }], target: { j: 'DROP' } });
  addRule(filter, {
    chain: KUBE_FORWARD,
    matches: [comment('kubernetes forwarding rules'), { m: 'mark', value: MASQ_MARK, mask: MASQ_MARK }],
    target: { j: 'ACCEPT' },
  });
  addRule(filter, {
    chain: KUBE_FORWARD,
    matches: [comment('kubernetes forwarding conntrack rule'), { m: 'conntrack', ctstate: 'RELATED,ESTABLISHED' }],
    target: { j: 'ACCEPT' },
  });
  ensureChain(filter, KUBE_PROXY_FIREWALL);
  writeCanaries(nat, filter);
  ensureChain(filter, KUBE_SERVICES);
  ensureChain(filter, KUBE_EXTERNAL_SERVICES);
  ensureChain(filter, KUBE_NODEPORTS);
}

/** KUBE-SVC-... or KUBE-SVL-... -> KUBE-SEP-... (writeServiceToEndpointRules). */
function writeServiceToEndpoints(nat: RuleTable, p: ProxiedPort, chain: string, endpoints: Endpoint[]): void {
  ensureChain(nat, chain);
  if (p.svc.sessionAffinity === 'ClientIP') {
    for (const ep of endpoints) {
      const sep = endpointChain(p.name, p.protocol, ep.text);
      addRule(nat, {
        chain,
        matches: [comment(`${p.name} -> ${ep.text}`), { m: 'recent', op: 'rcheck', name: sep, seconds: p.svc.sessionAffinityTimeoutSeconds }],
        target: { j: 'jump', chain: sep },
      });
    }
  }
  endpoints.forEach((ep, i) => {
    const n = endpoints.length;
    const matches: Rule['matches'] = [comment(`${p.name} -> ${ep.text}`)];
    if (i < n - 1) matches.push({ m: 'statistic', threshold: probabilityThreshold(Number(kubeProxyProbability(n - i))) });
    addRule(nat, { chain, matches, target: { j: 'jump', chain: endpointChain(p.name, p.protocol, ep.text) } });
  });
}

export function writeServicePort(nat: RuleTable, filter: RuleTable, p: ProxiedPort, node: Node, podCidr: string): void {
  const { svc, port, name, protocol } = p;
  const ch = serviceChains(name, protocol);
  const clusterIP = svc.clusterIP!;
  // Local policy: this node's ready endpoints, else its serving + terminating ones (CategorizeEndpoints).
  const local: Endpoint[] = usableEndpoints(p.slice, node.id);
  const external = externallyAccessible(svc);
  const itpLocal = svc.internalTrafficPolicy === 'Local';
  const etpLocal = svc.externalTrafficPolicy === 'Local' && external;
  // proxy.CategorizeEndpoints / BaseServicePortInfo.UsesClusterEndpoints, UsesLocalEndpoints.
  const usesCluster = !itpLocal || external;
  const usesLocal = itpLocal || etpLocal;
  const hasEndpoints = p.endpoints.length > 0;
  const usesClusterChain = hasEndpoints && usesCluster;
  const usesLocalChain = local.length > 0 && usesLocal;
  const internalChain = itpLocal ? ch.svl : ch.svc;
  const hasInternal = hasEndpoints && (!itpLocal || local.length > 0);
  const externalPolicyChain = etpLocal ? ch.svl : ch.svc;
  const hasExternal = hasEndpoints && (!etpLocal || local.length > 0);
  const usesExtChain = hasEndpoints && external;
  const noEndpoints = `${name} has no endpoints`;
  const noLocal = `${name} has no local endpoints`;
  const internalFilter = !hasEndpoints
    ? { j: 'REJECT' as const, c: noEndpoints, r: 'no-endpoints' as const }
    : { j: 'DROP' as const, c: noLocal, r: 'no-local-endpoints' as const };
  const externalFilter = internalFilter.j === 'REJECT' ? internalFilter : { j: 'DROP' as const, c: noLocal, r: 'no-local-endpoints' as const };
  const l4 = (dport: number) => ({ m: 'l4' as const, proto: protocol, dport });

  if (hasInternal) {
    addRule(nat, {
      chain: 'KUBE-SERVICES',
      dst: clusterIP,
      proto: protocol,
      matches: [comment(`${name} cluster IP`), l4(port.port)],
      target: { j: 'jump', chain: internalChain },
    });
  } else {
    addRule(filter, {
      chain: 'KUBE-SERVICES',
      dst: clusterIP,
      proto: protocol,
      matches: [comment(internalFilter.c), l4(port.port)],
      target: { j: internalFilter.j },
      reason: internalFilter.r,
    });
  }
  for (const lbIp of p.lbIps) {
    if (hasEndpoints)
      addRule(nat, {
        chain: 'KUBE-SERVICES',
        dst: lbIp,
        proto: protocol,
        matches: [comment(`${name} loadbalancer IP`), l4(port.port)],
        target: { j: 'jump', chain: ch.ext },
      });
    if (!hasExternal) {
      addRule(filter, {
        chain: KUBE_EXTERNAL_SERVICES,
        dst: lbIp,
        proto: protocol,
        matches: [comment(externalFilter.c), l4(port.port)],
        target: { j: externalFilter.j },
        reason: externalFilter.r,
      });
    }
  }
  if (port.nodePort !== undefined && external) {
    if (hasEndpoints)
      addRule(nat, { chain: KUBE_NODEPORTS, proto: protocol, matches: [comment(name), l4(port.nodePort)], target: { j: 'jump', chain: ch.ext } });
    if (!hasExternal) {
      addRule(filter, {
        chain: KUBE_EXTERNAL_SERVICES,
        proto: protocol,
        matches: [comment(externalFilter.c), { m: 'addrtype', dir: 'dst' }, l4(port.nodePort)],
        target: { j: externalFilter.j },
        reason: externalFilter.r,
      });
    }
  }
  if (svc.healthCheckNodePort !== undefined && etpLocal) {
    addRule(filter, {
      chain: KUBE_NODEPORTS,
      proto: 'tcp',
      matches: [comment(`${name} health check node port`), { m: 'l4', proto: 'tcp', dport: svc.healthCheckNodePort }],
      target: { j: 'ACCEPT' },
    });
  }
  if (hasInternal) {
    // Off-cluster traffic to a ClusterIP may bounce to another node: masquerade it.
    addRule(nat, {
      chain: internalChain,
      src: podCidr,
      notSrc: true,
      dst: clusterIP,
      proto: protocol,
      matches: [comment(`${name} cluster IP`), l4(port.port)],
      target: { j: 'jump', chain: KUBE_MARK_MASQ },
    });
  }
  if (usesExtChain) {
    ensureChain(nat, ch.ext);
    if (!etpLocal) {
      addRule(nat, { chain: ch.ext, matches: [comment(`masquerade traffic for ${name} external destinations`)], target: { j: 'jump', chain: KUBE_MARK_MASQ } });
    } else {
      addRule(nat, { chain: ch.ext, src: podCidr, matches: [comment(`pod traffic for ${name} external destinations`)], target: { j: 'jump', chain: ch.svc } });
      addRule(nat, {
        chain: ch.ext,
        matches: [comment(`masquerade LOCAL traffic for ${name} external destinations`), { m: 'addrtype', dir: 'src' }],
        target: { j: 'jump', chain: KUBE_MARK_MASQ },
      });
      addRule(nat, {
        chain: ch.ext,
        matches: [comment(`route LOCAL traffic for ${name} external destinations`), { m: 'addrtype', dir: 'src' }],
        target: { j: 'jump', chain: ch.svc },
      });
    }
    if (hasExternal) addRule(nat, { chain: ch.ext, matches: [], target: { j: 'jump', chain: externalPolicyChain } });
  }
  if (usesClusterChain) writeServiceToEndpoints(nat, p, ch.svc, p.endpoints);
  if (usesLocalChain) writeServiceToEndpoints(nat, p, ch.svl, local);

  const reachable = usesClusterChain ? p.endpoints : usesLocalChain ? local : [];
  for (const ep of reachable) {
    const sep = endpointChain(name, protocol, ep.text);
    addRule(nat, { chain: sep, src: ep.ip, matches: [comment(name)], target: { j: 'jump', chain: KUBE_MARK_MASQ } });
    const matches: Rule['matches'] = [comment(name)];
    if (svc.sessionAffinity === 'ClientIP') matches.push({ m: 'recent', op: 'set', name: sep });
    matches.push({ m: 'l4', proto: protocol });
    addRule(nat, { chain: sep, proto: protocol, matches, target: { j: 'DNAT', to: ep.text } });
  }
}

const ruleCache = new WeakMap<Topology, Map<string, NodeRules>>();

/** Every nat and filter rule kube-proxy (iptables mode) keeps on `node`. */
export function iptablesProxyRules(t: Topology, node: Node): NodeRules {
  let m = ruleCache.get(t);
  if (!m) ruleCache.set(t, (m = new Map()));
  const hit = m.get(node.id);
  if (hit) return hit;
  const nat = newTable('nat');
  const filter = newTable('filter');
  writeBase(nat, filter);
  for (const p of proxiedPorts(t)) writeServicePort(nat, filter, p, node, t.podCidr.text);
  writeLast(nat);
  addFlannelChains(t, node, nat, filter);
  const rules = { nat, filter };
  m.set(node.id, rules);
  return rules;
}

/** KUBE-SERVICES ends with the jump to KUBE-NODEPORTS for local destinations. */
function writeLast(nat: RuleTable): void {
  addRule(nat, {
    chain: KUBE_SERVICES,
    matches: [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { m: 'addrtype', dir: 'dst' }],
    target: { j: 'jump', chain: KUBE_NODEPORTS },
  });
}

/** A node's rules without any Service port's (kubeproxy-lazy.ts adds those one port at a time). */
export function writeNodeBase(t: Topology, node: Node, rules: NodeRules): void {
  writeBase(rules.nat, rules.filter);
  writeLast(rules.nat);
  addFlannelChains(t, node, rules.nat, rules.filter);
}
