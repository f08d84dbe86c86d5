/**
 * Validation of a scenario's addressing and references. Each problem names the element it belongs
 * to (so the UI can select it) and says in one sentence what is wrong. The checks live beside this
 * file, one concept each, and run in the order below, which is the order the problems are listed in:
 * identity (validate-identity.ts), address ranges and subnets (validate-ranges.ts, with each subnet's
 * gateway from validate-routing.ts), underlay addresses (validate-underlay.ts), router routes
 * (validate-routing.ts), node pod CIDRs (validate-ranges.ts), pods (validate-pods.ts), Service
 * addresses (validate-service-addresses.ts), then Services (validate-services.ts) and the cluster's
 * add-ons (validate-addons.ts).
 */
import type { Scenario } from '../model/schema';
import type { AddProblem, Problem } from './problem';
import { checkIdentity } from './validate-identity';
import { checkClusterRanges, checkNodePodCidrs, checkSubnets } from './validate-ranges';
import { checkUnderlayAddresses } from './validate-underlay';
import { checkRouterRoutes } from './validate-routing';
import { checkPods } from './validate-pods';
import { checkServiceAddresses } from './validate-service-addresses';
import { validateServices } from './validate-services';
import { validateAddons } from './validate-addons';

export type { Problem, ProblemCode } from './problem';
export { overlapsByEarlier } from './cidr-overlaps';

const validated = new WeakMap<Scenario, Problem[]>();

/** The problems of a scenario (memoized by identity: a scenario is never changed in place). */
export function validateScenario(s: Scenario): Problem[] {
  let problems = validated.get(s);
  if (!problems) validated.set(s, (problems = computeProblems(s)));
  return problems;
}

/**
 * Problems computed elsewhere for a copy of this very scenario (the loading worker parsed and
 * validated it before posting it to the page): later calls return them instead of doing the work
 * again on the page's thread.
 */
export function adoptProblems(s: Scenario, problems: Problem[]): void {
  validated.set(s, problems);
}

function computeProblems(s: Scenario): Problem[] {
  const out: Problem[] = [];
  const add: AddProblem = (p) => out.push({ severity: 'error', ...p });
  checkIdentity(s, add);
  checkClusterRanges(s, add);
  checkSubnets(s, add);
  checkUnderlayAddresses(s, add);
  checkRouterRoutes(s, add);
  checkNodePodCidrs(s, add);
  checkPods(s, add);
  checkServiceAddresses(s, add);
  out.push(...validateServices(s));
  out.push(...validateAddons(s));
  return out;
}
