/**
 * NetworkPolicy in the trace: what the packets do on a cluster whose CNI enforces it (Calico) and on
 * one whose CNI does not (flannel). Sections cited from
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/.
 */
import { describe, expect, it } from 'vitest';
import { type Scenario } from '../index';
import { trace } from '../tracer';
import { loadExample, withChanges, withCluster } from '../testing/examples';
import { formatMessage } from '../../i18n/sim/index';
import { testNetworkPolicy } from '../policy/policy.fixtures';
import { networkPolicySchema } from '../model/schema';

const calico = () => loadExample('calico-policy');
type Policy = Scenario['networkPolicies'][number];
const only = (...policies: Policy[]) => withChanges(calico(), (s) => (s.networkPolicies = policies));
const denyAll = (ns: string): Policy => ({
  id: `deny-${ns}`,
  name: 'default-deny-all',
  namespace: ns,
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});

describe('NetworkPolicy enforced by Calico', () => {
  it('a drop names the direction and the policies isolating the pod; the hop shows the Calico chain', () => {
    const r = trace(calico(), { from: 'frontend', to: 'db', port: 5432 });
    expect(r.verdict).toBe('dropped');
    expect(r.reason).toMatchObject({
      code: 'policy-denied',
      direction: 'egress',
      policies: ['shop/default-deny-all', 'shop/allow-dns', 'shop/frontend-to-api'],
      pod: 'frontend',
      at: 'node-1',
    });
    const last = r.hops[r.hops.length - 1]!;
    expect(last.match?.[0]).toMatchObject({ kind: 'policy', chain: expect.stringMatching(/^cali-fw-cali[0-9a-f]{11}$/) });
    expect(last.match?.[0]?.rule).toContain('Drop if no policies passed packet');
  });

  it("an allowed packet's hops show the rule that allowed it, for egress and for ingress", () => {
    const r = trace(calico(), { from: 'frontend', to: 'api', port: 8080 });
    expect(r.verdict).toBe('delivered');
    const policyHops = r.hops.filter((h) => h.action === 'policy');
    expect(policyHops.map((h) => h.match?.[0]?.chain?.slice(0, 8))).toEqual(['cali-fw-', 'cali-tw-']);
    expect(policyHops.map((h) => h.match?.[0]?.rule)).toEqual([
      'shop/frontend-to-api egress[0]: to podSelector app=api, port TCP 8080',
      'shop/api-from-frontend ingress[0]: from podSelector app=frontend, port TCP 8080',
    ]);
  });

  it('"The two sorts of pod isolation": the sender\'s egress and the receiver\'s ingress must both allow', () => {
    const egressOnly: Policy = {
      id: 'e',
      name: 'frontend-out',
      namespace: 'shop',
      spec: { podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { app: 'db' } } }] }] },
    };
    const dbClosed: Policy = { id: 'i', name: 'db-closed', namespace: 'shop', spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Ingress'] } };
    expect(trace(only(egressOnly), { from: 'frontend', to: 'db', port: 5432 }).verdict).toBe('delivered');
    const r = trace(only(egressOnly, dbClosed), { from: 'frontend', to: 'db', port: 5432 });
    expect(r.reason).toMatchObject({ code: 'policy-denied', direction: 'ingress', policies: ['shop/db-closed'], pod: 'db', at: 'node-3' });
    // The egress check passed on the sender's node before the ingress check dropped it on the receiver's.
    expect(r.hops.filter((h) => h.action === 'policy').map((h) => h.at)).toEqual(['node-1']);
  });

  it('"The two sorts of pod isolation": the reply of an allowed connection is allowed (conntrack), though both pods deny it as a new connection', () => {
    const r = trace(calico(), { from: 'frontend', to: 'api', port: 8080 });
    expect(r.reply?.verdict).toBe('delivered');
    const replyPolicy = r.reply!.hops.filter((h) => h.action === 'policy');
    expect(replyPolicy.map((h) => h.match?.[0]?.rule)).toEqual([
      expect.stringContaining('--ctstate RELATED,ESTABLISHED -j ACCEPT'),
      expect.stringContaining('--ctstate RELATED,ESTABLISHED -j ACCEPT'),
    ]);
    // The same packet as a new connection from api to frontend is denied.
    expect(trace(calico(), { from: 'api', to: 'frontend', port: 8080 }).reason).toMatchObject({ code: 'policy-denied', direction: 'egress' });
  });

  it("IP blocks exception: traffic from the pod's own node is allowed even under default deny, another node's is not", () => {
    const s = only(denyAll('shop'));
    const own = trace(s, { from: 'node-1', to: 'frontend', port: 80 });
    expect(own.verdict).toBe('delivered');
    expect(formatMessage('en', own.hops.find((h) => h.action === 'policy')!.msg)).toMatch(/own node/);
    expect(trace(s, { from: 'node-2', to: 'frontend', port: 80 }).reason).toMatchObject({ code: 'policy-denied', direction: 'ingress' });
  });

  it("policy is evaluated on the pod addresses after DNAT: allowing the Service's pods works, an ipBlock for the ClusterIP does not", () => {
    const clusterIp = calico().services.find((x) => x.id === 'svc-api')!.clusterIP!;
    const toPods: Policy = {
      id: 'p',
      name: 'to-api-pods',
      namespace: 'shop',
      spec: {
        podSelector: { matchLabels: { app: 'frontend' } },
        policyTypes: ['Egress'],
        egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }] }],
      },
    };
    const toVip: Policy = {
      id: 'p',
      name: 'to-api-vip',
      namespace: 'shop',
      spec: { podSelector: { matchLabels: { app: 'frontend' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: `${clusterIp}/32` } }] }] },
    };
    const viaPods = trace(only(toPods), { from: 'frontend', to: clusterIp, port: 8080 });
    expect(viaPods.verdict).toBe('delivered');
    expect(viaPods.hops.findIndex((h) => h.action === 'dnat')).toBeLessThan(viaPods.hops.findIndex((h) => h.action === 'policy'));
    const viaVip = trace(only(toVip), { from: 'frontend', to: clusterIp, port: 8080 });
    expect(viaVip.reason).toMatchObject({ code: 'policy-denied', direction: 'egress', policies: ['shop/to-api-vip'] });
  });

  it('"Default policies": default deny egress breaks DNS (egress to kube-dns denied); an allow-DNS policy fixes it', () => {
    const s = only(denyAll('shop'));
    const broken = trace(s, { from: 'frontend', to: 'api.shop', port: 8080 });
    expect(broken.verdict).toBe('dropped');
    expect(broken.reason).toMatchObject({ code: 'policy-denied', direction: 'egress', policies: ['shop/default-deny-all'] });
    expect(formatMessage('en', broken.reason!.msg)).toMatch(/^The DNS query for api.shop/);
    expect(broken.dns?.verdict).toBe('dropped');
    const fixed = trace(calico(), { from: 'frontend', to: 'api.shop', port: 8080 });
    expect(fixed.dns?.hops.find((h) => h.action === 'policy')?.match?.[0]?.rule).toMatch(
      /^shop\/allow-dns egress\[0\]: to namespaceSelector kubernetes.io\/metadata.name=kube-system AND podSelector k8s-app=kube-dns, port UDP 53/,
    );
    expect(fixed.verdict).toBe('delivered');
  });

  it('"The NetworkPolicy resource": test-network-policy traces as the page says on a Calico cluster', () => {
    const s = withChanges(calico(), (x) => {
      x.pods.find((p) => p.id === 'db')!.labels = { role: 'db' };
      x.pods.find((p) => p.id === 'api')!.labels = { role: 'frontend' };
      x.pods.find((p) => p.id === 'db')!.containers[0]!.ports.push({ containerPort: 6379, protocol: 'TCP' });
      x.networkPolicies = [networkPolicySchema.parse({ ...testNetworkPolicy, namespace: 'shop' })];
    });
    expect(trace(s, { from: 'api', to: 'db', port: 6379 }).verdict).toBe('delivered'); // role=frontend in the policy's namespace
    expect(trace(s, { from: 'frontend', to: 'db', port: 6379 }).reason).toMatchObject({ code: 'policy-denied', direction: 'ingress' }); // no role=frontend label
    expect(trace(s, { from: 'api', to: 'db', port: 5432 }).reason).toMatchObject({ code: 'policy-denied', direction: 'ingress' }); // wrong port
    expect(trace(s, { from: 'client', to: 'db', port: 6379 }).reason).toMatchObject({ code: 'policy-denied' }); // default namespace, no project label
    expect(trace(s, { from: 'db', to: 'api', port: 8080 }).reason).toMatchObject({
      code: 'policy-denied',
      direction: 'egress',
      policies: ['shop/test-network-policy'],
    });
  });

  it('"Default policies": allow all ingress on top of default deny lets everything in', () => {
    const allowAll: Policy = { id: 'a', name: 'allow-all-ingress', namespace: 'shop', spec: { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] } };
    const denyIn: Policy = { id: 'd', name: 'default-deny-ingress', namespace: 'shop', spec: { podSelector: {}, policyTypes: ['Ingress'] } };
    expect(trace(only(denyIn), { from: 'client', to: 'db', port: 5432 }).reason).toMatchObject({
      code: 'policy-denied',
      direction: 'ingress',
      policies: ['shop/default-deny-ingress'],
    });
    const r = trace(only(denyIn, allowAll), { from: 'client', to: 'db', port: 5432 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.find((h) => h.action === 'policy')?.match?.[0]?.rule).toBe('shop/allow-all-ingress ingress[0]: from <any>, port <any>');
  });
});

describe('NetworkPolicy with flannel', () => {
  // Switched as the inspector (and lesson 8) switch it: pods get host-local addresses from their node's pod CIDR.
  const flannel = () => withCluster(calico(), { cni: 'flannel' });

  it('"Prerequisites": flannel enforces nothing; the trace says once that the policy has no effect', () => {
    const r = trace(flannel(), { from: 'frontend', to: 'db', port: 5432 });
    expect(r.verdict).toBe('delivered');
    expect(r.hops.some((h) => h.action === 'policy')).toBe(false);
    expect(r.notes).toHaveLength(1);
    expect(r.notes![0]).toMatchObject({
      code: 'policy-not-enforced',
      policies: ['shop/default-deny-all', 'shop/allow-dns', 'shop/frontend-to-api', 'shop/db-from-api'],
    });
    expect(formatMessage('en', r.notes![0]!.msg)).toContain('flannel does not implement NetworkPolicy; this policy has no effect');
    expect(formatMessage('zh-CN', r.notes![0]!.msg)).toMatch(/flannel/);
    expect(formatMessage('zh-CN', r.notes![0]!.msg)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says nothing when no policy selects the pods of the trace', () => {
    const s = withChanges(flannel(), (x) => (x.networkPolicies = [denyAll('kube-system-x')]));
    expect(trace(s, { from: 'frontend', to: 'db', port: 5432 }).notes).toBeUndefined();
  });
});
