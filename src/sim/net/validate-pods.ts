/**
 * Pods: each is on a node that exists, at an address its CNI's IPAM could have given it (inside the
 * node's pod CIDR and not the bridge's or the range's reserved addresses; under Calico, inside the
 * pool), held by no other pod; its containers, sharing one network namespace, bind distinct ports.
 */
import type { Scenario } from '../model/schema';
import { msg } from '../messages/index';
import { broadcastAddress, cidrContains, isIPv4, isIPv4Cidr, parseCidr } from './cidr';
import { bridgeGateway } from './ipam';
import type { AddProblem } from './problem';
import { holders, reportDuplicates, type Holder } from './validate-duplicates';

export function checkPods(s: Scenario, add: AddProblem): void {
  const { cluster } = s;
  const nodeById = new Map(s.nodes.map((n) => [n.id, n]));
  const podIps = new Map<string, Holder[]>();
  for (const p of s.pods) {
    const node = nodeById.get(p.node);
    if (!node) {
      add({ code: 'missing-reference', element: p.id, kind: 'pod', field: 'node', msg: msg('problem.pod-node-missing', { pod: p.name, node: p.node }) });
    } else if (s.cluster.cni === 'calico') {
      // calico-ipam hands out addresses from the pool, not the node's pod CIDR (net/calico-ipam.ts).
      if (!isIPv4(p.ip) || !isIPv4Cidr(cluster.podCidr) || !cidrContains(cluster.podCidr, p.ip)) {
        add({
          code: 'pod-ip-outside-pool',
          element: p.id,
          kind: 'pod',
          field: 'ip',
          msg: msg('problem.pod-ip-outside-pool', { pod: p.name, ip: p.ip, pool: cluster.podCidr }),
        });
      }
    } else if (!isIPv4(p.ip) || !cidrContains(node.podCidr, p.ip)) {
      add({
        code: 'pod-ip-outside-node-cidr',
        element: p.id,
        kind: 'pod',
        field: 'ip',
        msg: msg('problem.pod-ip-outside-node-cidr', { pod: p.name, ip: p.ip, node: node.name, podCidr: node.podCidr }),
      });
    } else if (p.ip === bridgeGateway(node.podCidr) || p.ip === parseCidr(node.podCidr).text.split('/')[0] || p.ip === broadcastAddress(node.podCidr)) {
      add({
        code: 'ip-reserved',
        element: p.id,
        kind: 'pod',
        field: 'ip',
        msg: msg('problem.pod-ip-reserved', { ip: p.ip, node: node.name, gateway: bridgeGateway(node.podCidr) }),
      });
    }
    holders(podIps, p.ip).push({ id: p.id, kind: 'pod', name: p.name, field: 'ip', ip: p.ip });
    // Containers of a pod share one network namespace: two cannot bind the same port.
    const bound = new Map<string, string>();
    for (const c of p.containers) {
      for (const port of c.ports) {
        const key = `${port.protocol}/${port.containerPort}`;
        const first = bound.get(key);
        if (first)
          add({
            code: 'port-conflict',
            element: p.id,
            kind: 'pod',
            field: 'containers',
            msg: msg('problem.port-conflict', { first, second: c.name, port: key }),
          });
        else bound.set(key, c.name);
      }
    }
  }

  reportDuplicates(podIps, 'podIp', add);
}
