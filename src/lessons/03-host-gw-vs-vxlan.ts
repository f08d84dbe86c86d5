import type { Lesson } from './types';
import { RACK_A, RACK_B, curlPod, node, router, webPod } from './parts';

export const hostGwVsVxlan: Lesson = {
  id: 'host-gw-vs-vxlan',
  number: 3,
  title: { en: 'Nodes on different subnets: host-gw fails, VXLAN works', 'zh-CN': '节点在不同子网：host-gw 不通，VXLAN 可行' },
  summary: {
    en: 'Must the nodes share a subnet? For host-gw, yes. Send the packet and see, then switch flannel to VXLAN and send it again.',
    'zh-CN': '节点必须在同一子网吗？对 host-gw 来说是的。发个包看看，然后把 flannel 切换到 VXLAN 再发一次。',
  },
  steps: [
    {
      en: 'node-1 is on rack-a (192.168.1.0/24) and node-2 on rack-b (192.168.2.0/24); a router joins the two racks. The cluster uses flannel\'s host-gw backend.',
      'zh-CN': 'node-1 在 rack-a（192.168.1.0/24），node-2 在 rack-b（192.168.2.0/24），两个机架由一台路由器相连。集群使用 flannel 的 host-gw 后端。',
    },
    {
      en: 'Send the first packet, client to web:80. host-gw needs the route "10.244.1.0/24 via 192.168.2.10" on node-1, but 192.168.2.10 is on no subnet node-1 is attached to, and a route\'s next hop must be directly reachable. The packet is dropped: not-l2-adjacent.',
      'zh-CN': '发送第一个包：client 到 web:80。host-gw 需要在 node-1 上安装路由“10.244.1.0/24 via 192.168.2.10”，但 192.168.2.10 不在 node-1 直连的任何子网上，而路由的下一跳必须直接可达。包被丢弃：not-l2-adjacent。',
    },
    {
      en: 'Why not hand it to the router? The router only knows 192.168.1.0/24 and 192.168.2.0/24. It has no route to the pod CIDRs, which exist only inside the cluster.',
      'zh-CN': '为什么不交给路由器？路由器只知道 192.168.1.0/24 和 192.168.2.0/24，没有去往 Pod 网段的路由，这些网段只存在于集群内部。',
    },
    {
      en: 'Send the second packet: it first switches the cluster to VXLAN. node-1 wraps the pod\'s packet on flannel.1 in an outer IP/UDP header from 192.168.1.10 to 192.168.2.10, port 8472, VNI 1. The router forwards it like any packet between the two nodes, and node-2 unwraps it and bridges it to web.',
      'zh-CN': '发送第二个包：它会先把集群切换为 VXLAN。node-1 在 flannel.1 上给 Pod 的包套上外层 IP/UDP 头：从 192.168.1.10 到 192.168.2.10，端口 8472，VNI 1。路由器像转发任何两节点之间的包一样转发它，node-2 解封装后经网桥交给 web。',
    },
    {
      en: 'The price is 50 bytes of headers on every packet, so flannel.1 has MTU 1450 on a 1500-byte link. flannel\'s DirectRouting option uses plain routes between nodes that share a subnet and VXLAN only between those that do not.',
      'zh-CN': '代价是每个包多出 50 字节的头部，所以在 1500 字节的链路上 flannel.1 的 MTU 是 1450。flannel 的 DirectRouting 选项在同一子网的节点之间使用普通路由，只在跨子网的节点之间使用 VXLAN。',
    },
  ],
  scenario: {
    version: 1,
    name: 'Lesson 3: nodes on two subnets',
    cluster: { flannelBackend: 'host-gw' },
    subnets: [RACK_A, RACK_B],
    routers: [router('router-core', 'core-router', [RACK_A, RACK_B])],
    nodes: [node(1, RACK_A, 10), node(2, RACK_B, 10)],
    pods: [curlPod('node-1'), webPod('pod-web', 'web', 'node-2')],
  },
  packets: [
    {
      id: 'host-gw-fails',
      label: { en: 'host-gw: client → web:80 across subnets', 'zh-CN': 'host-gw：client → web:80（跨子网）' },
      from: 'pod-client',
      to: 'pod-web',
      port: 80,
      change: { kind: 'cluster', set: { flannelBackend: 'host-gw' } },
      expect: 'dropped',
      expectCode: 'not-l2-adjacent',
    },
    {
      id: 'vxlan-works',
      label: { en: 'Switch to VXLAN, then client → web:80', 'zh-CN': '切换到 VXLAN，再发 client → web:80' },
      from: 'pod-client',
      to: 'pod-web',
      port: 80,
      change: { kind: 'cluster', set: { flannelBackend: 'vxlan' } },
      expect: 'delivered',
      expectAt: ['pod-web'],
    },
  ],
};
