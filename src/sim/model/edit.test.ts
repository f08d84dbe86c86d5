import { describe, expect, it } from 'vitest';
import { validateScenario } from '../net/validate';
import {
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
} from './edit';
import { formatMessage } from '../../i18n/sim/index';
import { msg } from '../messages/index';

import { errors, ok, scenario } from './edit.fixtures';

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
    let s = scenario({
      version: 1,
      subnets: [
        { id: 'a', name: 'a', cidr: '10.1.0.0/24', gateway: '10.1.0.254' },
        { id: 'b', name: 'b', cidr: '10.2.0.0/24' },
      ],
    });
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

describe('allocateHostIp', () => {
  it('skips taken, network and broadcast addresses and wraps below the start offset', () => {
    expect(allocateHostIp('10.0.0.0/29', ['10.0.0.1'], 10)).toBe('10.0.0.2');
    expect(allocateHostIp('10.0.0.0/30', ['10.0.0.1', '10.0.0.2'])).toBeUndefined();
  });
});
