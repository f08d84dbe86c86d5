import type { Lesson } from './types';
import { hostGwVsVxlanInfo } from './catalog';
import { RACK_A, RACK_B, curlPod, node, router, webPod } from './parts';

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = hostGwVsVxlanInfo.scenarioName;

export const hostGwVsVxlan: Lesson = {
  ...hostGwVsVxlanInfo,
  steps: [
    {
      en: "node-1 is on rack-a (192.168.1.0/24) and node-2 on rack-b (192.168.2.0/24); a router joins the two racks. The cluster uses flannel's host-gw backend.",
      'zh-CN': 'node-1 位于 rack-a（192.168.1.0/24），node-2 位于 rack-b（192.168.2.0/24），两个机架之间靠一台路由器连通。集群用的是 flannel 的 host-gw 后端。',
    },
    {
      en: 'Send the first packet, client to web:80. host-gw needs the route "10.244.1.0/24 via 192.168.2.10" on node-1, but 192.168.2.10 is on no subnet node-1 is attached to, and a route\'s next hop must be directly reachable. The packet is dropped: not-l2-adjacent.',
      'zh-CN':
        '先发第一个包：client → web:80。host-gw 要在 node-1 上添加路由“10.244.1.0/24 via 192.168.2.10”，但路由的下一跳必须是直连可达的地址，而 192.168.2.10 并不在 node-1 直连的任何子网里。于是数据包被丢弃，原因是 not-l2-adjacent。',
    },
    {
      en: 'Why not hand it to the router? The router only knows 192.168.1.0/24 and 192.168.2.0/24. It has no route to the pod CIDRs, which exist only inside the cluster.',
      'zh-CN': '那为什么不干脆交给路由器？因为路由器只认识 192.168.1.0/24 和 192.168.2.0/24，没有去往 Pod 网段的路由，这些网段只存在于集群内部。',
    },
    {
      en: "Send the second packet: it first switches the cluster to VXLAN. node-1 wraps the pod's packet on flannel.1 in an outer IP/UDP header from 192.168.1.10 to 192.168.2.10, port 8472, VNI 1. The router forwards it like any packet between the two nodes, and node-2 unwraps it and bridges it to web.",
      'zh-CN':
        '第二个包发出之前，会先把集群切换成 VXLAN。node-1 在 flannel.1 上把 Pod 的数据包封装进外层 IP/UDP 头部（从 192.168.1.10 到 192.168.2.10，UDP 端口 8472，VNI 1）。在路由器看来，这只是两个节点之间的普通数据包，照常转发就行；node-2 收到后解封装，再经网桥 cni0 交给 web。',
    },
    {
      en: "The price is 50 bytes of headers on every packet, so flannel.1 has MTU 1450 on a 1500-byte link. flannel's DirectRouting option uses plain routes between nodes that share a subnet and VXLAN only between those that do not.",
      'zh-CN':
        '代价是每个数据包都多了 50 字节的头部，所以在 MTU 为 1500 的链路上，flannel.1 的 MTU 只有 1450。flannel 还有个 DirectRouting 选项：同一子网的节点之间走普通路由，只有跨子网时才用 VXLAN。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
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
