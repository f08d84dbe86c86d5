import { describe, expect, it } from 'vitest';
import { validateScenario } from './validate';
import { loadExample, withChanges } from '../testing/examples';
import { formatMessage } from '../../i18n/sim/index';

const codes = (s: Parameters<typeof validateScenario>[0]) => validateScenario(s).map((p) => `${p.element}:${p.code}`);

describe('validateScenario', () => {
  it('finds nothing wrong in the examples', () => {
    for (const name of ['same-node', 'host-gw', 'host-gw-across-subnets', 'vxlan-across-subnets', 'pod-to-internet']) {
      expect(validateScenario(loadExample(name)).filter((p) => p.severity === 'error')).toEqual([]);
    }
  });

  const base = loadExample('vxlan-across-subnets');

  it('flags a node IP outside its subnet, naming the element and field', () => {
    const s = withChanges(base, (c) => {
      c.nodes[0]!.ip = '192.168.9.10';
    });
    const p = validateScenario(s).find((x) => x.code === 'ip-outside-subnet')!;
    expect(p).toMatchObject({ element: 'node-1', kind: 'node', field: 'ip' });
    expect(formatMessage('en', p.msg)).toContain('192.168.1.0/24');
  });

  it('flags overlapping subnets and pod CIDRs, and a pod CIDR outside the cluster CIDR', () => {
    const s = withChanges(base, (c) => {
      c.subnets[1]!.cidr = '192.168.1.128/25';
      c.nodes[1]!.podCidr = '10.244.0.0/24';
    });
    expect(codes(s)).toEqual(expect.arrayContaining(['subnet-b:cidr-overlap', 'node-2:cidr-overlap']));
    const out = withChanges(base, (c) => {
      c.nodes[1]!.podCidr = '10.250.1.0/24';
    });
    expect(codes(out)).toContain('node-2:pod-cidr-outside-cluster');
  });

  it('flags duplicate IPs and names, and reserved pod addresses', () => {
    const s = withChanges(base, (c) => {
      c.pods[1]!.ip = '10.244.1.1'; // the cni0 gateway of node-2
      c.pods.push({ ...c.pods[0]!, id: 'dup' });
    });
    expect(codes(s)).toEqual(expect.arrayContaining(['pod-web:ip-reserved', 'dup:duplicate-ip', 'dup:duplicate-name']));
  });

  it('flags a pod IP outside its node pod CIDR', () => {
    const s = withChanges(base, (c) => {
      c.pods[1]!.ip = '10.244.0.9';
    });
    const p = validateScenario(s).find((x) => x.element === 'pod-web')!;
    expect(p.code).toBe('pod-ip-outside-node-cidr');
    expect(formatMessage('en', p.msg)).toContain('10.244.1.0/24');
  });

  it('flags two containers of one pod binding the same port (one network namespace)', () => {
    const s = withChanges(base, (c) => {
      c.pods[1]!.containers.push({ name: 'other', ports: [{ containerPort: 80, protocol: 'TCP' }] });
    });
    expect(codes(s)).toContain('pod-web:port-conflict');
  });

  it('flags a service CIDR overlapping the pod CIDR, a ClusterIP out of range and a bad nodePort', () => {
    const s = withChanges(base, (c) => {
      c.cluster.serviceCidr = '10.244.128.0/17';
      c.services.push({
        id: 'svc',
        name: 'svc',
        namespace: 'default',
        type: 'NodePort',
        clusterIP: '10.200.0.1',
        selector: {},
        ports: [{ port: 80, protocol: 'TCP', nodePort: 8080 }],
        sessionAffinity: 'None',
        sessionAffinityTimeoutSeconds: 10800,
        externalTrafficPolicy: 'Cluster',
        internalTrafficPolicy: 'Cluster',
        ipvsScheduler: 'rr',
      });
    });
    expect(codes(s)).toEqual(expect.arrayContaining(['cluster:cidr-overlap', 'svc:cluster-ip-outside-range', 'svc:node-port-outside-range']));
  });

  it('flags dangling references', () => {
    const s = withChanges(base, (c) => {
      c.nodes[0]!.subnet = 'gone';
      c.pods[0]!.node = 'gone';
    });
    expect(codes(s)).toEqual(expect.arrayContaining(['node-1:missing-reference', 'pod-client:missing-reference']));
  });
});
