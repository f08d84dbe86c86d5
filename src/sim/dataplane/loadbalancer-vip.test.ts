/**
 * A load balancer in `vip` mode: it hands the packet to a node still addressed to the load balancer IP
 * (GCP passthrough Network Load Balancer: "packets are delivered to backend VMs with the destination IP
 * address of the forwarding rule" and backends answer directly, cloud.google.com/load-balancing/docs/
 * passthrough-network-load-balancer; MetalLB BGP: the router's ECMP route for the IP spreads connections
 * over the nodes, metallb.universe.tf/concepts/bgp/). On the node kube-proxy catches the IP in
 * KUBE-SERVICES, kubernetes/kubernetes pkg/proxy/iptables/proxier.go "Capture load-balancer ingress":
 *   natRules.Write("-A", kubeServicesChain, "-m", "comment", "--comment", `"%s loadbalancer IP"`,
 *     "-m", protocol, "-p", protocol, "-d", lbip, "--dport", port, "-j", loadBalancerTrafficChain)
 * which iptables-save prints as `-A KUBE-SERVICES -d <ip>/32 -p tcp -m comment --comment "..." -m tcp
 * --dport 80 -j KUBE-EXT-...` (loadBalancerTrafficChain is the KUBE-EXT chain without source ranges).
 * In IPVS mode the IP is on kube-ipvs0 and in the KUBE-LOAD-BALANCER set (pkg/proxy/ipvs/proxier.go).
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { trace } from '../trace/trace';
import { iptablesSaveAll } from '../inspect/iptables-save';
import { topology } from '../model/topology';

const vip = withChanges(loadExample('loadbalancer-local'), (c) => {
  c.loadBalancers[0]!.mode = 'vip';
});

describe('LoadBalancer mode vip (GCP passthrough / MetalLB style)', () => {
  it('hands the packet over unchanged and the node DNATs it by its KUBE-SERVICES "loadbalancer IP" rule', () => {
    const nodes = new Set<string>();
    for (let seed = 0; seed < 30; seed++) {
      const r = trace(vip, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed });
      expect(r.verdict).toBe('delivered');
      const i = r.hops.findIndex((h) => h.action === 'lb');
      const lb = r.hops[i]!;
      expect(lb.packet).toMatchObject({ src: '203.0.113.7', dst: '203.0.113.100', dport: 80 });
      expect(lb.match![0]!.rule).toBe('listener TCP 203.0.113.100:80 -> 2 of 3 nodes, destination unchanged');
      // externalTrafficPolicy Local: only the nodes that pass healthCheckNodePort get traffic.
      const dnat = r.hops[i + 1]!;
      expect(dnat).toMatchObject({ kind: 'node', iface: 'eth0', action: 'dnat' });
      nodes.add(dnat.at);
      const svcRule = dnat.match!.find((m) => m.chain === 'KUBE-SERVICES')!;
      expect(svcRule.rule).toMatch(
        /^-A KUBE-SERVICES -d 203\.0\.113\.100\/32 -p tcp -m comment --comment "default\/web:http loadbalancer IP" -m tcp --dport 80 -j KUBE-EXT-[A-Z2-7]{16}$/,
      );
      // No NodePort is involved, and the client's address is kept (Local: no masquerade).
      expect(r.hops.some((h) => h.packet.dport === 31080)).toBe(false);
      expect(r.hops.at(-1)!.packet.src).toBe('203.0.113.7');
      // Direct server return: the node un-DNATs the reply to the LB IP and routes it to the client; the
      // balancer is not on the way back.
      expect(r.reply!.verdict).toBe('delivered');
      expect(r.reply!.hops.some((h) => h.kind === 'loadBalancer')).toBe(false);
      expect(r.reply!.hops.at(-1)!.packet).toMatchObject({ src: '203.0.113.100', sport: 80, dst: '203.0.113.7' });
    }
    expect([...nodes].sort()).toEqual(['node-1', 'node-2']);
  });

  it('the rule it matches is the line iptables-save prints on that node', () => {
    const r = trace(vip, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed: 1 });
    const dnat = r.hops.find((h) => h.action === 'dnat')!;
    const node = topology(vip).nodes.get(dnat.at)!;
    const rule = dnat.match!.find((m) => m.chain === 'KUBE-SERVICES' && m.rule.includes('loadbalancer IP'))!.rule;
    expect(iptablesSaveAll(topology(vip), node).split('\n')).toContain(rule);
  });

  it('with externalTrafficPolicy Cluster any node takes it and masquerades, and the reply still leaves from the node', () => {
    const cluster = withChanges(vip, (c) => {
      c.services[0]!.externalTrafficPolicy = 'Cluster';
    });
    const r = trace(cluster, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed: 3 });
    expect(r.verdict).toBe('delivered');
    const dnat = r.hops.find((h) => h.action === 'dnat')!;
    expect(dnat.match!.some((m) => m.rule.includes('masquerade traffic for default/web:http external destinations'))).toBe(true);
    expect(r.reply!.hops.at(-1)!.packet).toMatchObject({ src: '203.0.113.100', sport: 80 });
  });

  it('in IPVS mode the node accepts the IP as local (kube-ipvs0) and IPVS schedules it', () => {
    const ipvs = withChanges(vip, (c) => {
      c.cluster!.kubeProxyMode = 'ipvs';
    });
    const r = trace(ipvs, { from: 'laptop', to: '203.0.113.100', port: 80 }, { seed: 2 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.some((h) => h.match?.some((m) => m.kind === 'ipvs' && m.rule.startsWith('TCP  203.0.113.100:80')))).toBe(true);
    expect(r.reply!.hops.at(-1)!.packet).toMatchObject({ src: '203.0.113.100', sport: 80 });
  });
});
