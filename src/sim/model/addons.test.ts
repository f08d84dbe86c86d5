/**
 * Cluster add-ons as kubeadm installs them: CoreDNS is the `coredns` Deployment (2 replicas, pods
 * labelled k8s-app=kube-dns, ports 53/UDP, 53/TCP, 9153/TCP) behind the `kube-dns` Service at the
 * 10th address of the service CIDR (kubernetes/kubernetes cmd/kubeadm/app/phases/addons/dns/manifests.go,
 * cmd/kubeadm/app/constants: GetDNSIP = service subnet + 10).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parse';
import { addNode, addPod, addService, addSubnet, deleteElements } from './edit';
import { editElement } from './editFields';
import { addClusterDns, dnsAddon, emptyClusterInput, hasClusterDns, scheduleSystemPods, withClusterDns } from './addons';
import { trace } from '../trace/trace';
import type { Scenario } from './schema';
import { formatMessage } from '../../i18n/sim/index';
import type { Message } from '../../sim/messages/index';

/** Refused with exactly this English message (and on this field, when given). */
function refusedWith(r: { ok: boolean; error?: unknown; field?: string }, text: string | RegExp, field?: string) {
  expect(r.ok).toBe(false);
  const t = formatMessage('en', (r as { error: Message }).error);
  if (typeof text === 'string') expect(t).toBe(text);
  else expect(t).toMatch(text);
  if (field !== undefined) expect(r.field).toBe(field);
}

function parsed(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.scenario;
}

function ok(r: ReturnType<typeof addNode>): Scenario {
  if (!r.ok) throw new Error(formatMessage('en', r.error));
  return r.scenario;
}

/** File → New, then a subnet, a node, a pod and a Service selecting it, as the palette makes them. */
function scratchBuild(): Scenario {
  let s = parsed(emptyClusterInput('Untitled'));
  s = ok(addSubnet(s));
  const before = s;
  s = scheduleSystemPods(before, ok(addNode(s, { subnet: 'subnet-1' })));
  s = ok(addPod(s, { node: 'node-1', name: 'web-1', labels: { app: 'web' } }));
  s = ok(addService(s, { name: 'web', selector: { app: 'web' } }));
  return s;
}

describe('CoreDNS as a scenario element', () => {
  it('withClusterDns adds kube-dns at 10.96.0.10 with 53/UDP, 53/TCP, 9153/TCP and two CoreDNS pods spread over the nodes', () => {
    const s = parsed(
      withClusterDns({
        version: 1,
        subnets: [{ id: 'lan', name: 'lan', cidr: '192.168.1.0/24' }],
        nodes: [
          { id: 'n1', name: 'n1', subnet: 'lan', ip: '192.168.1.10' },
          { id: 'n2', name: 'n2', subnet: 'lan', ip: '192.168.1.11' },
        ],
        pods: [{ id: 'app', name: 'app', node: 'n1', containers: [{ name: 'c' }] }],
      }),
    );
    const { service, pods } = dnsAddon(s);
    expect(service).toMatchObject({ name: 'kube-dns', namespace: 'kube-system', clusterIP: '10.96.0.10', selector: { 'k8s-app': 'kube-dns' } });
    expect(service!.ports.map((p) => `${p.port}/${p.protocol}`)).toEqual(['53/UDP', '53/TCP', '9153/TCP']);
    expect(pods.map((p) => [p.name, p.namespace, p.node])).toEqual([
      ['coredns-1', 'kube-system', 'n1'],
      ['coredns-2', 'kube-system', 'n2'],
    ]);
    // Appended: the scenario's own pods keep the addresses they had.
    expect(s.pods[0]).toMatchObject({ id: 'app', ip: '10.244.0.2' });
  });

  it('leaves a scenario that already has kube-dns as it is', () => {
    const input = { version: 1 as const, services: [{ id: 'x', name: 'kube-dns', namespace: 'kube-system' }] };
    expect(withClusterDns(input)).toBe(input);
  });

  it('File → New has the kube-dns Service; the first node to join gets the two pending CoreDNS pods, later nodes none', () => {
    let s = parsed(emptyClusterInput('Untitled'));
    expect(dnsAddon(s).service?.clusterIP).toBe('10.96.0.10');
    expect(hasClusterDns(s)).toBe(false);
    s = ok(addSubnet(s));
    const first = scheduleSystemPods(s, ok(addNode(s, { subnet: 'subnet-1' })));
    expect(dnsAddon(first).pods.map((p) => `${p.name}@${p.node} ${p.ip}`)).toEqual(['coredns-1@node-1 10.244.0.2', 'coredns-2@node-1 10.244.0.3']);
    // Deleted by the user, they stay deleted when another node joins.
    const gone = deleteElements(first, ['coredns-1', 'coredns-2']).scenario;
    const second = scheduleSystemPods(gone, ok(addNode(gone, { subnet: 'subnet-1' })));
    expect(dnsAddon(second).pods).toEqual([]);
  });

  it('addClusterDns restores what is missing: the Service, and pods up to two, on the least loaded nodes', () => {
    const s = scratchBuild();
    const noPods = deleteElements(s, ['coredns-1']).scenario;
    const back = ok(addClusterDns(noPods));
    expect(
      dnsAddon(back)
        .pods.map((p) => p.id)
        .sort(),
    ).toEqual(['coredns-1', 'coredns-2']);
    const noService = deleteElements(s, ['kube-dns']).scenario;
    const svcBack = ok(addClusterDns(noService));
    expect(dnsAddon(svcBack).service).toMatchObject({ id: 'kube-dns', clusterIP: '10.96.0.10' });
    refusedWith(addClusterDns(s), new RegExp('already has CoreDNS'.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('addClusterDns refuses when another Service holds the DNS address, naming it', () => {
    const s = deleteElements(scratchBuild(), ['kube-dns']).scenario;
    const web = s.services.find((x) => x.name === 'web')!;
    const moved = ok(editElement(s, web.id, { clusterIP: '10.96.0.10' }));
    refusedWith(addClusterDns(moved), new RegExp('Service web'.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
});

describe('a cluster built from scratch resolves names through CoreDNS', () => {
  it('web:80 by name is delivered, with the DNS query answered by a CoreDNS pod', () => {
    const s = scratchBuild();
    const pod = ok(addPod(s, { node: 'node-1', name: 'client' }));
    const byName = trace(pod, { from: 'client', to: 'web', port: 80 });
    expect(byName.verdict).toBe('delivered');
    expect(byName.dns?.answer).toEqual([s.services.find((x) => x.name === 'web')!.clusterIP]);
    expect(byName.dns?.hops.some((h) => h.action === 'dns' && /^coredns-/.test(h.at))).toBe(true);
  });

  it('dns-unavailable names CoreDNS: no pods behind kube-dns, or no kube-dns at all', () => {
    const s = ok(addPod(scratchBuild(), { node: 'node-1', name: 'client' }));
    const noPods = deleteElements(s, ['coredns-1', 'coredns-2']).scenario;
    const r1 = trace(noPods, { from: 'client', to: 'web', port: 80 });
    expect(r1.reason?.code).toBe('dns-unavailable');
    expect(formatMessage('en', r1.reason!.msg)).toMatch(/no CoreDNS pods answer behind kube-system\/kube-dns/);
    expect(formatMessage('en', r1.reason!.msg)).toMatch(/Add cluster DNS/);
    const noService = deleteElements(s, ['kube-dns']).scenario;
    const r2 = trace(noService, { from: 'client', to: 'web', port: 80 });
    expect(r2.reason?.code).toBe('dns-unavailable');
    expect(formatMessage('en', r2.reason!.msg)).toMatch(/this cluster has no CoreDNS\. There is no kube-dns Service/);
    // Back with one action.
    expect(trace(ok(addClusterDns(noPods)), { from: 'client', to: 'web', port: 80 }).verdict).toBe('delivered');
  });
});
