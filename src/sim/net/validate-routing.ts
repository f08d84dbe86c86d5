/**
 * Routing on the underlay: a subnet's gateway is an address of the subnet that a router holds, and
 * every route of a router goes via an address on a subnet the router is connected to.
 */
import type { Scenario, Subnet } from '../model/schema';
import { msg } from '../messages/index';
import { cidrContains } from './cidr';
import type { AddProblem } from './problem';

/** The gateway of one subnet (checked with the subnet's other fields, in validate-ranges.ts). */
export function checkGateway(s: Scenario, sub: Subnet, add: AddProblem): void {
  if (!sub.gateway) return;
  if (!cidrContains(sub.cidr, sub.gateway)) {
    add({
      code: 'ip-outside-subnet',
      element: sub.id,
      kind: 'subnet',
      field: 'gateway',
      msg: msg('problem.gateway-outside-subnet', { gateway: sub.gateway, cidr: sub.cidr }),
    });
  } else if (!s.routers.some((r) => r.interfaces.some((x) => x.subnet === sub.id && x.ip === sub.gateway))) {
    add({
      code: 'gateway-not-router',
      element: sub.id,
      kind: 'subnet',
      field: 'gateway',
      severity: 'warning',
      msg: msg('problem.gateway-not-router', { gateway: sub.gateway, subnet: sub.name }),
    });
  }
}

export function checkRouterRoutes(s: Scenario, add: AddProblem): void {
  const subnetById = new Map(s.subnets.map((x) => [x.id, x]));
  for (const r of s.routers) {
    const connected = r.interfaces.map((x) => subnetById.get(x.subnet)).filter((x) => x !== undefined);
    r.routes.forEach((route, k) => {
      if (!connected.some((sub) => cidrContains(sub.cidr, route.via))) {
        add({
          code: 'route-via-unreachable',
          element: r.id,
          kind: 'router',
          field: `routes.${k}.via`,
          msg: msg('problem.route-via-unreachable', { via: route.via, dst: route.dst, router: r.name }),
        });
      }
    });
  }
}
