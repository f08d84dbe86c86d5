/**
 * Calico IPAM (calico-ipam) as projectcalico/calico does it. Sources:
 * - libcalico-go/lib/ipam/ipam_block_reader_writer.go: findUsableBlock walks randomBlockGenerator(pool,
 *   host), whose start is seeded by determineSeed = FNV-32 (hash/fnv New32) of the hostname, up the
 *   pool and wrapping; a block already affine to this host with free addresses is used first.
 * - libcalico-go/lib/ipam/ipam_block.go: newBlock's Unallocated ordinals 0..n-1, autoAssign takes
 *   from the front (lowest ordinal first, the block's first address included).
 * - node/pkg/allocateip/allocateip.go: assignHostTunnelAddr (IPIP / VXLAN tunnel address) is an
 *   AutoAssign with the host's affinity, done by calico-node before the node runs pods.
 * - confd bird_aggr.cfg (confd/tests/compiled_templates/.../bird_aggr.cfg): one `route <block>
 *   blackhole;` per block affine to the host, several /26s per host possible.
 * - docs.tigera.io "Change IP pool block size" / IPPool reference: blockSize defaults to 26 for IPv4;
 *   "Restrict a pod to use an IP address range": strictAffinity false lets a node borrow addresses
 *   from another node's block, which it then advertises as a /32.
 */
import { describe, expect, it } from 'vitest';
import { CalicoIpam, calicoIpamState, fnv1_32, startBlock } from './calico-ipam';
import { topology, type Scenario } from '../index';
import { addPod, editCluster, validateScenario } from '../editing';
import { nodeRouteTable } from '../tracer';
import { loadExample, withChanges } from '../testing/examples';
import { cidrContains } from './cidr';

describe('Calico IPAM', () => {
  it("hashes the hostname with FNV-1 32 as Go hash/fnv New32 (golden values of Go's fnv_test.go)", () => {
    expect(fnv1_32('')).toBe(0x811c9dc5);
    expect(fnv1_32('a')).toBe(0x050c5d7e);
    expect(fnv1_32('ab')).toBe(0x70772d38);
    expect(fnv1_32('abc')).toBe(0x439c2f4b);
  });

  it('hands each node /26 blocks out of the pool (not its spec.podCIDR), tunnel address first, then pods lowest ordinal first', () => {
    const ipam = new CalicoIpam('10.244.0.0/16', [
      { id: 'a', name: 'node-a' },
      { id: 'b', name: 'node-b' },
    ]);
    ipam.allocateTunnels(['a', 'b']);
    const st = ipam.state();
    const [blockA] = st.blocks.get('a')!;
    expect(blockA).toMatch(/^10\.244\.\d+\.(0|64|128|192)\/26$/);
    // The block the host's hash-seeded search starts at, as randomBlockGenerator does (here: unclaimed).
    expect(blockA).toBe(`10.244.${Math.floor((startBlock('node-a', 1024) * 64) / 256)}.${(startBlock('node-a', 1024) * 64) % 256}/26`);
    const first = blockA!.split('/')[0]!;
    expect(st.tunnels.get('a')).toBe(first);
    const p1 = ipam.allocate('a')!;
    const p2 = ipam.allocate('a')!;
    expect([p1, p2].map((ip) => Number(ip.split('.')[3]) - Number(first.split('.')[3]))).toEqual([1, 2]);
    expect(st.blocks.get('b')![0]).not.toBe(blockA);
  });

  it('a node whose blocks are full claims another block: 64 addresses per /26, the second block not necessarily adjacent', () => {
    const ipam = new CalicoIpam('10.244.0.0/16', [{ id: 'a', name: 'node-a' }]);
    const ips = Array.from({ length: 65 }, () => ipam.allocate('a')!);
    const [b1, b2] = ipam.state().blocks.get('a')!;
    expect(ips.slice(0, 64).every((ip) => cidrContains(b1!, ip))).toBe(true);
    expect(cidrContains(b2!, ips[64]!)).toBe(true);
    expect(ips[64]).toBe(b2!.split('/')[0]);
  });

  it("walks up the pool from the host's start and wraps round when the blocks above are taken; a full pool gives nothing", () => {
    // A /24 pool has 4 blocks of /26.
    const nodes = ['w', 'x', 'y', 'z', 'v'].map((n) => ({ id: n, name: `host-${n}` }));
    const ipam = new CalicoIpam('10.10.0.0/24', nodes);
    for (const n of nodes.slice(0, 4)) ipam.allocate(n.id);
    const blocks = [...ipam.state().blocks.values()].flat().sort();
    expect(blocks).toEqual(['10.10.0.0/26', '10.10.0.128/26', '10.10.0.192/26', '10.10.0.64/26']);
    const start = startBlock('host-w', 4);
    expect(ipam.state().blocks.get('w')).toEqual([`10.10.0.${start * 64}/26`]);
    expect(ipam.allocate('v')).toBeUndefined();
  });

  it("takes stored pod addresses as allocated: their /26 is affine to the first node holding one; another node's address there is borrowed", () => {
    const ipam = new CalicoIpam('10.244.0.0/16', [
      { id: 'a', name: 'node-a' },
      { id: 'b', name: 'node-b' },
    ]);
    ipam.register('10.244.3.5', 'a');
    ipam.register('10.244.3.9', 'b');
    ipam.register('10.244.7.200', 'b');
    const st = ipam.state();
    expect(st.blocks.get('a')).toEqual(['10.244.3.0/26']);
    expect(st.blocks.get('b')).toEqual(['10.244.7.192/26']);
    expect([...st.borrowed]).toEqual([['10.244.3.9', 'b']]);
    // The next address for a: the lowest free ordinal of its block.
    expect(ipam.allocate('a')).toBe('10.244.3.0');
  });
});

describe('Calico IPAM in a scenario', () => {
  const calico = () => loadExample('calico-policy');

  it("pods of a Calico file without addresses get them from their node's blocks; each node has a blackhole per block and the tunnel the first address", () => {
    const s = calico();
    const st = calicoIpamState(s)!;
    // Pinned: scattered over the pool by hostname as a real cluster's are (10.244.86.0/26, not node-1's podCIDR 10.244.0.0/24).
    expect(Object.fromEntries(st.blocks)).toEqual({ 'node-1': ['10.244.86.0/26'], 'node-2': ['10.244.42.128/26'], 'node-3': ['10.244.217.192/26'] });
    expect(s.pods.find((p) => p.id === 'frontend')!.ip).toBe('10.244.86.2');
    for (const p of s.pods) expect(st.blocks.get(p.node)!.some((b) => cidrContains(b, p.ip))).toBe(true);
    const t = topology(s);
    for (const n of s.nodes) {
      const [block] = st.blocks.get(n.id)!;
      expect(st.tunnels.get(n.id)).toBe(block!.split('/')[0]);
      expect(nodeRouteTable(t, t.nodes.get(n.id)!).routes.map((r) => r.text)).toContain(`blackhole ${block} proto bird`);
    }
    // Calico ignores the node's spec.podCIDR: node-1's pods are not in 10.244.0.0/24.
    expect(s.pods.filter((p) => p.node === 'node-1').some((p) => cidrContains(s.nodes[0]!.podCidr, p.ip))).toBe(false);
    expect(validateScenario(s).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a node that fills its block gets a second one, with its own blackhole and a route to it on every other node', () => {
    let s: Scenario = withChanges(calico(), (x) => (x.networkPolicies = []));
    for (let i = 0; i < 64; i++) {
      const r = addPod(s, { node: 'node-3', name: `fill-${i}` });
      if (!r.ok) throw new Error('addPod');
      s = r.scenario;
    }
    const blocks = calicoIpamState(s)!.blocks.get('node-3')!;
    expect(blocks).toHaveLength(2);
    const t = topology(s);
    const own = nodeRouteTable(t, t.nodes.get('node-3')!).routes.map((r) => r.text);
    for (const b of blocks) expect(own).toContain(`blackhole ${b} proto bird`);
    const other = nodeRouteTable(t, t.nodes.get('node-1')!).routes.map((r) => r.text);
    for (const b of blocks) expect(other).toContain(`${b} via 192.168.2.10 dev tunl0 proto bird onlink`);
  });

  it('a borrowed address is routed as a /32 to the node that holds it', () => {
    const s = withChanges(calico(), (x) => {
      const st = calicoIpamState(x)!;
      const [block1] = st.blocks.get('node-1')!;
      // A pod on node-2 stored with an address inside node-1's block.
      x.pods.find((p) => p.id === 'api')!.ip = block1!.replace(/\.(\d+)\/26$/, (_m, d: string) => `.${Number(d) + 40}`);
    });
    const api = s.pods.find((p) => p.id === 'api')!;
    const t = topology(s);
    expect(nodeRouteTable(t, t.nodes.get('node-3')!).routes.map((r) => r.text)).toContain(`${api.ip}/32 via 192.168.1.11 dev tunl0 proto bird onlink`);
  });

  it("a pod address outside the pool is a problem under Calico; outside the node's pod CIDR is not", () => {
    const outside = withChanges(calico(), (x) => (x.pods.find((p) => p.id === 'api')!.ip = '10.99.0.5'));
    expect(validateScenario(outside).map((p) => p.code)).toContain('pod-ip-outside-pool');
    const inPool = withChanges(calico(), (x) => (x.pods.find((p) => p.id === 'api')!.ip = '10.244.200.7'));
    expect(validateScenario(inPool).map((p) => p.code)).not.toContain('pod-ip-outside-node-cidr');
  });

  it("switching to flannel re-addresses pods into their node's pod CIDR (host-local); switching back keeps those addresses", () => {
    const s = calico();
    const r = editCluster(s, { cni: 'flannel' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const p of r.scenario.pods) expect(cidrContains(r.scenario.nodes.find((n) => n.id === p.node)!.podCidr, p.ip)).toBe(true);
    const back = editCluster(r.scenario, { cni: 'calico' });
    expect(back.ok && back.scenario.pods.map((p) => p.ip)).toEqual(r.scenario.pods.map((p) => p.ip));
  });
});
