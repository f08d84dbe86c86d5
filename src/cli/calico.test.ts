/**
 * The CLI on Calico clusters (issue 18's "Done when"): a trace in each pool mode, a policy drop that
 * names the policies, and the what-if fix, which, applied, lets the same packet through. The modes'
 * routes are as docs.tigera.io "Overlay networking" and projectcalico/calico say (see
 * sim/trace/calico.test.ts for the sources); the policy semantics as kubernetes.io/docs/concepts/
 * services-networking/network-policies/ says (sim/policy/evaluate.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTraceCli } from './run';
import { EXAMPLES_DIR, loadExample } from '../sim/testing/examples';
import { calicoIpamState, type Scenario } from '../sim/index';
import { policyFromYaml } from '../io/policy-yaml';

const dir = mkdtempSync(join(tmpdir(), 'cli-calico-'));
const file = (name: string, s: Scenario) => {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify(s));
  return path;
};
const run = (path: string, ...args: string[]) => {
  const out = runTraceCli([path, ...args]);
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout);
};
interface Hop {
  at: string;
  action: string;
  iface?: string;
  match?: { rule: string }[];
  packet: { outer?: { proto: string; dport?: number; vni?: number } };
}
const routeAt = (r: { hops: Hop[] }, node: string) => r.hops.find((h) => h.at === node && h.action === 'route')?.match?.[0]?.rule;

describe('trace CLI on Calico', () => {
  const open = (edit: (s: Scenario) => void) => {
    const s = structuredClone(loadExample('calico-policy'));
    s.networkPolicies = [];
    edit(s);
    return s;
  };

  it('traces a Calico cluster in each mode: IPIP (protocol 4), VXLAN (UDP 4789, VNI 4096), BGP (proto bird, via a peering router), IPIP CrossSubnet', () => {
    const ipip = run(
      file(
        'ipip',
        open(() => {}),
      ),
      '--from',
      'frontend',
      '--to',
      'db:5432',
    );
    expect(ipip.verdict).toBe('delivered');
    expect(ipip.hops.find((h: Hop) => h.action === 'encapsulate')).toMatchObject({ iface: 'tunl0', packet: { outer: { proto: 'ipip' } } });

    const vxlan = run(
      file(
        'vxlan',
        open((s) => (s.cluster.calicoMode = 'vxlan')),
      ),
      '--from',
      'frontend',
      '--to',
      'db:5432',
    );
    expect(vxlan.verdict).toBe('delivered');
    expect(vxlan.hops.find((h: Hop) => h.action === 'encapsulate')).toMatchObject({
      iface: 'vxlan.calico',
      packet: { outer: { proto: 'udp', dport: 4789, vni: 4096 } },
    });

    const bgpScenario = open((s) => ((s.cluster.calicoMode = 'bgp'), (s.routers[0]!.bgpPeer = true)));
    const bgp = run(file('bgp', bgpScenario), '--from', 'frontend', '--to', 'db:5432');
    expect(bgp.verdict).toBe('delivered');
    expect(routeAt(bgp, 'node-1')).toBe(`${calicoIpamState(bgpScenario)!.blocks.get('node-3')![0]} via 192.168.1.1 dev eth0 proto bird`);
    expect(bgp.hops.some((h: Hop) => h.action === 'encapsulate')).toBe(false);

    const cross = open((s) => (s.cluster.crossSubnet = true));
    const same = run(file('cross', cross), '--from', 'frontend', '--to', 'api:8080');
    expect(same.hops.some((h: Hop) => h.action === 'encapsulate')).toBe(false);
    const across = run(file('cross', cross), '--from', 'frontend', '--to', 'db:5432');
    expect(across.hops.find((h: Hop) => h.action === 'encapsulate')?.packet.outer?.proto).toBe('ipip');
  });

  it('names the policies of a drop, and gives the what-if: the rule and the policy manifest that allow the packet', () => {
    const example = join(EXAMPLES_DIR, 'calico-policy.json');
    const denied = run(example, '--from', 'frontend', '--to', 'db:5432');
    expect(denied.verdict).toBe('dropped');
    expect(denied.reason).toMatchObject({
      code: 'policy-denied',
      direction: 'egress',
      policies: ['shop/default-deny-all', 'shop/allow-dns', 'shop/frontend-to-api'],
    });
    expect(denied.reason.message).toContain('shop/frontend-to-api');
    expect(denied.whatIf).toMatchObject({
      kind: 'add-rule',
      direction: 'egress',
      policy: 'shop/frontend-to-api',
      rule: 'shop/frontend-to-api egress: to podSelector app=db, port TCP 5432',
    });
    // Apply the manifest: the same packet now meets db's ingress policy, whose what-if lets it in.
    const s = structuredClone(loadExample('calico-policy'));
    const apply = (state: Scenario, manifest: string) => {
      // As kubectl apply does: a policy of the same namespace and name is replaced, else created.
      const parsed = policyFromYaml(manifest, 'np-new');
      if (!parsed.ok) throw new Error('manifest');
      const existing = state.networkPolicies.find((p) => p.namespace === parsed.policy.namespace && p.name === parsed.policy.name);
      const policy = { ...parsed.policy, id: existing?.id ?? parsed.policy.id };
      return {
        ...state,
        networkPolicies: existing ? state.networkPolicies.map((p) => (p.id === existing.id ? policy : p)) : [...state.networkPolicies, policy],
      };
    };
    const step1 = apply(s, denied.whatIf.manifest);
    const next = run(file('step1', step1), '--from', 'frontend', '--to', 'db:5432');
    expect(next.reason).toMatchObject({ code: 'policy-denied', direction: 'ingress' });
    const step2 = apply(step1, next.whatIf.manifest);
    const ok = run(file('step2', step2), '--from', 'frontend', '--to', 'db:5432');
    expect(ok.verdict).toBe('delivered');
    expect(ok.whatIf).toBeUndefined();
  });
});
