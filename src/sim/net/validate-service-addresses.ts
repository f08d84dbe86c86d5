/**
 * Service addresses: a ClusterIP inside the cluster's Service range and held by one Service only, a
 * nodePort inside the NodePort range and used by one Service port only; and every load balancer
 * fronts a Service that exists. (The Services' other checks are in validate-services.ts.)
 */
import type { Scenario } from '../model/schema';
import { msg } from '../messages/index';
import { cidrContains } from './cidr';
import { NODE_PORT_MAX, NODE_PORT_MIN } from './ipam';
import type { AddProblem } from './problem';
import { holders, reportDuplicates, type Holder } from './validate-duplicates';

export function checkServiceAddresses(s: Scenario, add: AddProblem): void {
  const { cluster } = s;
  const clusterIps = new Map<string, Holder[]>();
  const nodePorts = new Map<number, string>();
  for (const svc of s.services) {
    const ip = svc.clusterIP;
    if (ip && ip !== 'None') {
      if (!cidrContains(cluster.serviceCidr, ip))
        add({
          code: 'cluster-ip-outside-range',
          element: svc.id,
          kind: 'service',
          field: 'clusterIP',
          msg: msg('problem.cluster-ip-outside-range', { ip, serviceCidr: cluster.serviceCidr }),
        });
      holders(clusterIps, ip).push({ id: svc.id, kind: 'service', name: svc.name, field: 'clusterIP', ip });
    }
    svc.ports.forEach((p, k) => {
      if (p.nodePort === undefined) return;
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        add({
          code: 'node-port-outside-range',
          element: svc.id,
          kind: 'service',
          field: `ports.${k}.nodePort`,
          msg: msg('problem.node-port-outside-range', { field: 'nodePort', port: p.nodePort, min: NODE_PORT_MIN, max: NODE_PORT_MAX }),
        });
      }
      const owner = nodePorts.get(p.nodePort);
      if (owner)
        add({
          code: 'duplicate-node-port',
          element: svc.id,
          kind: 'service',
          field: `ports.${k}.nodePort`,
          msg: msg('problem.node-port-in-use', { port: p.nodePort, owner }),
        });
      else nodePorts.set(p.nodePort, svc.name);
    });
  }
  reportDuplicates(clusterIps, 'clusterIp', add);
  const serviceIds = new Set(s.services.map((x) => x.id));
  for (const lb of s.loadBalancers) {
    if (!serviceIds.has(lb.service))
      add({
        code: 'missing-reference',
        element: lb.id,
        kind: 'loadBalancer',
        field: 'service',
        msg: msg('problem.lb-service-missing', { lb: lb.name, service: lb.service }),
      });
  }
}
