import { describe, expect, it } from 'vitest';
import { allocateClusterIp, allocateNodePodCidr, allocateNodePort, allocatePodIp, bridgeGateway } from './ipam';

describe('IPAM', () => {
  it('gives each node the next free /24 of 10.244.0.0/16', () => {
    expect(allocateNodePodCidr('10.244.0.0/16', 24, [])).toBe('10.244.0.0/24');
    expect(allocateNodePodCidr('10.244.0.0/16', 24, ['10.244.0.0/24', '10.244.2.0/24'])).toBe('10.244.1.0/24');
    expect(allocateNodePodCidr('10.244.0.0/30', 31, ['10.244.0.0/31', '10.244.0.2/31'])).toBeUndefined();
  });

  it('puts cni0 at .1 and pods from .2 (host-local IPAM)', () => {
    expect(bridgeGateway('10.244.3.0/24')).toBe('10.244.3.1');
    expect(allocatePodIp('10.244.3.0/24', [])).toBe('10.244.3.2');
    expect(allocatePodIp('10.244.3.0/24', ['10.244.3.2', '10.244.3.4'])).toBe('10.244.3.3');
  });

  // kubeadm: the kubernetes API Service is the first address (10.96.0.1), cluster DNS the tenth.
  it('reserves 10.96.0.1 for the API Service and 10.96.0.10 for cluster DNS, and hands out the rest in order', () => {
    expect(allocateClusterIp('10.96.0.0/12', [], 'dns')).toBe('10.96.0.10');
    expect(allocateClusterIp('10.96.0.0/12', [], 'api')).toBe('10.96.0.1');
    expect(allocateClusterIp('10.96.0.0/12', [])).toBe('10.96.0.2');
    const taken = Array.from({ length: 8 }, (_, i) => `10.96.0.${i + 2}`);
    expect(allocateClusterIp('10.96.0.0/12', taken)).toBe('10.96.0.11');
  });

  it('hands out nodePorts from 30000-32767', () => {
    expect(allocateNodePort([])).toBe(30000);
    expect(allocateNodePort([30000, 30001])).toBe(30002);
    expect(allocateNodePort(Array.from({ length: 2768 }, (_, i) => 30000 + i))).toBeUndefined();
  });
});
