import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioJson } from './parse';
import { formatMessage } from '../../i18n/sim/index';
import type { FieldError } from './field-error';

/** A field error as the reader sees it, in English and in Chinese. */
const en = (e: FieldError) => formatMessage('en', e.msg);
const zh = (e: FieldError) => formatMessage('zh-CN', e.msg);

const minimal = {
  version: 1,
  subnets: [{ id: 's', name: 'lan', cidr: '192.168.1.0/24' }],
  nodes: [
    { id: 'n1', name: 'node-1', subnet: 's', ip: '192.168.1.10' },
    { id: 'n2', name: 'node-2', subnet: 's', ip: '192.168.1.11' },
  ],
  pods: [
    { id: 'a', name: 'a', node: 'n1', containers: [{ name: 'c' }] },
    { id: 'b', name: 'b', node: 'n1', containers: [{ name: 'c' }] },
    { id: 'c', name: 'c', node: 'n2', containers: [{ name: 'c' }] },
  ],
  services: [
    { id: 'dns', name: 'kube-dns', namespace: 'kube-system', ports: [{ port: 53, protocol: 'UDP' }] },
    { id: 'web', name: 'web', type: 'NodePort', ports: [{ port: 80 }] },
  ],
};

describe('parseScenario', () => {
  it('fills the kubeadm/flannel defaults', () => {
    const r = parseScenario({ version: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.cluster).toMatchObject({
      podCidr: '10.244.0.0/16',
      nodePodPrefix: 24,
      serviceCidr: '10.96.0.0/12',
      cni: 'flannel',
      flannelBackend: 'vxlan',
      calicoMode: 'ipip',
      crossSubnet: false,
      kubeProxyMode: 'iptables',
      dnsDomain: 'cluster.local',
    });
  });

  it('reads a version-1 file whose cni names the flannel backend as flannel with that backend', () => {
    for (const backend of ['host-gw', 'vxlan'] as const) {
      const r = parseScenario({ version: 1, cluster: { cni: backend } });
      expect(r.ok && r.scenario.cluster).toMatchObject({ cni: 'flannel', flannelBackend: backend });
    }
    const calico = parseScenario({ version: 1, cluster: { cni: 'calico', calicoMode: 'vxlan' } });
    expect(calico.ok && calico.scenario.cluster).toMatchObject({ cni: 'calico', calicoMode: 'vxlan' });
    expect(parseScenario({ version: 1, cluster: { cni: 'weave' } }).ok).toBe(false);
  });

  it('allocates node pod CIDRs, pod IPs from .2, ClusterIPs and nodePorts', () => {
    const r = parseScenario(minimal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.nodes.map((n) => n.podCidr)).toEqual(['10.244.0.0/24', '10.244.1.0/24']);
    expect(s.pods.map((p) => p.ip)).toEqual(['10.244.0.2', '10.244.0.3', '10.244.1.2']);
    expect(s.pods[0]!.namespace).toBe('default');
    // kubeadm: cluster DNS at the 10th address of the service CIDR.
    expect(s.services[0]!.clusterIP).toBe('10.96.0.10');
    expect(s.services[1]!.clusterIP).toBe('10.96.0.2'); // .1 stays for default/kubernetes
    expect(s.services[1]!.ports[0]!.nodePort).toBe(30000);
  });

  it('names the path of every bad field', () => {
    const r = parseScenario({ ...minimal, nodes: [{ id: 'n1', name: 'Node_1', subnet: 's', ip: '192.168.1.300' }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('nodes.0.name');
    expect(paths).toContain('nodes.0.ip');
    expect(en(r.errors.find((e) => e.path === 'nodes.0.ip')!)).toMatch(/IPv4/);
    expect(zh(r.errors.find((e) => e.path === 'nodes.0.ip')!)).toMatch(/不是 IPv4 地址/);
  });

  it('rejects a newer version with a clear message, and a missing one', () => {
    const newer = parseScenario({ version: 2 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(en(newer.errors[0]!)).toMatch(/newer than this app/);
    if (!newer.ok) expect(zh(newer.errors[0]!)).toBe('第 2 版比本应用能读懂的版本（1）更新，请更新应用');
    const missing = parseScenario({});
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.errors[0]!.path).toBe('version');
  });

  it('reports invalid JSON and non-objects without throwing', () => {
    const bad = parseScenarioJson('{"version": 1,');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(en(bad.errors[0]!)).toMatch(/not valid JSON/);
    if (!bad.ok) expect(zh(bad.errors[0]!)).toMatch(/^不是合法的 JSON：/);
    for (const v of [null, 3, 'x', []]) expect(parseScenario(v).ok).toBe(false);
  });

  it('reports a pod on a missing node and a full node', () => {
    const r = parseScenario({ ...minimal, pods: [{ id: 'x', name: 'x', node: 'nope', containers: [{ name: 'c' }] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'pods.0.node' });
    if (!r.ok) expect(zh(r.errors[0]!)).toBe('Pod x 所在的节点 nope 不存在');
    const tiny = parseScenario({
      ...minimal,
      cluster: { nodePodPrefix: 30 },
      pods: Array.from({ length: 2 }, (_, i) => ({ id: `p${i}`, name: `p${i}`, node: 'n1', containers: [{ name: 'c' }] })),
    });
    // A /30 holds network, gateway .1, one pod .2 and broadcast: the second pod has no address.
    expect(tiny.ok).toBe(false);
    if (!tiny.ok) expect(tiny.errors[0]!.path).toBe('pods.1.ip');
  });
});

describe('hostile input in a scenario (issue 15)', () => {
  it('refuses a dnsDomain that is no DNS name, with the field named', () => {
    for (const dnsDomain of ['[', '(a+)+', 'Cluster.Local', 'cluster..local', '-x.local', `${'a'.repeat(64)}.local`, '']) {
      const r = parseScenario({ version: 1, cluster: { dnsDomain } });
      expect(r.ok, dnsDomain).toBe(false);
      if (!r.ok) expect(r.errors[0]!.path).toBe('cluster.dnsDomain');
      if (!r.ok) expect(en(r.errors[0]!)).toContain('not a DNS domain');
    }
    for (const dnsDomain of ['cluster.local', 'corp.example', 'k8s', 'a-b.c-d.example'])
      expect(parseScenario({ version: 1, cluster: { dnsDomain } }).ok, dnsDomain).toBe(true);
  });

  it('refuses __proto__ and constructor keys in labels and selectors instead of dropping them', () => {
    // JSON.parse keeps "__proto__" as an own key; zod's record would drop it and the selector would become {}.
    const proto = parseScenarioJson('{"version":1,"services":[{"id":"s","name":"s","selector":{"__proto__":"web"}}]}');
    expect(proto).toEqual({
      ok: false,
      errors: [{ path: 'services.0.selector.__proto__', msg: { code: 'schema.reserved-key', params: { key: '__proto__' } } }],
    });
    if (!proto.ok) expect(en(proto.errors[0]!)).toContain('__proto__ cannot be a label key');
    const ctor = parseScenarioJson(
      '{"version":1,"subnets":[{"id":"s","name":"s","cidr":"192.168.1.0/24"}],"nodes":[{"id":"n","name":"n","subnet":"s","ip":"192.168.1.2"}],"pods":[{"id":"p","name":"p","node":"n","labels":{"constructor":"x"},"containers":[{"name":"c"}]}]}',
    );
    expect(ctor.ok).toBe(false);
    if (!ctor.ok) expect(ctor.errors[0]!.path).toBe('pods.0.labels.constructor');
    if (!ctor.ok) expect(en(ctor.errors[0]!)).toContain('constructor cannot be a label key');
    expect(parseScenarioJson('{"version":1,"services":[{"id":"s","name":"s","selector":{"app":"web"}}]}').ok).toBe(true);
  });
});

describe('bounded work for scenarios from outside (issue 15)', () => {
  it('refuses a scenario over the element budget before parsing it, with a message', async () => {
    const { MAX_SCENARIO_ELEMENTS } = await import('./parse');
    const nodes = Array.from({ length: MAX_SCENARIO_ELEMENTS + 1 }, (_, i) => ({ id: `n${i}`, name: `n${i}`, subnet: 's', ip: '10.0.0.1' }));
    const r = parseScenario({ version: 1, nodes });
    expect(r).toEqual({
      ok: false,
      errors: [{ path: '(root)', msg: { code: 'input.too-many-elements', params: { elements: MAX_SCENARIO_ELEMENTS + 1, max: MAX_SCENARIO_ELEMENTS } } }],
    });
    if (!r.ok) expect(en(r.errors[0]!)).toContain(`${(MAX_SCENARIO_ELEMENTS + 1).toLocaleString('en')} elements`);
    if (!r.ok) expect(zh(r.errors[0]!)).toContain('最多只能打开');
  });

  it('refuses a scenario with too many values in all (e.g. a router with a huge route list)', async () => {
    const { MAX_SCENARIO_VALUES } = await import('./parse');
    const r = parseScenario({ version: 1, routers: [{ id: 'r', name: 'r', interfaces: [], routes: new Array(MAX_SCENARIO_VALUES + 1).fill(0) }] });
    expect(r).toEqual({ ok: false, errors: [{ path: '(root)', msg: { code: 'input.too-many-values', params: { max: MAX_SCENARIO_VALUES } } }] });
    if (!r.ok) expect(en(r.errors[0]!)).toContain(`more than ${MAX_SCENARIO_VALUES.toLocaleString('en')} values`);
  });

  it('1,761 nodes without podCidr get 1,761 distinct pod CIDRs (the allocator keeps a cursor; `npm run bench` times it)', () => {
    const nodes = Array.from({ length: 1761 }, (_, i) => ({ id: `n${i}`, name: `n${i}`, subnet: 's', ip: `10.${Math.floor(i / 250)}.${i % 250}.10` }));
    const r = parseScenario({ version: 1, cluster: { podCidr: '10.128.0.0/9' }, subnets: [{ id: 's', name: 's', cidr: '10.0.0.0/9' }], nodes });
    expect(r.ok).toBe(true);
    if (r.ok) expect(new Set(r.scenario.nodes.map((n) => n.podCidr)).size).toBe(1761);
  });
});
