/**
 * The rules kube-proxy (iptables mode) writes for one Service port on one node, following
 * syncProxyRules() in kubernetes pkg/proxy/iptables/proxier.go:
 *   KUBE-SERVICES: ClusterIP (and load balancer IP) -> KUBE-SVC-* | KUBE-SVL-* | KUBE-EXT-*;
 *   KUBE-NODEPORTS: nodePort -> KUBE-EXT-*;
 *   KUBE-SVC-*: ClientIP affinity `recent --rcheck` rules, then one rule per endpoint with
 *   `statistic --mode random --probability 1/(n-i)`, the last one unconditional -> KUBE-SEP-*
 *   KUBE-SEP-*: `-s podIP/32 -j KUBE-MARK-MASQ` (hairpin), then DNAT to podIP:port.
 * A service with no endpoints gets no nat rules, only a filter REJECT; a Local policy without a local
 * endpoint gets a filter DROP. The cluster's pod CIDR is the "local traffic detector" (--cluster-cidr).
 */
import type { Node } from '../model/schema';
import { addRule, ensureChain, kubeProxyProbability, probabilityThreshold, type Rule, type RuleTable } from './iptables';
import { endpointChain, serviceChains } from './kubeproxy-names';
import { usableEndpoints, type Endpoint } from './endpoints';
import { KUBE_EXTERNAL_SERVICES, KUBE_MARK_MASQ, KUBE_NODEPORTS } from './kubeproxy-base';
import { externallyAccessible, type ProxiedPort } from './kubeproxy-ports';

const comment = (c: string) => ({ m: 'comment' as const, comment: c });

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
