/**
 * A node's, router's and pod's state printed as the real tools print it. The reference lines were
 * taken from iproute2 6.1 (`ip -V`: iproute2-6.1.0) run on Linux 6.x in a network namespace with the
 * same devices (a bridge cni0 with a veth port, a VXLAN flannel.1 with dstport 8472, nolearning);
 * conntrack lines follow libnetfilter_conntrack's snprintf_default.c.
 */
import { describe, expect, it } from 'vitest';
import { loadExample } from '../testing/examples';
import { showNode, showPod, toolsFor, InspectError } from './index';
import { trace } from '../trace/trace';
import { topology } from '../model/topology';

import { formatMessage } from '../../i18n/sim/index';
import { vethName } from '../dataplane/device-names';

describe('ip addr', () => {
  const s = loadExample('clusterip');
  const out = showNode(s, 'node-1', 'ip-addr').stdout;

  it('prints interfaces in ifindex order with the kernel flags, qdisc, state and lifetimes', () => {
    const lines = out.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
      '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
      '    inet 127.0.0.1/8 scope host lo',
      '       valid_lft forever preferred_lft forever',
      '    inet6 ::1/128 scope host ',
      '       valid_lft forever preferred_lft forever',
    ]);
    expect(out).toContain('    inet 192.168.1.10/24 brd 192.168.1.255 scope global eth0\n');
    expect(out).toMatch(/\n3: flannel\.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN group default qlen 1000\n/);
    expect(out).toContain('    inet 10.244.0.0/32 scope global flannel.1\n');
    expect(out).toContain('    inet 10.244.0.1/24 brd 10.244.0.255 scope global cni0\n');
    expect(out).toMatch(
      /\n5: veth[0-9a-f]{8}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP group default qlen 1000\n {4}link\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff link-netns cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n/,
    );
  });

  // The CNI plugins dropped the 0a:58:<ip> MACs in v0.7.0; veths and cni0 get kernel random MACs
  // (eth_random_addr: locally administered, unicast), nodes ordinary NIC MACs.
  it('gives veths and cni0 random locally administered MACs and eth0 an ordinary one', () => {
    const macs = [...out.matchAll(/link\/ether (\S+)/g)].map((m) => m[1]!);
    expect(macs[0]).toMatch(/^52:54:00:/);
    for (const mac of macs.slice(1)) {
      expect(mac.startsWith('0a:58:')).toBe(false);
      const first = parseInt(mac.slice(0, 2), 16);
      expect(first & 0x02).toBe(2);
      expect(first & 0x01).toBe(0);
    }
    expect(new Set(macs).size).toBe(macs.length);
    // Deterministic per scenario.
    expect(showNode(loadExample('clusterip'), 'node-1', 'ip-addr').stdout).toBe(out);
  });

  it("pairs a pod's eth0@ifN with its veth's ifindex and derives the IPv6 link-local from the MAC (EUI-64)", () => {
    const t = topology(s);
    const pod = s.pods.find((p) => p.node === 'node-1')!;
    const podOut = showPod(s, pod.name, 'ip-addr').stdout;
    const index = new RegExp(`\\n(\\d+): ${vethName(pod)}@if2:`).exec(out)![1];
    expect(podOut).toContain(`\n2: eth0@if${index}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP group default qlen 1000\n`);
    expect(podOut).toContain(`    inet ${pod.ip}/24 brd 10.244.0.255 scope global eth0\n`);
    expect(podOut).toContain('link-netnsid 0');
    expect(t.pods.size).toBeGreaterThan(0);
    expect(showNode(s, 'node-1', 'ip-addr').stdout).toMatch(
      /link\/ether 52:54:00:([0-9a-f]{2}):([0-9a-f]{2}):([0-9a-f]{2}) [^\n]*\n[^\n]*\n[^\n]*\n {4}inet6 fe80::5054:ff:fe/,
    );
  });
});

describe('ip route', () => {
  it('prints the main table in the kernel dump order with iproute2 trailing spaces', () => {
    const s = loadExample('clusterip');
    expect(showNode(s, 'node-1', 'ip-route').stdout).toBe(
      [
        'default via 192.168.1.1 dev eth0 ',
        '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1 ',
        '10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink ',
        '192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 ',
        '',
      ].join('\n'),
    );
  });

  // flannel-io/cni-plugin adds the cluster Network as an IPAM route; within one key the kernel lists
  // the longer prefix first (fib_trie keeps aliases by suffix length).
  it("gives a pod flannel's cluster route via cni0", () => {
    const s = loadExample('clusterip');
    expect(showPod(s, 'client', 'ip-route').stdout).toBe(
      ['default via 10.244.0.1 dev eth0 ', '10.244.0.0/24 dev eth0 proto kernel scope link src 10.244.0.3 ', '10.244.0.0/16 via 10.244.0.1 dev eth0 ', ''].join(
        '\n',
      ),
    );
  });
});

describe('ip neigh', () => {
  it("puts a router's entries on the device facing each subnet (eth1 for the second)", () => {
    const s = loadExample('vxlan-across-subnets');
    const out = showNode(s, 'core-router', 'ip-neigh').stdout;
    expect(out).toMatch(/^192\.168\.1\.\d+ dev eth0 lladdr 52:54:00(:[0-9a-f]{2}){3} REACHABLE $/m);
    expect(out).toMatch(/^192\.168\.2\.\d+ dev eth1 lladdr 52:54:00(:[0-9a-f]{2}){3} REACHABLE $/m);
  });

  it("gives a pod its gateway on its own eth0, with cni0's MAC", () => {
    const s = loadExample('clusterip');
    const cni0 = /4: cni0:[^\n]*\n {4}link\/ether (\S+)/.exec(showNode(s, 'node-1', 'ip-addr').stdout)![1];
    expect(showPod(s, 'client', 'ip-neigh').stdout).toBe(`10.244.0.1 dev eth0 lladdr ${cni0} REACHABLE \n`);
  });

  it("lists flannel's VTEP entries as PERMANENT on flannel.1 and the FDB entry to the remote node", () => {
    const s = loadExample('clusterip');
    const neigh = showNode(s, 'node-1', 'ip-neigh').stdout;
    const vtep = /^10\.244\.1\.0 dev flannel\.1 lladdr (\S+) PERMANENT $/m.exec(neigh)![1];
    expect(showNode(s, 'node-1', 'bridge-fdb').stdout).toContain(`${vtep} dev flannel.1 dst 192.168.1.11 self permanent\n`);
  });
});

describe('conntrack -L', () => {
  // One entry per connection: the original tuple as it arrived, the reply tuple after every NAT.
  it('shows one entry for a Service connection with the DNAT in its reply tuple, ASSURED once answered', () => {
    const s = loadExample('clusterip');
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 3 });
    const out = showNode(s, 'node-1', 'conntrack', { results: [r] });
    const lines = out.stdout.trim().split('\n');
    const tcp = lines.filter((l) => l.startsWith('tcp'));
    expect(tcp).toHaveLength(1);
    const ep = s.pods.find((p) => p.id === r.endpoint)!;
    const sport = r.hops[0]!.packet.sport;
    expect(tcp[0]).toBe(
      `tcp      6 431999 ESTABLISHED src=10.244.0.3 dst=10.96.0.2 sport=${sport} dport=80 src=${ep.ip} dst=10.244.0.3 sport=8080 dport=${sport} [ASSURED] mark=0 use=1`,
    );
    expect(out.stderr).toBe(`conntrack v1.4.7 (conntrack-tools): ${lines.length} flow entries have been shown.\n`);
  });

  it('marks a connection never answered [UNREPLIED] in SYN_SENT, without ASSURED', () => {
    const s = loadExample('clusterip');
    const r = trace(s, { from: 'client', to: '10.96.0.2', port: 80 }, { seed: 3, reply: false });
    const tcp = showNode(s, 'node-1', 'conntrack', { results: [r] })
      .stdout.split('\n')
      .find((l) => l.startsWith('tcp'))!;
    expect(tcp).toMatch(
      /^tcp {6}6 119 SYN_SENT src=\S+ dst=10\.96\.0\.2 sport=\d+ dport=80 \[UNREPLIED\] src=\S+ dst=10\.244\.0\.3 sport=8080 dport=\d+ mark=0 use=1$/,
    );
    expect(tcp).not.toContain('ASSURED');
  });
});

describe('tools and errors', () => {
  it('offers the tabs that exist on the element', () => {
    const s = loadExample('clusterip');
    expect(toolsFor(s, 'node-1')).toContain('ip-link-flannel');
    expect(toolsFor(s, 'node-1')).not.toContain('ipvsadm');
    expect(toolsFor(loadExample('host-gw'), 'node-1')).not.toContain('ip-link-flannel');
    expect(toolsFor(s, s.pods[0]!.id)).toEqual(['ip-addr', 'ip-route', 'ip-neigh', 'resolv-conf']);
  });

  it('writes the resolv.conf kubelet gives a pod', () => {
    const s = loadExample('clusterip');
    expect(showPod(s, 'client', 'resolv-conf').stdout).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('names the unknown node or tool', () => {
    const s = loadExample('clusterip');
    expect(() => showNode(s, 'nope', 'ip-addr')).toThrow(InspectError);
    const refused = (() => {
      try {
        showNode(s, 'node-1', 'netstat');
      } catch (e) {
        return e as InspectError;
      }
      throw new Error('netstat was accepted');
    })();
    expect(refused).toBeInstanceOf(InspectError);
    expect(formatMessage('en', refused.msg)).toMatch(/^unknown tool "netstat" for a node; one of: ip-addr, /);
    expect(formatMessage('zh-CN', refused.msg)).toMatch(/^节点上没有工具 netstat；可用的有：ip-addr、/);
    expect(showNode(loadExample('host-gw'), 'node-1', 'ip-link-flannel').stderr).toBe('Device "flannel.1" does not exist.\n');
  });
});
