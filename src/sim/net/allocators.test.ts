/** The scenario-wide allocators hand out exactly what the one-shot ipam functions would, in order. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clusterIpAllocator, nodePortAllocator, podCidrAllocator, podIpAllocator } from './allocators';
import { allocateClusterIp, allocateNodePodCidr, allocateNodePort, allocatePodIp } from './ipam';

describe('allocators with a cursor and a set (issue 15)', () => {
  it('node pod CIDRs, around CIDRs already taken (of any size)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(63), fc.constantFrom(22, 23, 24, 25, 26)), { maxLength: 8 }), fc.integer({ min: 1, max: 70 }), (taken, n) => {
        const cidrs = taken.map(([b, p]) => `10.244.${(b * 4) & 255}.0/${p}`);
        const fast = podCidrAllocator('10.244.0.0/18', 24, cidrs);
        const slow = [...cidrs];
        for (let i = 0; i < n; i++) {
          const want = allocateNodePodCidr('10.244.0.0/18', 24, slow);
          expect(fast.next()).toBe(want);
          if (!want) break;
          slow.push(want);
        }
      }),
    );
  });

  it('pod IPs, ClusterIPs and NodePorts', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 10 }), fc.integer({ min: 1, max: 60 }), (used, n) => {
        const ips = used.map((u) => `10.244.1.${u}`);
        const pods = podIpAllocator('10.244.1.0/26', ips);
        const svcIps = used.map((u) => `10.96.0.${u}`);
        const cluster = clusterIpAllocator('10.96.0.0/26', svcIps);
        const ports = nodePortAllocator(used.map((u) => 30000 + u));
        const [takenPods, takenSvc, takenPorts] = [[...ips], [...svcIps], used.map((u) => 30000 + u)];
        for (let i = 0; i < n; i++) {
          const p = allocatePodIp('10.244.1.0/26', takenPods);
          expect(pods.next()).toBe(p);
          if (p) takenPods.push(p);
          const role = i % 7 === 3 ? ('dns' as const) : false;
          const c = allocateClusterIp('10.96.0.0/26', takenSvc, role);
          expect(cluster.next(role)).toBe(c);
          if (c) takenSvc.push(c);
          const np = allocateNodePort(takenPorts);
          expect(ports.next()).toBe(np);
          if (np !== undefined) takenPorts.push(np);
        }
      }),
    );
  });
});
