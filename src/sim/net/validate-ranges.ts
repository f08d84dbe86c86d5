/**
 * Address ranges: the cluster's pod and Service ranges, the underlay subnets (aligned, not
 * overlapping each other or the cluster's ranges) and the nodes' pod CIDRs (inside the cluster's pod
 * range, aligned, not overlapping).
 */
import type { Scenario } from '../model/schema';
import { msg } from '../messages/index';
import { cidrsOverlap, cidrWithin, isIPv4Cidr, isNetworkAligned, parseCidr } from './cidr';
import { overlapsByEarlier } from './cidr-overlaps';
import type { AddProblem } from './problem';
import { checkGateway } from './validate-routing';

export function checkClusterRanges(s: Scenario, add: AddProblem): void {
  const { cluster } = s;
  if (cidrsOverlap(cluster.podCidr, cluster.serviceCidr)) {
    add({
      code: 'cidr-overlap',
      element: 'cluster',
      kind: 'cluster',
      field: 'serviceCidr',
      msg: msg('problem.service-cidr-overlaps-pod-cidr', { serviceCidr: cluster.serviceCidr, podCidr: cluster.podCidr }),
    });
  }
  if (parseCidr(cluster.podCidr).prefix > cluster.nodePodPrefix) {
    add({
      code: 'cidr-overlap',
      element: 'cluster',
      kind: 'cluster',
      field: 'nodePodPrefix',
      msg: msg('problem.node-prefix-too-big', { prefix: cluster.nodePodPrefix, podCidr: cluster.podCidr }),
    });
  }
}

/** Each subnet: aligned, overlapping no other subnet nor the cluster's ranges, its gateway (validate-routing.ts). */
export function checkSubnets(s: Scenario, add: AddProblem): void {
  const { cluster } = s;
  const subnetOverlaps = overlapsByEarlier(s.subnets.map((x) => x.cidr));
  s.subnets.forEach((sub, i) => {
    if (!isNetworkAligned(sub.cidr))
      add({
        code: 'cidr-not-aligned',
        element: sub.id,
        kind: 'subnet',
        field: 'cidr',
        msg: msg('problem.cidr-not-aligned', { cidr: sub.cidr, suggestion: parseCidr(sub.cidr).text }),
      });
    for (const j of subnetOverlaps.get(i) ?? []) {
      const other = s.subnets[j]!;
      add({
        code: 'cidr-overlap',
        element: other.id,
        kind: 'subnet',
        field: 'cidr',
        msg: msg('problem.subnets-overlap', { subnet: other.name, cidr: other.cidr, other: sub.name, otherCidr: sub.cidr }),
      });
    }
    for (const [label, range] of [
      ['pod', cluster.podCidr],
      ['service', cluster.serviceCidr],
    ] as const) {
      if (cidrsOverlap(sub.cidr, range))
        add({
          code: 'cidr-overlap',
          element: sub.id,
          kind: 'subnet',
          field: 'cidr',
          msg: msg('problem.subnet-overlaps-cluster', { subnet: sub.name, cidr: sub.cidr, range: label, rangeCidr: range }),
        });
    }
    checkGateway(s, sub, add);
  });
}

export function checkNodePodCidrs(s: Scenario, add: AddProblem): void {
  const { cluster } = s;
  const nodeOverlaps = overlapsByEarlier(s.nodes.map((n) => n.podCidr));
  s.nodes.forEach((n, i) => {
    if (!isIPv4Cidr(n.podCidr)) return;
    if (!cidrWithin(n.podCidr, cluster.podCidr)) {
      add({
        code: 'pod-cidr-outside-cluster',
        element: n.id,
        kind: 'node',
        field: 'podCidr',
        msg: msg('problem.pod-cidr-outside-cluster', { node: n.name, podCidr: n.podCidr, clusterCidr: cluster.podCidr }),
      });
    }
    if (!isNetworkAligned(n.podCidr))
      add({
        code: 'cidr-not-aligned',
        element: n.id,
        kind: 'node',
        field: 'podCidr',
        msg: msg('problem.cidr-not-aligned', { cidr: n.podCidr, suggestion: parseCidr(n.podCidr).text }),
      });
    for (const j of nodeOverlaps.get(i) ?? []) {
      const other = s.nodes[j]!;
      add({
        code: 'cidr-overlap',
        element: other.id,
        kind: 'node',
        field: 'podCidr',
        msg: msg('problem.pod-cidrs-overlap', { node: other.name, podCidr: other.podCidr, other: n.name, otherCidr: n.podCidr }),
      });
    }
  });
}
