/**
 * The pods a Service's endpoint edges go to: what the simulation says the Service selects (same
 * namespace, labels matching the selector). The canvas never decides this itself.
 */
import type { Pod, Scenario, Service } from '../../sim/model/schema';
import { selectedPods } from '../../sim/model/selector';

export function endpointPods(s: Scenario, svc: Service): Pod[] {
  return selectedPods(s, svc);
}
