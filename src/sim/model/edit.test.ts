import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from './parse';
import type { Scenario, ScenarioInput } from './schema';
import { validateScenario } from '../net/validate';
import {
  addClient,
  addIngress,
  addLoadBalancer,
  addNode,
  addPod,
  addRouter,
  addRouterInterface,
  addService,
  addSubnet,
  allocateHostIp,
  deleteElements,
  moveHost,
  movePod,
  removeRouterInterface,
  setPositions,
  type EditResult,
} from './edit';
import { editCluster, editElement } from './editFields';
import { loadExample } from '../testing/examples';
import { formatMessage } from '../../i18n/sim/index';
import { msg, type Message } from '../messages/index';

/** Refused with exactly this English message (and on this field, when given). */
function refusedWith(r: { ok: boolean; error?: unknown; field?: string }, text: string | RegExp, field?: string) {
  expect(r.ok).toBe(false);
  const t = formatMessage('en', (r as { error: Message }).error);
  if (typeof text === 'string') expect(t).toBe(text);
  else expect(t).toMatch(text);
  if (field !== undefined) expect(r.field).toBe(field);
}


/** The edit or parse was refused, with an English message containing `text` (and on `field`, when given). */
function expectRefused(r: { ok: boolean; error?: Message; field?: string }, text: string, field?: string) {
  expect(r.ok).toBe(false);
  expect(formatMessage('en', r.error!)).toContain(text);
  if (field !== undefined) expect(r.field).toBe(field);
}


const base: ScenarioInput = {
  version: 1,
  subnets: [
    { id: 'subnet-a', name: 'rack-a', cidr: '192.168.1.0/24', gateway: '192.168.1.1' },
    { id: 'subnet-b', name: 'rack-b', cidr: '192.168.2.0/24', gateway: '192.168.2.1' },
  ],
  routers: [
    {
      id: 'router-1',
      name: 'core',
      interfaces: [
        { subnet: 'subnet-a', ip: '192.168.1.1' },
        { subnet: 'subnet-b', ip: '192.168.2.1' },
      ],
    },
  ],
  nodes: [
    { id: 'node-1', name: 'node-1', subnet: 'subnet-a', ip: '192.168.1.10' },
    { id: 'node-2', name: 'node-2', subnet: 'subnet-b', ip: '192.168.2.10' },
  ],
  pods: [
    { id: 'web-1', name: 'web-1', node: 'node-1', labels: { app: 'web' }, containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] },
    { id: 'web-2', name: 'web-2', node: 'node-2', labels: { app: 'web' }, containers: [{ name: 'web', ports: [{ containerPort: 80 }] }] },
  ],
  services: [{ id: 'web', name: 'web', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] }],
};

function scenario(input: ScenarioInput = base): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function ok(r: EditResult): Scenario {
  if (!r.ok) throw new Error(`edit failed: ${formatMessage('en', r.error)}`);
  return r.scenario;
}

const errors = (s: Scenario) => validateScenario(s).filter((p) => p.severity === 'error');

describe('adding elements', () => {
  it('a node gets the next free pod CIDR and the next free address on its subnet', () => {
    const r = addNode(scenario(), { subnet: 'subnet-a', position: { x: 10, y: 20 } });
    const s = ok(r);
    const node = s.nodes.find((n) => n.id === (r.ok ? r.id : ''))!;
    expect(node).toMatchObject({ id: 'node-3', name: 'node-3', subnet: 'subnet-a', ip: '192.168.1.11', podCidr: '10.244.2.0/24' });
    expect(s.layout['node-3']).toEqual({ x: 10, y: 20 });
    expect(errors(s)).toEqual([]);
  });

  it('a node needs a subnet', () => {
    const r = addNode(scenario({ version: 1 }), { subnet: 'nope' });
    expect(r).toEqual({ ok: false, error: msg('edit.node-needs-subnet') });
    expect(formatMessage('en', msg('edit.node-needs-subnet'))).toBe('a node needs a subnet for its eth0: add a subnet first');
  });

  it('pods get the next free IP of their node, from .2 (.1 is cni0), reusing freed addresses', () => {
    let s = scenario();
    const first = addPod(s, { node: 'node-1' });
    s = ok(first);
    expect(s.pods.find((p) => first.ok && p.id === first.id)).toMatchObject({ name: 'pod-1', ip: '10.244.0.3', labels: { app: 'pod-1' } });
    s = deleteElements(s, ['web-1']).scenario;
    const again = addPod(s, { node: 'node-1' });
    s = ok(again);
    expect(s.pods.find((p) => again.ok && p.id === again.id)?.ip).toBe('10.244.0.2');
    expect(errors(s)).toEqual([]);
  });

  it('refuses a pod without a node', () => {
    const r = addPod(scenario(), { node: 'missing' });
    expect(r.ok).toBe(false);
  });

  it('a router takes the subnet gateway when no router holds it, and becomes the gateway of a subnet without one', () => {
    let s = scenario({ version: 1, subnets: [{ id: 'a', name: 'a', cidr: '10.1.0.0/24', gateway: '10.1.0.254' }, { id: 'b', name: 'b', cidr: '10.2.0.0/24' }] });
    const r = addRouter(s, { subnets: ['a', 'b'] });
    s = ok(r);
    expect(s.routers[0]!.interfaces).toEqual([
      { subnet: 'a', ip: '10.1.0.254' },
      { subnet: 'b', ip: '10.2.0.1' },
    ]);
    expect(s.subnets.find((x) => x.id === 'b')!.gateway).toBe('10.2.0.1');
    expect(validateScenario(s)).toEqual([]);
  });

  it('a new subnet gets a /24 clear of the others and the cluster ranges', () => {
    const s = ok(addSubnet(scenario()));
    expect(s.subnets.at(-1)).toMatchObject({ id: 'subnet-1', cidr: '192.168.3.0/24' });
  });

  it('a service gets a ClusterIP; a load balancer turns it into type LoadBalancer with a nodePort', () => {
    let s = scenario();
    const svc = addService(s, { selector: { app: 'web' } });
    s = ok(svc);
    const created = s.services.find((x) => svc.ok && x.id === svc.id)!;
    expect(created.clusterIP).toBe('10.96.0.3');
    expect(created.ports[0]!.nodePort).toBeUndefined();
    const lb = addLoadBalancer(s, { service: created.id, subnet: 'subnet-b' });
    s = ok(lb);
    const after = s.services.find((x) => x.id === created.id)!;
    expect(after.type).toBe('LoadBalancer');
    expect(after.ports[0]!.nodePort).toBe(30000);
    expect(s.loadBalancers[0]).toMatchObject({ service: created.id, subnet: 'subnet-b', ip: '192.168.2.100' });
    expect(errors(s)).toEqual([]);
  });

  it('an ingress routes to the service it was created for', () => {
    const s = ok(addIngress(scenario(), { service: 'web' }));
    expect(s.ingresses[0]!.rules[0]!.paths[0]!.backend).toEqual({ service: 'web', port: 80 });
  });

  it('keeps untouched elements as the same objects', () => {
    const s0 = scenario();
    const s1 = ok(addPod(s0, { node: 'node-2' }));
    expect(s1.pods[0]).toBe(s0.pods[0]);
    expect(s1.nodes).toBe(s0.nodes);
    expect(s1.services).toBe(s0.services);
  });
});

describe('moving', () => {
  it('a pod moved to another node gets a new IP from that node', () => {
    const s = ok(movePod(scenario(), 'web-1', 'node-2'));
    expect(s.pods.find((p) => p.id === 'web-1')).toMatchObject({ node: 'node-2', ip: '10.244.1.3' });
    expect(errors(s)).toEqual([]);
  });

  it('a node moved to another subnet gets an address there', () => {
    const s = ok(moveHost(scenario(), 'node-1', 'subnet-b', { x: 5, y: 5 }));
    expect(s.nodes.find((n) => n.id === 'node-1')).toMatchObject({ subnet: 'subnet-b', ip: '192.168.2.11' });
    expect(s.layout['node-1']).toEqual({ x: 5, y: 5 });
  });

  it('positions change only the layout', () => {
    const s0 = scenario();
    const s1 = setPositions(s0, { 'node-1': { x: 1, y: 2 } });
    expect(s1.layout).toEqual({ 'node-1': { x: 1, y: 2 } });
    expect(s1.nodes).toBe(s0.nodes);
  });
});

describe('deleting', () => {
  it('a subnet takes its nodes, their pods and the router interfaces on it', () => {
    const r = deleteElements(scenario(), ['subnet-b']);
    expect(r.deleted.sort()).toEqual(['node-2', 'subnet-b', 'web-2']);
    expect(r.scenario.routers[0]!.interfaces).toEqual([{ subnet: 'subnet-a', ip: '192.168.1.1' }]);
    expect(errors(r.scenario)).toEqual([]);
  });

  it('a router left without interfaces goes too', () => {
    const r = deleteElements(scenario(), ['subnet-a', 'subnet-b']);
    expect(r.scenario.routers).toEqual([]);
    expect(r.scenario.pods).toEqual([]);
  });

  it('a service takes its load balancers and the ingress paths to it', () => {
    let s = ok(addLoadBalancer(scenario(), { service: 'web', subnet: 'subnet-a' }));
    s = ok(addIngress(s, { service: 'web' }));
    const r = deleteElements(s, ['web']);
    expect(r.scenario.loadBalancers).toEqual([]);
    expect(r.scenario.ingresses[0]!.rules).toEqual([]);
  });

  it('a router needs one interface left', () => {
    const s = ok(removeRouterInterface(scenario(), 'router-1', 'subnet-b'));
    expect(removeRouterInterface(s, 'router-1', 'subnet-a')).toMatchObject({ ok: false });
    expect(ok(addRouterInterface(s, 'router-1', 'subnet-b')).routers[0]!.interfaces[1]).toEqual({ subnet: 'subnet-b', ip: '192.168.2.1' });
  });
});

describe('editing fields', () => {
  it('applies a valid rename and relabel', () => {
    const s0 = scenario();
    const s1 = ok(editElement(s0, 'web-1', { name: 'frontend', labels: { app: 'web', tier: 'fe' } }));
    expect(s1.pods[0]).toMatchObject({ id: 'web-1', name: 'frontend', labels: { app: 'web', tier: 'fe' } });
    expect(s1.pods[1]).toBe(s0.pods[1]);
  });

  it('refuses a malformed IP with the schema message and leaves the scenario alone', () => {
    const r = editElement(scenario(), 'web-1', { ip: '10.244.0.999' });
    expect(r).toEqual({ ok: false, error: msg('edit.field', { field: 'ip', issue: msg('schema.ipv4') }), field: 'ip' });
    if (!r.ok) expect(formatMessage('en', r.error)).toBe('ip: not an IPv4 address (expected e.g. 192.168.1.10)');
  });

  it('refuses an IP outside the node pod CIDR, a duplicate IP and the bridge address', () => {
    const s = scenario();
    expectRefused(editElement(s, 'web-1', { ip: '10.244.1.5' }), 'outside node-1', 'ip');
    const s2 = ok(addPod(s, { node: 'node-1' }));
    expectRefused(editElement(s2, 'pod-1', { ip: '10.244.0.2' }), 'already used');
    expectRefused(editElement(s, 'web-1', { ip: '10.244.0.1' }), 'reserved');
    expect(ok(editElement(s, 'web-1', { ip: '10.244.0.77' })).pods[0]!.ip).toBe('10.244.0.77');
  });

  it('refuses a node address outside its subnet and a bad Kubernetes name', () => {
    const s = scenario();
    expect(editElement(s, 'node-1', { ip: '10.0.0.1' })).toMatchObject({ ok: false, field: 'ip' });
    expectRefused(editElement(s, 'node-1', { name: 'Node_1' }), 'Kubernetes name', 'name');
  });

  it('changing a pod node moves it with a new IP', () => {
    const s = ok(editElement(scenario(), 'web-1', { node: 'node-2' }));
    expect(s.pods[0]).toMatchObject({ node: 'node-2', ip: '10.244.1.3' });
  });

  it('a node pod CIDR change readdresses its pods, keeping their host part', () => {
    const s = ok(editElement(scenario(), 'node-1', { podCidr: '10.244.7.0/24' }));
    expect(s.pods[0]!.ip).toBe('10.244.7.2');
    expectRefused(editElement(scenario(), 'node-1', { podCidr: '10.244.1.0/24' }), 'overlaps');
  });

  it('a subnet CIDR change renumbers gateway, router interface and hosts', () => {
    const s = ok(editElement(scenario(), 'subnet-a', { cidr: '192.168.50.0/24' }));
    expect(s.subnets[0]!.gateway).toBe('192.168.50.1');
    expect(s.routers[0]!.interfaces[0]!.ip).toBe('192.168.50.1');
    expect(s.nodes[0]!.ip).toBe('192.168.50.10');
    expect(errors(s)).toEqual([]);
  });

  it('service type NodePort allocates nodePorts and ClusterIP drops them', () => {
    const s1 = ok(editElement(scenario(), 'web', { type: 'NodePort' }));
    expect(s1.services[0]!.ports[0]!.nodePort).toBe(30000);
    const s2 = ok(editElement(s1, 'web', { type: 'ClusterIP' }));
    expect(s2.services[0]!.ports[0]!.nodePort).toBeUndefined();
    expect(editElement(s1, 'web', { clusterIP: '10.0.0.5' })).toMatchObject({ ok: false, field: 'clusterIP' });
  });

  it('renaming a service keeps ingress backends pointing at it', () => {
    const s0 = ok(addIngress(scenario(), { service: 'web' }));
    const s1 = ok(editElement(s0, 'web', { name: 'frontend' }));
    expect(s1.ingresses[0]!.rules[0]!.paths[0]!.backend.service).toBe('frontend');
  });

  it('a new cluster pod CIDR reallocates node CIDRs and pod IPs', () => {
    const s = ok(editCluster(scenario(), { podCidr: '10.42.0.0/16' }));
    expect(s.nodes.map((n) => n.podCidr)).toEqual(['10.42.0.0/24', '10.42.1.0/24']);
    expect(s.pods.map((p) => p.ip)).toEqual(['10.42.0.2', '10.42.1.2']);
    expect(errors(s)).toEqual([]);
    expectRefused(editCluster(scenario(), { podCidr: '192.168.0.0/16' }), 'overlaps');
    expect(editCluster(scenario(), { flannelBackend: 'host-gw' })).toMatchObject({ ok: true });
  });
});

describe('allocateHostIp', () => {
  it('skips taken, network and broadcast addresses and wraps below the start offset', () => {
    expect(allocateHostIp('10.0.0.0/29', ['10.0.0.1'], 10)).toBe('10.0.0.2');
    expect(allocateHostIp('10.0.0.0/30', ['10.0.0.1', '10.0.0.2'])).toBeUndefined();
  });
});

describe('any sequence of edits keeps a valid scenario valid', () => {
  type Op = { op: 'node' | 'pod' | 'move' | 'svc' | 'client' | 'router' | 'subnet' | 'del' | 'ip' | 'lb'; a: number; b: number };
  const op = fc.record({
    op: fc.constantFrom<Op['op']>('node', 'pod', 'move', 'svc', 'client', 'router', 'subnet', 'del', 'ip', 'lb'),
    a: fc.nat(20),
    b: fc.nat(300),
  });
  it('holds for random add / move / delete / edit sequences', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let s = scenario();
        for (const o of ops) {
          const pick = <T,>(xs: T[]): T | undefined => (xs.length ? xs[o.a % xs.length] : undefined);
          let r: EditResult | undefined;
          switch (o.op) {
            case 'node':
              r = addNode(s, { subnet: pick(s.subnets)?.id ?? '' });
              break;
            case 'pod':
              r = addPod(s, { node: pick(s.nodes)?.id ?? '' });
              break;
            case 'move':
              r = movePod(s, pick(s.pods)?.id ?? '', s.nodes[o.b % Math.max(1, s.nodes.length)]?.id ?? '');
              break;
            case 'svc':
              r = addService(s, { selector: { app: 'web' } });
              break;
            case 'client':
              r = addClient(s, { subnet: pick(s.subnets)?.id ?? '' });
              break;
            case 'router':
              r = addRouter(s, { subnets: s.subnets.slice(0, 1 + (o.a % 2)).map((x) => x.id) });
              break;
            case 'subnet':
              r = addSubnet(s);
              break;
            case 'lb':
              r = addLoadBalancer(s, { service: pick(s.services)?.id ?? '', subnet: pick(s.subnets)?.id ?? '' });
              break;
            case 'del': {
              const all = [...s.pods, ...s.nodes, ...s.services, ...s.clients, ...s.routers, ...s.subnets];
              const victim = pick(all);
              if (victim) s = deleteElements(s, [victim.id]).scenario;
              break;
            }
            case 'ip': {
              const pod = pick(s.pods);
              if (pod) r = editElement(s, pod.id, { ip: `10.244.${o.b % 4}.${o.b % 256}` });
              break;
            }
          }
          if (r?.ok) s = r.scenario;
          expect(errors(s)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('duplicate addresses name the element that holds them (not the one being edited)', () => {
  const s = loadExample('dns');

  it("node-1's eth0 set to node-2's address: taken by node-2", () => {
    const r = editElement(s, 'node-1', { ip: '192.168.1.11' });
    refusedWith(r, '192.168.1.11 is already used by node-2 on lan', 'ip');
    // Either way round.
    refusedWith(editElement(s, 'node-2', { ip: '192.168.1.10' }), '192.168.1.10 is already used by node-1 on lan');
  });

  it("a pod given another pod's IP: taken by that pod, whichever comes first in the file", () => {
    const web1 = s.pods.find((p) => p.id === 'web-1')!;
    const db1 = s.pods.find((p) => p.id === 'db-1')!;
    refusedWith(editElement(s, 'db-1', { ip: web1.ip }), `pod IP ${web1.ip} is already used by pod web-1`, 'ip');
    refusedWith(editElement(s, 'web-1', { ip: db1.ip }), `pod IP ${db1.ip} is already used by pod db-1`, 'ip');
  });

  it("a Service given another's ClusterIP: taken by that Service", () => {
    refusedWith(editElement(s, 'svc-web', { clusterIP: '10.96.0.10' }), 'ClusterIP 10.96.0.10 is already used by service kube-dns', 'clusterIP');
    const web = s.services.find((x) => x.id === 'svc-web')!.clusterIP!;
    refusedWith(editElement(s, 'svc-kube-dns', { clusterIP: web }), `ClusterIP ${web} is already used by service web`, 'clusterIP');
  });
});
