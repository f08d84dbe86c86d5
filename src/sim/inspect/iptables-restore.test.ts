/**
 * Every node's iptables-save loads with `iptables-restore --test` (the real parser and, with the
 * nf_tables backend, the kernel's checks), run in an unprivileged user + network namespace
 * (`unshare -Urn`) so nothing on the machine changes. IPVS-mode dumps match ipsets, which must exist
 * first: the namespace creates kube-proxy's sets with `ipset create`. Without iptables-restore or
 * unshare the test is skipped with the reason printed (CI installs iptables and ipset: .ci/run).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { loadExample, withChanges } from '../testing/examples';
import { topology } from '../model/topology';
import { iptablesSaveAll } from './iptables-save';
import { KUBE_IPSETS } from './ipset';

// iptables and ipset live in /usr/sbin, which a non-root PATH may leave out.
const ENV = { ...process.env, PATH: `${process.env.PATH ?? ''}:/usr/sbin:/sbin` };

function has(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: ENV });
  return r.status === 0;
}

// The legacy backend checks more at --test time (an undeclared chain in a jump fails); nf_tables when it is all there is.
const RESTORE = has('iptables-legacy-restore', ['--version']) ? 'iptables-legacy-restore' : 'iptables-restore';
const restore = has(RESTORE, ['--version']);
const userns = restore && has('unshare', ['-Urn', RESTORE, '--version']);
const ipset = userns && has('unshare', ['-Urn', 'ipset', 'list']);
const reason = !restore
  ? 'iptables-restore is not installed (apt-get install iptables)'
  : !userns
    ? 'unshare -Urn cannot create a user + network namespace here'
    : '';
if (reason) console.warn(`skipping iptables-restore --test: ${reason}`);
else if (!ipset) console.warn('skipping iptables-restore --test of IPVS-mode dumps: ipset cannot create sets here (apt-get install ipset)');

/** felix's IPAM pool sets, which Calico's cali-nat-outgoing rule matches (felix/rules: IPSetIDNATOutgoingMasqPools, IPSetIDNetworkPools). */
const CALICO_IPSETS: [string, string][] = [
  ['cali40masq-ipam-pools', 'hash:net'],
  ['cali40all-ipam-pools', 'hash:net'],
];

function restoreTest(dump: string, sets: boolean, calico = false): { status: number | null; stderr: string } {
  const all = [...(sets ? KUBE_IPSETS : []), ...(calico ? CALICO_IPSETS : [])];
  const createSets =
    all.length > 0 ? all.map(([name, type]) => `ipset create ${name} ${type}${type === 'bitmap:port' ? ' range 0-65535' : ''}`).join(' && ') + ' && ' : '';
  const r = spawnSync('unshare', ['-Urn', 'sh', '-c', `${createSets}${RESTORE} --test`], { input: dump, encoding: 'utf8', env: ENV });
  return { status: r.status, stderr: r.stderr };
}

const scenarios = () => {
  const out: [string, ReturnType<typeof loadExample>][] = [];
  for (const name of ['clusterip', 'nodeport', 'loadbalancer-local', 'ingress', 'dns', 'no-endpoints']) {
    const s = loadExample(name);
    out.push([`${name} (iptables)`, s]);
    out.push([`${name} (ipvs)`, withChanges(s, (c) => void (c.cluster.kubeProxyMode = 'ipvs'))]);
  }
  // Calico: felix's nat chains beside kube-proxy's, in each pool mode.
  const calico = loadExample('calico-policy');
  for (const mode of ['ipip', 'vxlan', 'bgp'] as const) out.push([`calico-policy (${mode})`, withChanges(calico, (c) => void (c.cluster.calicoMode = mode))]);
  return out;
};

describe.skipIf(Boolean(reason))('iptables-restore --test accepts every dump', () => {
  for (const [label, s] of scenarios()) {
    const ipvs = s.cluster.kubeProxyMode === 'ipvs';
    const calico = s.cluster.cni === 'calico';
    it.skipIf((ipvs || calico) && !ipset)(`${label}: every node`, () => {
      const t = topology(s);
      for (const node of s.nodes) {
        const dump = iptablesSaveAll(t, node);
        const r = restoreTest(dump, ipvs, calico);
        expect(r.stderr, `${label} ${node.name}:\n${dump}`).toBe('');
        expect(r.status).toBe(0);
      }
    });
  }

  it('rejects a dump that jumps to an undeclared chain (the check is real)', () => {
    const r = restoreTest('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j KUBE-NODE-PORT\nCOMMIT\n', false);
    expect(r.status).not.toBe(0);
  });
});
