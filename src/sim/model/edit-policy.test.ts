import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/examples';
import { deleteNetworkPolicy, newNetworkPolicy, putNetworkPolicy, setNamespaceLabels } from './edit-policy';
import { policyFromYaml, policyToYaml } from '../../io/policy-yaml';
import { formatMessage } from '../../i18n/sim/index';

describe('NetworkPolicy edits', () => {
  it('adds, replaces by id and deletes; names are unique per namespace', () => {
    const s = loadExample('calico-policy');
    const fresh = newNetworkPolicy(s, 'default');
    const added = putNetworkPolicy(s, fresh);
    expect(added.ok && added.scenario.networkPolicies.at(-1)).toMatchObject({
      name: 'default-deny-ingress',
      namespace: 'default',
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    if (!added.ok) return;
    const renamed = putNetworkPolicy(added.scenario, { ...fresh, name: 'allow-dns', namespace: 'shop' });
    expect(renamed).toMatchObject({ ok: false, field: 'name' });
    expect(!renamed.ok && formatMessage('en', renamed.error)).toBe('another NetworkPolicy is already named shop/allow-dns');
    const bad = putNetworkPolicy(s, { ...fresh, spec: { podSelector: {}, ingress: [{ from: [{}] }] } });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && formatMessage('en', bad.error)).toMatch(/^spec.ingress.0.from.0: a peer needs podSelector, namespaceSelector or ipBlock/);
    const gone = deleteNetworkPolicy(added.scenario, fresh.id);
    expect(gone.ok && gone.scenario.networkPolicies).toHaveLength(s.networkPolicies.length);
  });

  it("sets a namespace's labels but never stores kubernetes.io/metadata.name", () => {
    const r = setNamespaceLabels(loadExample('calico-policy'), 'default', { team: 'web', 'kubernetes.io/metadata.name': 'other' });
    expect(r.ok && r.scenario.namespaces.find((n) => n.name === 'default')).toEqual({ name: 'default', labels: { team: 'web' } });
  });

  it('round-trips a policy through its YAML manifest and names the bad field of a broken one', () => {
    const p = loadExample('calico-policy').networkPolicies.find((x) => x.id === 'np-allow-dns')!;
    const text = policyToYaml(p);
    expect(text).toMatch(/^apiVersion: networking.k8s.io\/v1\nkind: NetworkPolicy\nmetadata:\n {2}name: allow-dns\n {2}namespace: shop\nspec:/);
    expect(policyFromYaml(text, p.id)).toEqual({ ok: true, policy: p });
    const broken = policyToYaml({ ...p, spec: { ...p.spec, egress: [{ ports: [{ protocol: 'UDP', port: 53, endPort: 40 }] }] } });
    const refused = policyFromYaml(broken, p.id);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(formatMessage('en', refused.error)).toBe('spec.egress.0.ports.0.endPort: endPort needs a numeric port and must not be below it');
    if (!refused.ok) expect(formatMessage('zh-CN', refused.error)).toBe('spec.egress.0.ports.0.endPort：endPort 要求 port 是数字，且不能小于 port');
    const kind = policyFromYaml('kind: Service', p.id);
    if (kind.ok) throw new Error('kind: Service was accepted');
    expect(formatMessage('en', kind.error)).toBe('kind: expected NetworkPolicy, not Service');
    expect(formatMessage('zh-CN', kind.error)).toBe('kind：应当是 NetworkPolicy，而不是 Service');
    expect(policyFromYaml('spec: [', p.id)).toMatchObject({ ok: false });
  });
});
