/**
 * What-if: the smallest rule that would allow a denied packet, and that applying it allows exactly
 * that packet (the trace is delivered, a neighbour is still denied).
 */
import { describe, expect, it } from 'vitest';
import { trace } from '../tracer';
import { loadExample, withChanges } from '../testing/examples';
import { applyPolicyFix, smallestAllowingRule, type DeniedFlow } from './whatif';
import { calicoIpamState } from '../net/calico-ipam';

function deniedFlow(r: ReturnType<typeof trace>): DeniedFlow {
  const path = r.hops.length ? r : r.dns!;
  const last = path.hops[path.hops.length - 1]!;
  return {
    pod: r.reason!.pod!,
    direction: r.reason!.direction!,
    src: last.packet.src,
    dst: last.packet.dst,
    proto: last.packet.proto,
    ...(last.packet.dport !== undefined ? { dport: last.packet.dport } : {}),
  };
}

describe('what-if: the smallest allowing rule', () => {
  it('adds one peer and one port to the policy that already selects the pod by its labels', () => {
    const s = loadExample('calico-policy');
    const denied = trace(s, { from: 'frontend', to: 'db', port: 5432 });
    expect(denied.reason).toMatchObject({ code: 'policy-denied', direction: 'egress' });
    const fix = smallestAllowingRule(s, deniedFlow(denied))!;
    expect(fix.kind).toBe('add-rule');
    expect(fix.policy.id).toBe('np-frontend-api'); // not the namespace-wide default deny
    expect(fix.policy.spec.egress?.at(-1)).toEqual({ to: [{ podSelector: { matchLabels: { app: 'db' } } }], ports: [{ protocol: 'TCP', port: 5432 }] });
    expect(fix.text).toBe('shop/frontend-to-api egress: to podSelector app=db, port TCP 5432');

    // After the egress fix the packet goes on to the next isolated direction: db's ingress.
    const fixed = applyPolicyFix(s, fix);
    const next = trace(fixed, { from: 'frontend', to: 'db', port: 5432 });
    expect(next.reason).toMatchObject({ code: 'policy-denied', direction: 'ingress', pod: 'db' });
    const fix2 = smallestAllowingRule(fixed, deniedFlow(next))!;
    expect(fix2).toMatchObject({ kind: 'add-rule', policy: { id: 'np-db-in' } });
    const open = applyPolicyFix(fixed, fix2);
    expect(trace(open, { from: 'frontend', to: 'db', port: 5432 }).verdict).toBe('delivered');
    // Nothing more than that flow was opened: api -> db on another port, and frontend -> db on 22, stay denied.
    expect(trace(open, { from: 'frontend', to: 'db', port: 22 }).reason?.code).toBe('policy-denied');
    expect(trace(open, { from: 'client', to: 'db', port: 5432 }).reason?.code).toBe('policy-denied');
  });

  it("crosses namespaces with namespaceSelector kubernetes.io/metadata.name AND the pod's labels in one peer", () => {
    const s = loadExample('calico-policy');
    const denied = trace(s, { from: 'client', to: 'api', port: 8080 });
    expect(denied.reason).toMatchObject({ direction: 'ingress', pod: 'api' });
    const fix = smallestAllowingRule(s, deniedFlow(denied))!;
    expect(fix.policy.spec.ingress?.at(-1)?.from).toEqual([
      { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'default' } }, podSelector: { matchLabels: { app: 'client' } } },
    ]);
    expect(trace(applyPolicyFix(s, fix), { from: 'client', to: 'api', port: 8080 }).verdict).toBe('delivered');
  });

  it('makes a new policy selecting just the pod when only a namespace-wide default deny isolates it', () => {
    const s = withChanges(loadExample('calico-policy'), (x) => (x.networkPolicies = x.networkPolicies.filter((p) => p.id === 'np-default-deny')));
    const denied = trace(s, { from: 'frontend', to: 'api', port: 8080 });
    const fix = smallestAllowingRule(s, deniedFlow(denied))!;
    expect(fix.kind).toBe('new-policy');
    expect(fix.policy).toMatchObject({
      name: 'allow-frontend-to-api-8080',
      namespace: 'shop',
      spec: { podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Egress'] },
    });
    const fixed = applyPolicyFix(s, fix);
    expect(fixed.networkPolicies).toHaveLength(2);
    // The packet now passes egress and meets api's ingress isolation, which a second fix opens.
    const next = trace(fixed, { from: 'frontend', to: 'api', port: 8080 });
    expect(next.reason).toMatchObject({ direction: 'ingress' });
    expect(trace(applyPolicyFix(fixed, smallestAllowingRule(fixed, deniedFlow(next))!), { from: 'frontend', to: 'api', port: 8080 }).verdict).toBe('delivered');
  });

  it('uses an ipBlock /32 for a peer that is not a labelled pod', () => {
    const s = loadExample('calico-policy');
    const denied = trace(s, { from: 'node-2', to: 'db', port: 5432 });
    const fix = smallestAllowingRule(s, deniedFlow(denied))!;
    // node-2 reaches another node's pod over IPIP from its tunl0 address (the first of its block), not from eth0.
    const tunl0 = calicoIpamState(s)!.tunnels.get('node-2')!;
    expect(tunl0).toBe(calicoIpamState(s)!.blocks.get('node-2')![0]!.split('/')[0]);
    expect(denied.hops[0]!.packet.src).toBe(tunl0);
    expect(fix.policy.spec.ingress?.at(-1)?.from).toEqual([{ ipBlock: { cidr: `${tunl0}/32` } }]);
    expect(trace(applyPolicyFix(s, fix), { from: 'node-2', to: 'db', port: 5432 }).verdict).toBe('delivered');
  });
});
