/**
 * Calico as the CNI: routed pods behind cali interfaces, /26 blocks, and the three pool modes.
 * Sources: projectcalico/calico (libcalico-go VethNameForWorkload; cni-plugin calico_cni_k8s_test.go
 * for the pod routes; felix config_params.go VXLANPort 4789 / VXLANVNI 4096; felix/fv routing_test.go
 * for blackhole block routes) and docs.tigera.io "Overlay networking" (IPIP/VXLAN, Always/CrossSubnet).
 */
import { describe, expect, it } from 'vitest';
import { sha1 } from '@noble/hashes/legacy.js';
import { topology, type Hop, type Scenario } from '../index';
import { nodeRouteTable, podRouteTable, routerRouteTable, trace } from '../tracer';
import { loadExample, withChanges } from '../testing/examples';
import { caliName } from '../dataplane/cali-name';
import { calicoIpamState } from '../net/calico-ipam';
import { formatMessage } from '../../i18n/sim/index';

const base = () => loadExample('calico-policy');
/** The same cluster without policies, to look at the dataplane alone. */
const open = (edit: (s: Scenario) => void = () => {}) =>
  withChanges(base(), (s) => {
    s.networkPolicies = [];
    edit(s);
  });

/** A node's first IPAM block (handed out of the pool by Calico IPAM, net/calico-ipam.ts) and its tunnel address. */
const block = (s: Scenario, node: string) => calicoIpamState(s)!.blocks.get(node)![0]!;
const tunnel = (s: Scenario, node: string) => calicoIpamState(s)!.tunnels.get(node)!;

const where = (hops: Hop[]) => hops.map((h) => `${h.at}:${h.iface ?? ''}:${h.action}`);

describe('Calico dataplane', () => {
  it('names the host veth cali + sha1("namespace.pod")[:11], as libcalico-go does', () => {
    const hex = Array.from(sha1(new TextEncoder().encode('shop.frontend')), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(caliName({ namespace: 'shop', name: 'frontend' })).toBe(`cali${hex.slice(0, 11)}`);
    expect(caliName({ namespace: 'shop', name: 'frontend' })).toHaveLength(15);
  });

  it('gives a pod only the 169.254.1.1 gateway and the host a /32 per local pod and a blackhole per block', () => {
    const s = open();
    const t = topology(s);
    const frontend = t.pods.get('frontend')!;
    expect(podRouteTable(t, frontend).routes.map((r) => r.text)).toEqual(['169.254.1.1 dev eth0 scope link', 'default via 169.254.1.1 dev eth0']);
    const routes = nodeRouteTable(t, t.nodes.get('node-1')!).routes.map((r) => r.text);
    expect(routes).toContain(`${frontend.ip} dev ${caliName(frontend)} scope link`);
    expect(routes).toContain(`blackhole ${block(s, 'node-1')} proto bird`);
    expect(routes.some((r) => r.includes('cni0'))).toBe(false);
  });

  it('routes a pod to a pod on the same node through the host (no bridge): proxy ARP, cali, /32 route, TTL - 1', () => {
    const s = open((x) => {
      x.pods.find((p) => p.id === 'api')!.node = 'node-1';
      x.pods.find((p) => p.id === 'api')!.ip = '10.244.0.9';
    });
    const r = trace(s, { from: 'frontend', to: 'api', port: 8080 });
    expect(r.verdict).toBe('delivered');
    const api = s.pods.find((p) => p.id === 'api')!;
    expect(where(r.hops)).toEqual([
      'frontend:eth0:send',
      `node-1:${caliName(s.pods.find((p) => p.id === 'frontend')!)}:veth`,
      `node-1:${caliName(api)}:route`,
      `node-1:${caliName(api)}:veth`,
      'api:eth0:deliver',
    ]);
    expect(r.hops[0]!.match?.map((m) => m.rule)).toContain('169.254.1.1 dev eth0 lladdr ee:ee:ee:ee:ee:ee STALE');
    expect(r.hops[r.hops.length - 1]!.packet.ttl).toBe(63);
  });

  it('IPIP Always: tunl0 wraps the pod packet in an outer IP header, protocol 4, node to node', () => {
    const s = open();
    const r = trace(s, { from: 'frontend', to: 'api', port: 8080 });
    const enc = r.hops.find((h) => h.action === 'encapsulate')!;
    expect(enc.iface).toBe('tunl0');
    expect(enc.packet.outer).toEqual({ src: '192.168.1.10', dst: '192.168.1.11', proto: 'ipip', ttl: 64 });
    expect(enc.match?.[0]?.rule).toBe(`${block(s, 'node-2')} via 192.168.1.11 dev tunl0 proto bird onlink`);
    expect(r.hops.find((h) => h.action === 'decapsulate')?.iface).toBe('tunl0');
    expect(r.verdict).toBe('delivered');
  });

  it('IPIP CrossSubnet: plain BGP route inside a subnet, tunl0 only towards another subnet', () => {
    const s = open((x) => (x.cluster.crossSubnet = true));
    const same = trace(s, { from: 'frontend', to: 'api', port: 8080 });
    expect(same.hops.some((h) => h.action === 'encapsulate')).toBe(false);
    expect(same.hops.find((h) => h.action === 'route')?.match?.[0]?.rule).toBe(`${block(s, 'node-2')} via 192.168.1.11 dev eth0 proto bird`);
    const across = trace(s, { from: 'frontend', to: 'db', port: 5432 });
    expect(across.hops.find((h) => h.action === 'encapsulate')?.packet.outer).toMatchObject({ proto: 'ipip', src: '192.168.1.10', dst: '192.168.2.10' });
    expect(across.verdict).toBe('delivered');
  });

  it('VXLAN: vxlan.calico, UDP 4789, VNI 4096, routes programmed by felix (proto 80)', () => {
    const s = open((x) => (x.cluster.calicoMode = 'vxlan'));
    const r = trace(s, { from: 'frontend', to: 'db', port: 5432 });
    const enc = r.hops.find((h) => h.action === 'encapsulate')!;
    expect(enc.iface).toBe('vxlan.calico');
    expect(enc.packet.outer).toMatchObject({ proto: 'udp', dport: 4789, vni: 4096, src: '192.168.1.10', dst: '192.168.2.10' });
    // The route's next hop is node-3's vxlan.calico address: the first address of its first block.
    expect(tunnel(s, 'node-3')).toBe(block(s, 'node-3').split('/')[0]);
    expect(enc.match?.[0]?.rule).toBe(`${block(s, 'node-3')} via ${tunnel(s, 'node-3')} dev vxlan.calico proto 80 onlink`);
    expect(r.hops.find((h) => h.action === 'decapsulate')?.iface).toBe('vxlan.calico');
    expect(r.verdict).toBe('delivered');
    const t = topology(s);
    expect(nodeRouteTable(t, t.nodes.get('node-1')!).routes.map((x) => x.text)).toContain(`blackhole ${block(s, 'node-1')} proto 80`);
  });

  it('BGP: plain routes on one subnet; across subnets the router must learn the blocks, or it drops', () => {
    const s = open((x) => (x.cluster.calicoMode = 'bgp'));
    const same = trace(s, { from: 'frontend', to: 'api', port: 8080 });
    expect(same.verdict).toBe('delivered');
    expect(same.hops.find((h) => h.action === 'route')?.match?.[0]?.rule).toBe(`${block(s, 'node-2')} via 192.168.1.11 dev eth0 proto bird`);

    const across = trace(s, { from: 'frontend', to: 'db', port: 5432 });
    expect(across.verdict).toBe('dropped');
    expect(across.reason).toMatchObject({ code: 'no-route', at: 'core' });
    expect(formatMessage('en', across.reason!.msg)).toMatch(/BGP peer/);

    const peered = withChanges(s, (x) => (x.routers[0]!.bgpPeer = true));
    const t = topology(peered);
    expect(routerRouteTable(t, t.routers.get('core')!).routes.map((r) => r.text)).toContain(`${block(peered, 'node-3')} via 192.168.2.10 dev eth1 proto bird`);
    const ok = trace(peered, { from: 'frontend', to: 'db', port: 5432 });
    expect(ok.verdict).toBe('delivered');
    expect(ok.hops.some((h) => h.action === 'encapsulate')).toBe(false);
    expect(ok.reply?.verdict).toBe('delivered');
  });

  it("an unused address of a node's own block hits the blackhole route", () => {
    const s = open();
    // node-2's block holds its tunnel address and two pods (.0-.2): .40 is free.
    const unused = block(s, 'node-2').replace(/\.(\d+)\/26$/, (_m, d: string) => `.${Number(d) + 40}`);
    const r = trace(s, { from: 'frontend', to: unused, port: 80 });
    expect(r.reason).toMatchObject({ code: 'no-route', at: 'node-2' });
    expect(r.hops[r.hops.length - 1]!.match?.[0]?.rule).toBe(`blackhole ${block(s, 'node-2')} proto bird`);
  });

  it('a pod reaching the internet is MASQUERADEd by natOutgoing (cali-nat-outgoing)', () => {
    const s = open((x) => {
      x.subnets.push({ id: 'net', name: 'internet', cidr: '203.0.113.0/24', gateway: '203.0.113.1' });
      x.routers[0]!.interfaces.push({ subnet: 'net', ip: '203.0.113.1' });
      x.clients.push({ id: 'site', name: 'site', subnet: 'net', ip: '203.0.113.80', ports: [{ port: 443, protocol: 'TCP' }] });
    });
    const r = trace(s, { from: 'frontend', to: '203.0.113.80', port: 443 });
    expect(r.verdict).toBe('delivered');
    const snat = r.hops.find((h) => h.action === 'snat')!;
    expect(snat.match?.[0]).toMatchObject({ chain: 'cali-nat-outgoing' });
    expect(snat.packet.src).toBe('192.168.1.10');
  });
});
