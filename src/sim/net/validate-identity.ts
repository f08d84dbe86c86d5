/** Identity: ids unique across every kind of element, names unique within a kind (and namespace). */
import type { ElementKind, Scenario } from '../model/schema';
import { msg } from '../messages/index';
import type { AddProblem } from './problem';

export function checkIdentity(s: Scenario, add: AddProblem): void {
  // ids are unique across every kind: edges and hops refer to elements by id alone.
  const seen = new Map<string, ElementKind>();
  const all: [ElementKind, { id: string }[]][] = [
    ['subnet', s.subnets],
    ['router', s.routers],
    ['node', s.nodes],
    ['pod', s.pods],
    ['client', s.clients],
    ['service', s.services],
    ['loadBalancer', s.loadBalancers],
    ['ingress', s.ingresses],
  ];
  for (const [kind, items] of all) {
    for (const i of items) {
      if (seen.has(i.id)) add({ code: 'duplicate-id', element: i.id, kind, field: 'id', msg: msg('problem.duplicate-id', { id: i.id }) });
      seen.set(i.id, kind);
    }
  }
  const uniqueNames = (kind: ElementKind, items: { id: string; name: string; namespace?: string }[]) => {
    const names = new Map<string, string>();
    for (const i of items) {
      const key = i.namespace ? `${i.namespace}/${i.name}` : i.name;
      if (names.has(key)) add({ code: 'duplicate-name', element: i.id, kind, field: 'name', msg: msg('problem.duplicate-name', { kind, name: key }) });
      else names.set(key, i.id);
    }
  };
  uniqueNames('node', s.nodes);
  uniqueNames('pod', s.pods);
  uniqueNames('service', s.services);
  uniqueNames('ingress', s.ingresses);
}
