/**
 * Checks on the cluster add-ons (model/addons.ts): a cluster without CoreDNS is legal (older
 * scenarios and links load as they are) but its pods cannot look up names, so the problems list says
 * so; an Ingress must be served by an ingress controller, not by an ordinary app's Service.
 */
import type { Scenario } from '../model/schema';
import type { Problem } from './problem';
import { dnsAddon } from '../model/addons';
import { isIngressControllerPod } from '../model/ingress-controller';
import { msg } from '../messages/index';

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

export function validateAddons(s: Scenario): Problem[] {
  const out: Problem[] = [];
  if (s.nodes.length > 0) {
    const { service } = dnsAddon(s);
    if (!service) {
      out.push({
        code: 'no-cluster-dns',
        severity: 'warning',
        element: 'cluster',
        kind: 'cluster',
        msg: msg('problem.no-cluster-dns'),
      });
    } else if (!s.pods.some((p) => p.namespace === service.namespace && selects(service.selector, p.labels))) {
      out.push({
        code: 'no-cluster-dns',
        severity: 'warning',
        element: service.id,
        kind: 'service',
        field: 'selector',
        msg: msg('problem.no-coredns-pods'),
      });
    }
  }
  for (const ing of s.ingresses) {
    const svc = ing.controllerService ? s.services.find((x) => x.id === ing.controllerService) : undefined;
    if (!svc || svc.type === 'ExternalName') continue;
    const pods = s.pods.filter((p) => p.namespace === svc.namespace && selects(svc.selector, p.labels));
    const wrong = pods.filter((p) => !isIngressControllerPod(p));
    if (pods.length === 0 || wrong.length > 0) {
      out.push({
        code: 'not-an-ingress-controller',
        severity: 'error',
        element: ing.id,
        kind: 'ingress',
        field: 'controllerService',
        msg: msg('problem.not-an-ingress-controller', { ingress: ing.name, service: svc.name, wrong: wrong.map((p) => p.name) }),
      });
    }
  }
  return out;
}
