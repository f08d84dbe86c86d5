import type { Lesson } from './types';
import { hostGwInfo } from './catalog';
import { RACK_A_ISOLATED as RACK_A, curlPod, node, webPod } from './parts';

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = hostGwInfo.scenarioName;

export const hostGw: Lesson = {
  ...hostGwInfo,
  steps: [
    {
      en: "Each node owns a slice of the cluster pod CIDR 10.244.0.0/16: node-1 has 10.244.0.0/24 and node-2 has 10.244.1.0/24. A pod gets its IP from its own node's slice.",
      'zh-CN': '每个节点拥有集群 Pod 网段 10.244.0.0/16 中的一段：node-1 是 10.244.0.0/24，node-2 是 10.244.1.0/24。Pod 的 IP 从所在节点的那一段中分配。',
    },
    {
      en: "Send the packet from client (on node-1) to web (on node-2), port 80. The destination is outside client's pod CIDR, so client sends it to its gateway 10.244.0.1 on cni0, and it enters node-1's routing table.",
      'zh-CN':
        '从 node-1 上的 client 向 node-2 上的 web 的 80 端口发包。目的地址不在 client 的 Pod 网段内，所以 client 把包发给 cni0 上的网关 10.244.0.1，包进入 node-1 的路由表。',
    },
    {
      en: 'flannel host-gw has installed the route "10.244.1.0/24 via 192.168.1.11 dev eth0" on node-1. node-1 resolves 192.168.1.11 with ARP and sends the packet, unchanged, to node-2\'s MAC address on rack-a: the source is still the pod IP, with no encapsulation and no NAT.',
      'zh-CN':
        'flannel host-gw 已在 node-1 上安装路由“10.244.1.0/24 via 192.168.1.11 dev eth0”。node-1 通过 ARP 解析 192.168.1.11，把包原封不动地发给 rack-a 上 node-2 的 MAC 地址：源地址仍是 Pod IP，没有封装，也没有 NAT。',
    },
    {
      en: "node-2 has the connected route 10.244.1.0/24 dev cni0 for its own pods, so it bridges the packet to web through web's veth pair. Each node that routes the packet lowers its TTL by one. The reply comes back the mirror-image way.",
      'zh-CN':
        'node-2 上有直连路由 10.244.1.0/24 dev cni0 指向本节点的 Pod，于是经 web 的 veth 对把包交给 web。每个转发这个包的节点都会把 TTL 减一。回包沿镜像路径返回。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
    cluster: { flannelBackend: 'host-gw' },
    subnets: [RACK_A],
    nodes: [node(1, RACK_A, 10), node(2, RACK_A, 11)],
    pods: [curlPod('node-1'), webPod('pod-web', 'web', 'node-2')],
  },
  packets: [
    {
      id: 'across-nodes',
      label: { en: 'client (node-1) → web:80 (node-2)', 'zh-CN': 'client（node-1）→ web:80（node-2）' },
      from: 'pod-client',
      to: 'pod-web',
      port: 80,
      expect: 'delivered',
      expectAt: ['pod-web'],
    },
  ],
};
