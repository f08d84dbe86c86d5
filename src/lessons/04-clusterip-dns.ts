import type { Lesson } from './types';
import { clusterIpDnsInfo } from './catalog';
import type { PodDoc } from './parts';
import { RACK_A_ISOLATED as RACK_A, curlPod, node, webPod } from './parts';

/** CoreDNS as kubeadm deploys it: label k8s-app=kube-dns, DNS on 53 UDP and TCP, metrics on 9153. */
function corednsPod(n: number, onNode: string): PodDoc {
  return {
    id: `pod-coredns-${n}`,
    name: `coredns-${n}`,
    namespace: 'kube-system',
    node: onNode,
    labels: { 'k8s-app': 'kube-dns' },
    containers: [
      {
        name: 'coredns',
        image: 'registry.k8s.io/coredns/coredns:v1.11.3',
        ports: [
          { name: 'dns', containerPort: 53, protocol: 'UDP' },
          { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
          { name: 'metrics', containerPort: 9153 },
        ],
      },
    ],
  };
}

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = clusterIpDnsInfo.scenarioName;

export const clusterIpDns: Lesson = {
  ...clusterIpDnsInfo,
  steps: [
    {
      en: 'The Service web selects the pods labelled app=web, so web-1, web-2 and web-3 are its endpoints. Its ClusterIP 10.96.0.20 is on no interface: it exists only in the rules kube-proxy writes on every node.',
      'zh-CN':
        '服务 web 用选择器 app=web 选中带这个标签的 Pod，所以 web-1、web-2、web-3 是它的端点。它的 ClusterIP 10.96.0.20 不在任何网卡上，只存在于 kube-proxy 在每个节点上写下的规则里。',
    },
    {
      en: 'Send the first packet, from client to web.default.svc.cluster.local port 80. The pod first asks the cluster DNS, kube-dns at 10.96.0.10 (itself a Service in front of the CoreDNS pods), and gets the answer 10.96.0.20.',
      'zh-CN':
        '发送第一个包：从 client 到 web.default.svc.cluster.local 的 80 端口。Pod 先询问集群 DNS，即 10.96.0.10 上的 kube-dns（它本身也是一个服务，后端是 CoreDNS Pod），得到答案 10.96.0.20。',
    },
    {
      en: "Then it connects to 10.96.0.20:80. On client's node, nat PREROUTING jumps to KUBE-SERVICES, which matches 10.96.0.20:80 and jumps to the Service's KUBE-SVC chain. With three endpoints, the first rule matches with probability 1/3, the second with 1/2 of what is left, the last always: each pod gets a third. The chosen KUBE-SEP chain DNATs the packet to that pod's IP and port.",
      'zh-CN':
        '然后连接 10.96.0.20:80。在 client 所在的节点上，nat 表的 PREROUTING 跳到 KUBE-SERVICES，匹配 10.96.0.20:80 后跳到这个服务的 KUBE-SVC 链。有三个端点时，第一条规则以 1/3 的概率命中，第二条以剩余部分的 1/2 命中，最后一条无条件命中：每个 Pod 各得三分之一。被选中的 KUBE-SEP 链把包 DNAT 到那个 Pod 的 IP 和端口。',
    },
    {
      en: 'The reply passes conntrack on the same node, which reverses the DNAT: client sees the answer come from 10.96.0.20, the address it connected to. Send 20 requests to watch the spread over the three pods; with sessionAffinity ClientIP on the Service, they all go to one pod.',
      'zh-CN':
        '回包经过同一节点上的 conntrack，DNAT 被反向还原：client 看到回复来自它所连接的 10.96.0.20。发送 20 个请求，观察它们在三个 Pod 之间的分布；如果把服务的 sessionAffinity 设为 ClientIP，它们会全部落到同一个 Pod。',
    },
    {
      en: 'Send the last packet, to shop.default.svc.cluster.local: no Service has that name, so DNS answers NXDOMAIN and no connection is made.',
      'zh-CN': '发送最后一个包，目的地是 shop.default.svc.cluster.local：没有叫这个名字的服务，DNS 返回 NXDOMAIN，连接不会发起。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
    subnets: [RACK_A],
    nodes: [node(1, RACK_A, 10), node(2, RACK_A, 11)],
    pods: [
      curlPod('node-1'),
      webPod('pod-web-1', 'web-1', 'node-1'),
      webPod('pod-web-2', 'web-2', 'node-2'),
      webPod('pod-web-3', 'web-3', 'node-2'),
      corednsPod(1, 'node-1'),
      corednsPod(2, 'node-2'),
    ],
    services: [
      {
        id: 'svc-kube-dns',
        name: 'kube-dns',
        namespace: 'kube-system',
        clusterIP: '10.96.0.10',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [
          { name: 'dns', port: 53, targetPort: 'dns', protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, targetPort: 'dns-tcp', protocol: 'TCP' },
        ],
      },
      { id: 'svc-web', name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    ],
  },
  packets: [
    {
      id: 'by-name',
      label: { en: 'client → web.default.svc.cluster.local:80', 'zh-CN': 'client → web.default.svc.cluster.local:80' },
      from: 'pod-client',
      to: 'web.default.svc.cluster.local',
      port: 80,
      expect: 'delivered',
      expectAt: ['pod-web-1', 'pod-web-2', 'pod-web-3'],
    },
    {
      id: 'by-cluster-ip',
      label: { en: 'client → 10.96.0.20:80 (the ClusterIP, no DNS)', 'zh-CN': 'client → 10.96.0.20:80（直接用 ClusterIP，不查 DNS）' },
      from: 'pod-client',
      to: '10.96.0.20',
      port: 80,
      expect: 'delivered',
      expectAt: ['pod-web-1', 'pod-web-2', 'pod-web-3'],
    },
    {
      id: 'nxdomain',
      label: { en: 'client → shop.default.svc.cluster.local:80 (no such Service)', 'zh-CN': 'client → shop.default.svc.cluster.local:80（没有这个服务）' },
      from: 'pod-client',
      to: 'shop.default.svc.cluster.local',
      port: 80,
      expect: 'dropped',
      expectCode: 'nxdomain',
    },
  ],
};
