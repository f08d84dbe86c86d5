/**
 * A Calico node's Inside view against Calico's sources (projectcalico/calico):
 * - felix adds a static ARP entry, NUD_PERMANENT, for each workload route (felix/routetable/
 *   route_table.go addStaticARPEntry), so `ip neigh` lists the pods as PERMANENT on their cali device;
 * - felix's VXLAN manager programs, per remote VTEP, a permanent ARP entry on vxlan.calico and a
 *   permanent FDB entry `dst <node IP>` (felix/dataplane/linux/vxlan_mgr.go), and its routes are
 *   `proto 80` (felix dataplanedefs DefaultRouteProto); BIRD's IPIP/BGP routes are `proto bird`;
 * - a node's own /26 block is a blackhole route (so unallocated addresses there are not routed on);
 * - tunl0 is the ipip fallback device with no lower link, which `ip addr` prints as `tunl0@NONE`
 *   (iproute2 print_linkinfo: IFLA_LINK 0 -> "@NONE").
 */
import { describe, expect, it } from 'vitest';
import { loadExample, withChanges } from '../testing/examples';
import { showNode } from './index';
import { trace } from '../trace/trace';
import { topology } from '../model/topology';
import { locateMatch } from './locate';

const ipip = loadExample('calico-policy');
const vxlan = withChanges(ipip, (c) => {
  c.cluster.calicoMode = 'vxlan';
});

describe('Calico node: ip addr, ip route, ip neigh, bridge fdb', () => {
  it('prints tunl0 as tunl0@NONE with its /32 tunnel address from the node\'s block', () => {
    const out = showNode(ipip, 'node-1', 'ip-addr').stdout;
    expect(out).toMatch(/\n3: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000\n {4}link\/ipip 0\.0\.0\.0 brd 0\.0\.0\.0\n {4}inet 10\.244\.0\.0\/32 scope global tunl0\n/);
    expect(out).toMatch(/\n4: cali[0-9a-f]{11}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1480 .*\n {4}link\/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netns cni-/);
  });

  it('routes: a blackhole for the own block, /32s to cali devices, BIRD (IPIP) or felix (VXLAN) routes to the other blocks', () => {
    const routes = showNode(ipip, 'node-1', 'ip-route').stdout.split('\n');
    expect(routes).toContain('blackhole 10.244.0.0/26 proto bird ');
    expect(routes).toContain('10.244.1.0/26 via 192.168.1.11 dev tunl0 proto bird onlink ');
    expect(routes.some((l) => /^10\.244\.0\.2 dev cali[0-9a-f]{11} scope link $/.test(l))).toBe(true);
    const v = showNode(vxlan, 'node-1', 'ip-route').stdout.split('\n');
    expect(v).toContain('blackhole 10.244.0.0/26 proto 80 ');
    expect(v).toContain('10.244.1.0/26 via 10.244.1.0 dev vxlan.calico proto 80 onlink ');
  });

  it('lists the pods as PERMANENT neighbours (felix\'s static ARP) and, in VXLAN mode, each remote VTEP', () => {
    const neigh = showNode(vxlan, 'node-1', 'ip-neigh').stdout.split('\n');
    expect(neigh.some((l) => /^10\.244\.0\.2 dev cali[0-9a-f]{11} lladdr [0-9a-f:]{17} PERMANENT $/.test(l))).toBe(true);
    expect(neigh.filter((l) => l.includes('REACHABLE') && l.includes('cali'))).toEqual([]);
    expect(neigh.some((l) => /^10\.244\.1\.0 dev vxlan\.calico lladdr 66:[0-9a-f:]{14} PERMANENT $/.test(l))).toBe(true);
    const fdb = showNode(vxlan, 'node-1', 'bridge-fdb').stdout.split('\n');
    expect(fdb.some((l) => /^66:[0-9a-f:]{14} dev vxlan\.calico dst 192\.168\.1\.11 self permanent$/.test(l))).toBe(true);
  });

  it('every route, ARP and FDB entry a Calico VXLAN hop names is a line in that node\'s Inside view', () => {
    const s = vxlan;
    const t = topology(s);
    const from = s.pods.find((p) => p.node === 'node-1')!;
    const to = s.pods.find((p) => p.node !== 'node-1' && t.nodes.get(p.node)!.subnet === t.nodes.get('node-1')!.subnet)!;
    const r = trace(s, { from: from.id, to: to.ip, port: to.containers[0]!.ports[0]?.containerPort ?? 80 }, { seed: 1 });
    const checked: string[] = [];
    r.hops.forEach((h, i) => {
      if (h.kind !== 'node') return;
      for (const m of h.match ?? []) {
        if (m.kind !== 'route' && m.kind !== 'arp' && m.kind !== 'fdb') continue;
        if (m.kind === 'route' && m.table === 'local') continue;
        expect(locateMatch(s, h, r.hops[i - 1], m), `${h.at} ${m.kind} ${m.rule}`).toBeDefined();
        checked.push(m.kind);
      }
    });
    expect(checked).toEqual(expect.arrayContaining(['route', 'arp', 'fdb']));
  });
});
