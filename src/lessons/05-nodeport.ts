import type { Lesson } from './types';
import { nodePortInfo } from './catalog';
import { RACK_A, laptop, node, router, subnet, webPod } from './parts';

const OFFICE = subnet('subnet-office', 'office', '192.168.100');

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = nodePortInfo.scenarioName;

export const nodePort: Lesson = {
  ...nodePortInfo,
  steps: [
    {
      en: "web is a NodePort Service: kube-proxy opens port 30080 on every node and sends what arrives there to the Service's endpoints. Both web pods run on node-1; node-2 has none. The laptop is on the office network, outside the cluster.",
      'zh-CN':
        'web 是一个 NodePort 类型的服务：kube-proxy 在每个节点上开放 30080 端口，把到达的流量转发给服务的端点。两个 web Pod 都在 node-1 上，node-2 上一个也没有。laptop 位于集群外的办公网络。',
    },
    {
      en: "Send the first packet, from the laptop to node-2 at 192.168.1.11:30080. KUBE-NODEPORTS matches; the packet is marked for masquerade and DNATed to a pod on node-1, so it crosses the pod network. As it leaves node-2, MASQUERADE rewrites its source to the address of the interface it leaves by, flannel.1's 10.244.1.0: the pod sees node-2, not the laptop.",
      'zh-CN':
        '先发第一个包：laptop 访问 node-2 的 192.168.1.11:30080。数据包命中 KUBE-NODEPORTS，被打上伪装（masquerade）标记 0x4000，再经目的地址转换（DNAT）改发往 node-1 上的某个 Pod，因此要穿过 Pod 网络。离开 node-2 时，MASQUERADE 做源地址转换（SNAT），把源地址改成出接口 flannel.1 的地址 10.244.1.0。所以在 Pod 看来，请求来自 node-2，而不是 laptop。',
    },
    {
      en: 'That SNAT makes the reply go back through node-2, where conntrack reverses both translations. Without it, the pod would answer the laptop directly, and the laptop would drop a reply from an address it never contacted.',
      'zh-CN':
        '正是这次 SNAT 让回包先回到 node-2，再由那里的连接跟踪（conntrack）把两次地址转换都还原。要是没有它，Pod 会直接回复 laptop，而 laptop 从没联系过这个地址，只会把回包丢掉。',
    },
    {
      en: 'The second packet sets externalTrafficPolicy: Local on the Service and sends to node-2 again. node-2 has no local endpoint, so it drops the packet instead of forwarding it to another node.',
      'zh-CN': '第二个包会先把服务的 externalTrafficPolicy 改成 Local，再发往 node-2。node-2 上没有本地端点，于是它直接丢弃数据包，不会再转给别的节点。',
    },
    {
      en: "The third packet, still under Local, goes to node-1 at 192.168.1.10:30080. The pod is on that node, so there is no SNAT: the pod sees the laptop's real address, 192.168.100.50.",
      'zh-CN':
        '第三个包仍然使用 Local 策略，这次发往 node-1 的 192.168.1.10:30080。Pod 就在这个节点上，用不着 SNAT：Pod 看到的正是 laptop 的真实地址 192.168.100.50。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
    subnets: [RACK_A, OFFICE],
    routers: [router('router-edge', 'edge-router', [RACK_A, OFFICE])],
    nodes: [node(1, RACK_A, 10), node(2, RACK_A, 11)],
    pods: [webPod('pod-web-1', 'web-1', 'node-1'), webPod('pod-web-2', 'web-2', 'node-1')],
    clients: [laptop(OFFICE, 50)],
    services: [
      {
        id: 'svc-web',
        name: 'web',
        type: 'NodePort',
        clusterIP: '10.96.0.20',
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      },
    ],
  },
  packets: [
    {
      id: 'cluster-policy',
      label: { en: 'Cluster: laptop → node-2:30080 (no pod there)', 'zh-CN': 'Cluster：laptop → node-2:30080（该节点没有 Pod）' },
      from: 'laptop',
      to: '192.168.1.11',
      port: 30080,
      change: { kind: 'service', service: 'svc-web', set: { externalTrafficPolicy: 'Cluster' } },
      expect: 'delivered',
      expectAt: ['pod-web-1', 'pod-web-2'],
    },
    {
      id: 'local-policy-empty-node',
      label: { en: 'Local: laptop → node-2:30080', 'zh-CN': 'Local：laptop → node-2:30080' },
      from: 'laptop',
      to: '192.168.1.11',
      port: 30080,
      change: { kind: 'service', service: 'svc-web', set: { externalTrafficPolicy: 'Local' } },
      expect: 'dropped',
      expectCode: 'no-local-endpoints',
    },
    {
      id: 'local-policy-pod-node',
      label: { en: 'Local: laptop → node-1:30080 (client IP kept)', 'zh-CN': 'Local：laptop → node-1:30080（保留客户端 IP）' },
      from: 'laptop',
      to: '192.168.1.10',
      port: 30080,
      change: { kind: 'service', service: 'svc-web', set: { externalTrafficPolicy: 'Local' } },
      expect: 'delivered',
      expectAt: ['pod-web-1', 'pod-web-2'],
    },
  ],
};
