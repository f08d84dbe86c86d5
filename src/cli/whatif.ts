/**
 * The what-if in the CLI: a trace a NetworkPolicy dropped gets `whatIf` beside its result, the
 * smallest rule that would allow the packet (as the app proposes it) and the policy with that rule
 * as a manifest to `kubectl apply`.
 */
import { type Scenario, type TraceResult } from '../sim/index';
import { whatIfForResult } from '../sim/tracer';
import { policyToYaml } from '../io/policy-yaml';

export interface CliWhatIf {
  /** Add the rule to an existing policy, or create a new one. */
  kind: 'add-rule' | 'new-policy';
  direction: 'ingress' | 'egress';
  /** `namespace/name` of the policy to change or create. */
  policy: string;
  /** The rule in API notation. */
  rule: string;
  /** The whole policy after the change, as YAML. */
  manifest: string;
}

export function cliWhatIf(s: Scenario, r: TraceResult): CliWhatIf | undefined {
  const fix = whatIfForResult(s, r);
  if (!fix) return undefined;
  return { kind: fix.kind, direction: fix.direction, policy: `${fix.policy.namespace}/${fix.policy.name}`, rule: fix.text, manifest: policyToYaml(fix.policy) };
}
