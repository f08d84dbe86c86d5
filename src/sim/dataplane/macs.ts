/**
 * MAC addresses of every interface in a scenario, deterministic per scenario (derived from element
 * ids) but shaped as the real ones are:
 * - veth ends, cni0 and flannel.1 get random, locally administered unicast MACs, as the kernel's
 *   eth_random_addr() gives them (the CNI plugins stopped deriving pod MACs from the IP, `0a:58:<ip>`,
 *   in v0.7.0; the bridge plugin then pins cni0's own random MAC so it does not follow its ports:
 *   plugins/main/bridge/bridge.go, "Set the bridge's MAC to itself");
 * - node, router, client and load balancer NICs get ordinary vendor MACs (52:54:00 is the QEMU/KVM
 *   virtio prefix most cloud and lab VMs show).
 */
import type { Node, Pod } from '../model/schema';
import ipaddr from 'ipaddr.js';
import { createRng, stableHash } from '../trace/rng';

const hex2 = (n: number) => (n & 255).toString(16).padStart(2, '0');

/** `n` random-looking bytes, the same for the same key (a seeded generator, so near keys differ everywhere). */
export function bytes(key: string, n: number): number[] {
  const rng = createRng(stableHash(key));
  return Array.from({ length: n }, () => rng.int(0, 255));
}

/** eth_random_addr(): random bytes, multicast bit cleared, locally-administered bit set. */
export function randomMac(key: string): string {
  const b = bytes(key, 6);
  b[0] = (b[0]! & 0xfe) | 0x02;
  return b.map(hex2).join(':');
}

/** An ordinary NIC's MAC (QEMU/KVM OUI 52:54:00). `index` is the interface number (eth0 = 0). */
export function nicMac(elementId: string, index = 0): string {
  return ['52', '54', '00', ...bytes(`nic:${elementId}:${index}`, 3).map(hex2)].join(':');
}

/** The pod's eth0 (the container end of its veth pair). */
export function podMac(pod: Pick<Pod, 'id'>): string {
  return randomMac(`pod:${pod.id}:eth0`);
}

/** The host end of the pod's veth pair (a port of cni0). */
export function hostVethMac(pod: Pick<Pod, 'id'>): string {
  return randomMac(`pod:${pod.id}:veth`);
}

export function bridgeMac(node: Pick<Node, 'id'>): string {
  return randomMac(`node:${node.id}:cni0`);
}

export function vtepMacOf(node: Pick<Node, 'id'>): string {
  return randomMac(`node:${node.id}:flannel.1`);
}

export function ipvsDummyMac(node: Pick<Node, 'id'>): string {
  return randomMac(`node:${node.id}:kube-ipvs0`);
}

/** The IPv6 link-local address the kernel derives from a MAC (addrgenmode eui64), as ip prints it. */
export function linkLocal6(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] = b[0]! ^ 0x02;
  const words = [(b[0]! << 8) | b[1]!, (b[2]! << 8) | 0xff, (0xfe << 8) | b[3]!, (b[4]! << 8) | b[5]!];
  return ipaddr.IPv6.parse(`fe80::${words.map((w) => w.toString(16)).join(':')}`).toString();
}

/** The solicited-node multicast MAC of an address's last 3 bytes (33:33:ff:xx:xx:xx). */
export function solicitedNodeMac(mac: string): string {
  return `33:33:ff:${mac.split(':').slice(3).join(':')}`;
}
