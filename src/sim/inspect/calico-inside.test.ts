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
import { calicoIpamState } from '../net/calico-ipam';

const ipip = loadExample('calico-policy');
const vxlan = withChanges(ipip, (c) => {
  c.cluster.calicoMode = 'vxlan';
});
// Calico IPAM's blocks and tunnel addresses (net/calico-ipam.ts: handed out of the pool, tunnel first).
const ipam = calicoIpamState(ipip)!;
const block1 = ipam.blocks.get('node-1')![0]!;
const block2 = ipam.blocks.get('node-2')![0]!;
const tunnel1 = ipam.tunnels.get('node-1')!;
const tunnel2 = ipam.tunnels.get('node-2')!;
const re = (text: string) => text.replace(/\./g, '\\.');
const pod1 = ipip.pods.find((p) => p.node === 'node-1' && p.name === 'frontend')!.ip;

describe('Calico node: ip addr, ip route, ip neigh, bridge fdb', () => {
  it("prints tunl0 as tunl0@NONE with its /32 tunnel address from the node's block", () => {
    const out = showNode(ipip, 'node-1', 'ip-addr').stdout;
    expect(tunnel1).toBe(block1.split('/')[0]);
    expect(out).toMatch(
      new RegExp(
        `\\n3: tunl0@NONE: <NOARP,UP,LOWER_UP> mtu 1480 qdisc noqueue state UNKNOWN group default qlen 1000\\n {4}link/ipip 0\\.0\\.0\\.0 brd 0\\.0\\.0\\.0\\n {4}inet ${re(tunnel1)}/32 scope global tunl0\\n`,
      ),
    );
    expect(out).toMatch(
      /\n4: cali[0-9a-f]{11}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1480 .*\n {4}link\/ether ee:ee:ee:ee:ee:ee brd ff:ff:ff:ff:ff:ff link-netns cni-/,
    );
  });

  it('routes: a blackhole for the own block, /32s to cali devices, BIRD (IPIP) or felix (VXLAN) routes to the other blocks', () => {
    const routes = showNode(ipip, 'node-1', 'ip-route').stdout.split('\n');
    expect(routes).toContain(`blackhole ${block1} proto bird `);
    expect(routes).toContain(`${block2} via 192.168.1.11 dev tunl0 proto bird onlink `);
    expect(routes.some((l) => new RegExp(`^${re(pod1)} dev cali[0-9a-f]{11} scope link $`).test(l))).toBe(true);
    const v = showNode(vxlan, 'node-1', 'ip-route').stdout.split('\n');
    expect(v).toContain(`blackhole ${block1} proto 80 `);
    expect(v).toContain(`${block2} via ${tunnel2} dev vxlan.calico proto 80 onlink `);
  });

  it("lists the pods as PERMANENT neighbours (felix's static ARP) and, in VXLAN mode, each remote VTEP", () => {
    const neigh = showNode(vxlan, 'node-1', 'ip-neigh').stdout.split('\n');
    expect(neigh.some((l) => new RegExp(`^${re(pod1)} dev cali[0-9a-f]{11} lladdr [0-9a-f:]{17} PERMANENT $`).test(l))).toBe(true);
    expect(neigh.filter((l) => l.includes('REACHABLE') && l.includes('cali'))).toEqual([]);
    expect(neigh.some((l) => new RegExp(`^${re(tunnel2)} dev vxlan\\.calico lladdr 66:[0-9a-f:]{14} PERMANENT $`).test(l))).toBe(true);
    const fdb = showNode(vxlan, 'node-1', 'bridge-fdb').stdout.split('\n');
    expect(fdb.some((l) => /^66:[0-9a-f:]{14} dev vxlan\.calico dst 192\.168\.1\.11 self permanent$/.test(l))).toBe(true);
  });

  it("every route, ARP and FDB entry a Calico VXLAN hop names is a line in that node's Inside view", () => {
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
