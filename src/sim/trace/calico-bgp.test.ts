/**
 * How Calico nodes learn each other's pod blocks, and the drop when they do not. Sources:
 * docs.tigera.io/calico/latest/networking/configuring/bgp ("Configure BGP peering": by default a full
 * node-to-node iBGP mesh; above ~100 nodes disable it (BGPConfiguration nodeToNodeMeshEnabled: false)
 * and use route reflectors, nodes with routeReflectorClusterID that every node peers with; a node can
 * also peer with a top-of-rack router), RFC 4456 (a route reflector passes routes between its clients
 * without changing the next hop), and docs.tigera.io "Overlay networking" (VXLAN needs no BGP: felix
 * programs the routes).
 */
import { describe, expect, it } from 'vitest';
import { topology, type Scenario } from '../index';
import { nodeRouteTable, trace } from '../tracer';
import { loadExample, withChanges } from '../testing/examples';
import { calicoIpamState } from '../net/calico-ipam';
import { formatMessage } from '../../i18n/sim/index';

/** The example without policies, in BGP mode, both ends of the first trace on rack-a (node-1 -> node-2). */
const bgp = (edit: (s: Scenario) => void = () => {}) =>
  withChanges(loadExample('calico-policy'), (s) => {
    s.networkPolicies = [];
    s.cluster.calicoMode = 'bgp';
    edit(s);
  });
const block = (s: Scenario, node: string) => calicoIpamState(s)!.blocks.get(node)![0]!;
const routesOf = (s: Scenario, node: string) => {
  const t = topology(s);
  return nodeRouteTable(t, t.nodes.get(node)!).routes.map((r) => r.text);
};

describe('Calico BGP: full mesh, route reflectors, and the drop without either', () => {
  it("full mesh (the default): node-1 learns node-2's block from node-2 itself", () => {
    const s = bgp();
    expect(s.cluster.bgpMesh).toBe(true);
    expect(routesOf(s, 'node-1')).toContain(`${block(s, 'node-2')} via 192.168.1.11 dev eth0 proto bird`);
    expect(trace(s, { from: 'frontend', to: 'api', port: 8080 }).verdict).toBe('delivered');
  });

  it("mesh off and no route reflector: no node learns another's block; the packet takes the default route and the router drops it, saying why", () => {
    const s = bgp((x) => (x.cluster.bgpMesh = false));
    expect(routesOf(s, 'node-1').some((r) => r.startsWith(block(s, 'node-2')))).toBe(false);
    const r = trace(s, { from: 'frontend', to: 'api', port: 8080 });
    expect(r.verdict).toBe('dropped');
    expect(r.reason).toMatchObject({ code: 'no-route', at: 'core' });
    expect(r.reason!.msg.code).toBe('drop.router-no-route-no-mesh');
    expect(formatMessage('en', r.reason!.msg)).toMatch(/node-to-node BGP mesh is off and no node is a route reflector/);
    expect(formatMessage('zh-CN', r.reason!.msg)).toMatch(/路由反射器/);
    // IPIP learns its tunl0 routes over BGP too: the same drop.
    const ipip = withChanges(s, (x) => (x.cluster.calicoMode = 'ipip'));
    expect(trace(ipip, { from: 'frontend', to: 'api', port: 8080 }).reason?.msg.code).toBe('drop.router-no-route-no-mesh');
  });

  it('a route reflector node brings the routes back: every client learns every block, next hop still the owning node', () => {
    const s = bgp((x) => {
      x.cluster.bgpMesh = false;
      x.nodes.find((n) => n.id === 'node-3')!.routeReflector = true;
    });
    expect(routesOf(s, 'node-1')).toContain(`${block(s, 'node-2')} via 192.168.1.11 dev eth0 proto bird`);
    expect(routesOf(s, 'node-2')).toContain(`${block(s, 'node-1')} via 192.168.1.10 dev eth0 proto bird`);
    expect(trace(s, { from: 'frontend', to: 'api', port: 8080 }).verdict).toBe('delivered');
  });

  it('mesh off, the router a BGP peer of every node (top-of-rack peering): the router carries the traffic', () => {
    const s = bgp((x) => {
      x.cluster.bgpMesh = false;
      x.routers[0]!.bgpPeer = true;
    });
    const r = trace(s, { from: 'frontend', to: 'api', port: 8080 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.some((h) => h.at === 'core')).toBe(true);
  });

  it('VXLAN needs no BGP: felix programs the routes whatever the mesh says', () => {
    const s = bgp((x) => {
      x.cluster.calicoMode = 'vxlan';
      x.cluster.bgpMesh = false;
    });
    expect(trace(s, { from: 'frontend', to: 'db', port: 5432 }).verdict).toBe('delivered');
  });
});
