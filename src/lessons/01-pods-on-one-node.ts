import type { Lesson } from './types';
import { podsOnOneNodeInfo } from './catalog';
import { RACK_A_ISOLATED as RACK_A, curlPod, node, webPod } from './parts';

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = podsOnOneNodeInfo.scenarioName;

export const podsOnOneNode: Lesson = {
  ...podsOnOneNodeInfo,
  steps: [
    {
      en: "Every pod has its own network namespace, created and held by its pause container. The CNI bridge plugin connects it to the node with a veth pair: one end is eth0 inside the pod, the other end (vethXXXXXXXX) is plugged into the node's cni0 bridge.",
      'zh-CN':
        '每个 Pod 都有自己的网络命名空间，由它的 pause 容器创建并持有。CNI 的 bridge 插件用一对 veth 把它接到节点上：一端是 Pod 里的 eth0，另一端（vethXXXXXXXX）插在节点的 cni0 网桥上。',
    },
    {
      en: "Send the first packet, from client to web on port 80. Both pods have addresses in node-1's pod CIDR 10.244.0.0/24, so client sends the frame straight out of eth0: through its veth pair, across the cni0 bridge, and down web's veth pair. No route on the node is used and no address changes.",
      'zh-CN':
        '发送第一个包：从 client 到 web 的 80 端口。两个 Pod 的地址都在 node-1 的 Pod 网段 10.244.0.0/24 内，所以 client 直接从 eth0 发出帧：经过自己的 veth 对，穿过 cni0 网桥，再经 web 的 veth 对到达 web。节点的路由表没有参与，地址也没有任何改变。',
    },
    {
      en: "cni0 holds the gateway address 10.244.0.1. A pod sends to it only for destinations outside its own pod CIDR; the packet then enters the node's routing table, as in lessons 2 and 3.",
      'zh-CN':
        'cni0 上配置着网关地址 10.244.0.1。只有目的地址不在本节点 Pod 网段内时，Pod 才把包发给这个网关，包随后进入节点的路由表，第 2、3 课会看到这一过程。',
    },
    {
      en: "Send the second packet: in the pod shop, the app container connects to 127.0.0.1:6379, where the pod's cache container (Redis) listens. All containers of a pod share one network namespace, so localhost reaches the other container over lo and the packet never leaves the pod.",
      'zh-CN':
        '发送第二个包：在 Pod shop 中，app 容器连接 127.0.0.1:6379，同一 Pod 的 cache 容器（Redis）在这个端口监听。一个 Pod 的所有容器共享同一个网络命名空间，所以经 lo 用 localhost 就能到达另一个容器，包根本不会离开 Pod。',
    },
    {
      en: "Send the third packet, to web on port 8080: nothing listens there, so web's kernel refuses the connection with a TCP RST. For the same reason, two containers of one pod cannot both listen on the same port.",
      'zh-CN':
        '发送第三个包，发往 web 的 8080 端口：那里没有进程监听，web 的内核用 TCP RST 拒绝连接。也正因为共享网络命名空间，同一 Pod 的两个容器不能监听同一个端口。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
    subnets: [RACK_A],
    nodes: [node(1, RACK_A, 10)],
    pods: [
      curlPod('node-1'),
      webPod('pod-web', 'web', 'node-1'),
      {
        id: 'pod-shop',
        name: 'shop',
        node: 'node-1',
        labels: { app: 'shop' },
        containers: [
          { name: 'app', image: 'shop-app:1.0', ports: [{ name: 'http', containerPort: 8080 }] },
          { name: 'cache', image: 'redis:7', ports: [{ name: 'redis', containerPort: 6379 }] },
        ],
      },
    ],
  },
  packets: [
    {
      id: 'pod-to-pod',
      label: { en: 'client → web:80 (same node)', 'zh-CN': 'client → web:80（同一节点）' },
      from: 'pod-client',
      to: 'pod-web',
      port: 80,
      expect: 'delivered',
      expectAt: ['pod-web'],
    },
    {
      id: 'localhost',
      label: { en: 'shop → 127.0.0.1:6379 (container to container)', 'zh-CN': 'shop → 127.0.0.1:6379（容器之间）' },
      from: 'pod-shop',
      to: '127.0.0.1',
      port: 6379,
      expect: 'delivered',
      expectAt: ['pod-shop'],
    },
    {
      id: 'closed-port',
      label: { en: 'client → web:8080 (nothing listens)', 'zh-CN': 'client → web:8080（无人监听）' },
      from: 'pod-client',
      to: 'pod-web',
      port: 8080,
      expect: 'dropped',
      expectCode: 'port-closed',
    },
  ],
};
