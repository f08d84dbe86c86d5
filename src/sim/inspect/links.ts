/**
 * The interfaces of each network namespace in a scenario (a node's root netns, a pod's netns, a
 * router, an outside host), in ifindex order, with the addresses and MACs the dataplane uses. The
 * `ip` and `bridge` printers in iproute.ts read this.
 */
import type { ClientHost, Node, Pod, Router } from '../model/schema';
import type { Topology } from '../model/topology';
import { bridgeGateway } from '../net/ipam';
import { broadcastAddress, parseCidr } from '../net/cidr';

import { FLANNEL_VXLAN_DEV } from '../dataplane/routing';
import { VXLAN_OVERHEAD } from '../dataplane/overlay';
import { ipvsAddresses, IPVS_DEV } from '../dataplane/kubeproxy-ipvs';
import { CALI_MAC, CALICO_VXLAN_DEV, CALICO_VXLAN_OVERHEAD, IPIP_DEV, IPIP_OVERHEAD, tunnelAddress } from '../dataplane/calico-net';
import { caliName, calicoVtepMac } from '../dataplane/cali-name';
import { bytes, bridgeMac, hostVethMac, ipvsDummyMac, nicMac, podMac, vtepMacOf } from '../dataplane/macs';
import { vethName, vtepAddress } from '../dataplane/device-names';

export interface Addr {
  ip: string;
  prefix: number;
  brd?: string;
}

export interface Link {
  index: number;
  name: string;
  /** `@ifN` / `@peer` suffix for veths. */
  peer?: string;
  kind: 'loopback' | 'ether' | 'bridge' | 'veth' | 'vxlan' | 'dummy' | 'ipip';
  mac: string;
  mtu: number;
  up: boolean;
  master?: string;
  /** link-netns / link-netnsid text of a veth. */
  netns?: string;
  addrs: Addr[];
  /** IPv6 link-local (only for interfaces that are up and not loopback). */
  ipv6: boolean;
  /** The pod behind a host-side veth. */
  pod?: Pod;
}

function addr(ip: string, cidr: string, brd = true): Addr {
  const c = parseCidr(cidr);
  return { ip, prefix: c.prefix, ...(brd && c.prefix < 31 ? { brd: broadcastAddress(cidr) } : {}) };
}

/** The name containerd gives a pod's netns: cni-<uuid> (deterministic here). */
export function podNetnsName(pod: Pick<Pod, 'id'>): string {
  const a = bytes(`netns:${pod.id}`, 16)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return `cni-${a.slice(0, 8)}-${a.slice(8, 12)}-${a.slice(12, 16)}-${a.slice(16, 20)}-${a.slice(20, 32)}`;
}

export function podMtu(t: Topology): number {
  const { cni, mtu, flannelBackend, calicoMode } = t.scenario.cluster;
  if (cni === 'calico') return calicoMode === 'ipip' ? mtu - IPIP_OVERHEAD : calicoMode === 'vxlan' ? mtu - CALICO_VXLAN_OVERHEAD : mtu;
  return flannelBackend === 'vxlan' ? mtu - VXLAN_OVERHEAD : mtu;
}

const LO: Link = {
  index: 1,
  name: 'lo',
  kind: 'loopback',
  mac: '00:00:00:00:00:00',
  mtu: 65536,
  up: true,
  addrs: [{ ip: '127.0.0.1', prefix: 8 }],
  ipv6: false,
};

/** A pod's eth0 is ifindex 2 in its netns; its peer is numbered in the node's list. */
export const POD_ETH0_INDEX = 2;

export function nodeLinks(t: Topology, node: Node): Link[] {
  const out: Link[] = [LO];
  const subnet = t.subnets.get(node.subnet);
  const { cni, mtu, kubeProxyMode, flannelBackend, calicoMode } = t.scenario.cluster;
  const inner = podMtu(t);
  out.push({
    index: 2,
    name: 'eth0',
    kind: 'ether',
    mac: nicMac(node.id),
    mtu,
    up: true,
    addrs: [subnet ? addr(node.ip, subnet.cidr) : { ip: node.ip, prefix: 32 }],
    ipv6: true,
  });
  if (kubeProxyMode === 'ipvs') {
    out.push({
      index: out.length + 1,
      name: IPVS_DEV,
      kind: 'dummy',
      mac: ipvsDummyMac(node),
      mtu: 1500,
      up: false,
      addrs: [...ipvsAddresses(t)].map((ip) => ({ ip, prefix: 32 })),
      ipv6: false,
    });
  }
  if (cni === 'flannel' && flannelBackend === 'vxlan') {
    out.push({
      index: out.length + 1,
      name: FLANNEL_VXLAN_DEV,
      kind: 'vxlan',
      mac: vtepMacOf(node),
      mtu: inner,
      up: true,
      addrs: [{ ip: vtepAddress(node), prefix: 32 }],
      ipv6: true,
    });
  }
  const pods = t.podsByNode.get(node.id) ?? [];
  if (cni === 'calico') {
    // Calico: no bridge; a tunnel device for IPIP/VXLAN, and per pod a cali veth with the fixed MAC ee:ee:ee:ee:ee:ee.
    if (calicoMode === 'ipip')
      out.push({
        index: out.length + 1,
        name: IPIP_DEV,
        kind: 'ipip',
        mac: '',
        mtu: inner,
        up: true,
        addrs: [{ ip: tunnelAddress(t, node), prefix: 32 }],
        ipv6: false,
      });
    if (calicoMode === 'vxlan')
      out.push({
        index: out.length + 1,
        name: CALICO_VXLAN_DEV,
        kind: 'vxlan',
        mac: calicoVtepMac(node),
        mtu: inner,
        up: true,
        addrs: [{ ip: tunnelAddress(t, node), prefix: 32 }],
        ipv6: true,
      });
    for (const pod of pods) {
      out.push({
        index: out.length + 1,
        name: caliName(pod),
        peer: `if${POD_ETH0_INDEX}`,
        kind: 'veth',
        mac: CALI_MAC,
        mtu: inner,
        up: true,
        netns: `link-netns ${podNetnsName(pod)}`,
        addrs: [],
        ipv6: true,
        pod,
      });
    }
  } else if (pods.length > 0) {
    out.push({
      index: out.length + 1,
      name: 'cni0',
      kind: 'bridge',
      mac: bridgeMac(node),
      mtu: inner,
      up: true,
      addrs: [addr(bridgeGateway(node.podCidr), node.podCidr)],
      ipv6: true,
    });
    for (const pod of pods) {
      out.push({
        index: out.length + 1,
        name: vethName(pod),
        peer: `if${POD_ETH0_INDEX}`,
        kind: 'veth',
        mac: hostVethMac(pod),
        mtu: inner,
        up: true,
        master: 'cni0',
        netns: `link-netns ${podNetnsName(pod)}`,
        addrs: [],
        ipv6: true,
        pod,
      });
    }
  }
  return out;
}

/** The ifindex of a pod's host-side veth on its node. */
export function vethIndex(t: Topology, pod: Pod): number {
  const node = t.nodes.get(pod.node);
  if (!node) return 0;
  return nodeLinks(t, node).find((l) => l.pod?.id === pod.id)?.index ?? 0;
}

export function podLinks(t: Topology, pod: Pod): Link[] {
  const node = t.nodes.get(pod.node);
  const eth0: Link = {
    index: POD_ETH0_INDEX,
    name: 'eth0',
    peer: `if${vethIndex(t, pod)}`,
    kind: 'veth',
    mac: podMac(pod),
    mtu: podMtu(t),
    up: true,
    netns: 'link-netnsid 0',
    addrs: [node ? addr(pod.ip, node.podCidr) : { ip: pod.ip, prefix: 32 }],
    ipv6: true,
  };
  return [LO, eth0];
}

export function routerLinks(t: Topology, router: Router): Link[] {
  const out: Link[] = [LO];
  router.interfaces.forEach((i, n) => {
    const s = t.subnets.get(i.subnet);
    out.push({
      index: n + 2,
      name: `eth${n}`,
      kind: 'ether',
      mac: nicMac(router.id, n),
      mtu: t.scenario.cluster.mtu,
      up: true,
      addrs: [s ? addr(i.ip, s.cidr) : { ip: i.ip, prefix: 32 }],
      ipv6: true,
    });
  });
  return out;
}

export function clientLinks(t: Topology, client: ClientHost): Link[] {
  const s = t.subnets.get(client.subnet);
  return [
    LO,
    {
      index: 2,
      name: 'eth0',
      kind: 'ether',
      mac: nicMac(client.id),
      mtu: t.scenario.cluster.mtu,
      up: true,
      addrs: [s ? addr(client.ip, s.cidr) : { ip: client.ip, prefix: 32 }],
      ipv6: true,
    },
  ];
}
