import { describe, expect, it } from 'vitest';
import { addIngress, addPod } from './edit';
import { editCluster, editElement } from './editFields';
import { loadExample } from '../testing/examples';
import { formatMessage } from '../../i18n/sim/index';
import { msg } from '../messages/index';

import { errors, expectRefused, ok, refusedWith, scenario } from './edit.fixtures';

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
