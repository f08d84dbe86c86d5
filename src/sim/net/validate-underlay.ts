/**
 * Addresses on the underlay: nodes, router interfaces, clients and load balancers each sit on a
 * subnet that exists, at an address inside it that is neither its network nor its broadcast address,
 * held by no other element on that subnet.
 */
import type { ElementKind, Scenario } from '../model/schema';
import { msg } from '../messages/index';
import { broadcastAddress, cidrContains, parseCidr } from './cidr';
import type { AddProblem } from './problem';
import { holders, reportDuplicates, type Holder } from './validate-duplicates';

export function checkUnderlayAddresses(s: Scenario, add: AddProblem): void {
  const subnetById = new Map(s.subnets.map((x) => [x.id, x]));
  const l2Holders = new Map<string, Holder[]>();
  const checkHost = (kind: ElementKind, id: string, name: string, subnetId: string, ip: string, field: string) => {
    const sub = subnetById.get(subnetId);
    if (!sub) {
      add({
        code: 'missing-reference',
        element: id,
        kind,
        field: field === 'ip' ? 'subnet' : field,
        msg: msg('problem.subnet-missing', { name, subnet: subnetId }),
      });
      return;
    }
    if (!cidrContains(sub.cidr, ip)) {
      add({ code: 'ip-outside-subnet', element: id, kind, field, msg: msg('problem.ip-outside-subnet', { name, ip, subnet: sub.name, cidr: sub.cidr }) });
    } else if (ip === parseCidr(sub.cidr).text.split('/')[0] || ip === broadcastAddress(sub.cidr)) {
      add({ code: 'ip-reserved', element: id, kind, field, msg: msg('problem.ip-network-or-broadcast', { ip, cidr: sub.cidr }) });
    }
    holders(l2Holders, `${subnetId}|${ip}`).push({ id, kind, name, field, ip, where: sub.name });
  };
  for (const n of s.nodes) checkHost('node', n.id, n.name, n.subnet, n.ip, 'ip');
  for (const r of s.routers) r.interfaces.forEach((x, k) => checkHost('router', r.id, r.name, x.subnet, x.ip, `interfaces.${k}.ip`));
  for (const c of s.clients) checkHost('client', c.id, c.name, c.subnet, c.ip, 'ip');
  for (const lb of s.loadBalancers) checkHost('loadBalancer', lb.id, lb.name, lb.subnet, lb.ip, 'ip');
  reportDuplicates(l2Holders, 'address', add);
}
