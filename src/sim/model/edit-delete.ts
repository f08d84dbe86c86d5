/** Removing elements (with whatever cannot exist without them) and setting canvas positions. */
import type { Ingress, Router, Scenario } from './schema';
import { cidrContains } from '../net/cidr';
import { kindOfElement } from './elements';

/**
 * Delete elements and whatever cannot exist without them: a subnet takes its nodes, clients and
 * load balancers (and router interfaces there, and routers left with none); a node takes its pods;
 * a service takes its load balancers and the ingress paths pointing at it.
 */
export function deleteElements(s: Scenario, ids: Iterable<string>): { scenario: Scenario; deleted: string[] } {
  const gone = new Set<string>();
  for (const id of ids) if (kindOfElement(s, id)) gone.add(id);
  if (gone.size === 0) return { scenario: s, deleted: [] };

  const goneSubnets = s.subnets.filter((x) => gone.has(x.id));
  for (const n of s.nodes) if (gone.has(n.subnet)) gone.add(n.id);
  for (const c of s.clients) if (gone.has(c.subnet)) gone.add(c.id);
  for (const p of s.pods) if (gone.has(p.node)) gone.add(p.id);
  for (const lb of s.loadBalancers) if (gone.has(lb.subnet) || gone.has(lb.service)) gone.add(lb.id);

  let routersChanged = false;
  const routers: Router[] = [];
  for (const r of s.routers) {
    if (gone.has(r.id)) {
      routersChanged = true;
      continue;
    }
    const interfaces = r.interfaces.filter((i) => !gone.has(i.subnet));
    if (interfaces.length === r.interfaces.length) {
      routers.push(r);
      continue;
    }
    routersChanged = true;
    if (interfaces.length === 0) {
      gone.add(r.id);
      continue;
    }
    const routes = r.routes.filter((rt) => !goneSubnets.some((x) => cidrContains(x.cidr, rt.via)));
    routers.push({ ...r, interfaces, routes });
  }

  const goneServices = s.services.filter((x) => gone.has(x.id));
  const refersToGone = (ns: string, b: { service: string } | undefined) =>
    b !== undefined && goneServices.some((x) => x.namespace === ns && x.name === b.service);
  const ingresses: Ingress[] = [];
  let ingressesChanged = false;
  for (const ing of s.ingresses) {
    if (gone.has(ing.id)) {
      ingressesChanged = true;
      continue;
    }
    const touched =
      refersToGone(ing.namespace, ing.defaultBackend) ||
      gone.has(ing.controllerService ?? '') ||
      ing.rules.some((r) => r.paths.some((p) => refersToGone(ing.namespace, p.backend)));
    if (!touched) {
      ingresses.push(ing);
      continue;
    }
    ingressesChanged = true;
    const rules = ing.rules.map((r) => ({ ...r, paths: r.paths.filter((p) => !refersToGone(ing.namespace, p.backend)) })).filter((r) => r.paths.length > 0);
    const { defaultBackend, controllerService, ...rest } = ing;
    ingresses.push({
      ...rest,
      rules,
      ...(defaultBackend && !refersToGone(ing.namespace, defaultBackend) ? { defaultBackend } : {}),
      ...(controllerService && !gone.has(controllerService) ? { controllerService } : {}),
    });
  }

  const keep = <T extends { id: string }>(items: T[]): T[] => (items.some((i) => gone.has(i.id)) ? items.filter((i) => !gone.has(i.id)) : items);
  let layout = s.layout;
  if (Object.keys(layout).some((k) => gone.has(k))) {
    layout = Object.fromEntries(Object.entries(layout).filter(([k]) => !gone.has(k)));
  }
  const scenario: Scenario = {
    ...s,
    subnets: keep(s.subnets),
    routers: routersChanged ? routers : s.routers,
    nodes: keep(s.nodes),
    pods: keep(s.pods),
    clients: keep(s.clients),
    services: keep(s.services),
    loadBalancers: keep(s.loadBalancers),
    ingresses: ingressesChanged ? ingresses : s.ingresses,
    layout,
  };
  return { scenario, deleted: [...gone] };
}

export { setPositions } from './positions';
