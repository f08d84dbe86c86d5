/**
 * Label selectors, the way the endpoints controller reads a Service's `spec.selector`: a pod is an
 * endpoint when it is in the Service's namespace and carries every key=value of the selector.
 * A Service without a selector gets no endpoints from the controller (someone would have to write
 * its Endpoints by hand), so an empty selector matches nothing here.
 */
import type { Pod, Scenario, Service } from './schema';

/** True when `labels` has every key of `selector` with the same value. */
export function selectorMatches(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  let any = false;
  for (const key in selector) {
    any = true;
    if (labels[key] !== selector[key]) return false;
  }
  return any;
}

/** The pods a Service selects: same namespace, labels matching its selector, in document order. */
export function selectedPods(scenario: Pick<Scenario, 'pods'>, service: Pick<Service, 'namespace' | 'selector' | 'type'>): Pod[] {
  if (service.type === 'ExternalName') return [];
  return scenario.pods.filter((p) => p.namespace === service.namespace && selectorMatches(service.selector, p.labels));
}
