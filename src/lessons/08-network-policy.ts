import type { Lesson, PolicyDoc } from './types';
import { networkPolicyInfo } from './catalog';

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = networkPolicyInfo.scenarioName;
import type { PodDoc } from './parts';
import { RACK_A_ISOLATED as RACK_A, node } from './parts';

function coredns(n: number, onNode: string): PodDoc {
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
        ],
      },
    ],
  };
}

const curl = (id: string, name: string, onNode: string, role: string): PodDoc => ({
  id,
  name,
  node: onNode,
  labels: { role },
  containers: [{ name: 'curl', image: 'curlimages/curl' }],
});

/** Egress to CoreDNS only: pods in kube-system labelled k8s-app=kube-dns (one peer: AND), on port 53. */
const allowDns: PolicyDoc = {
  id: 'np-allow-dns',
  name: 'allow-dns',
  namespace: 'shop',
  spec: {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
    ],
  },
};

/** One peer with both selectors: role=client pods *in* team=frontend namespaces. */
const webIngressAnd: PolicyDoc = {
  id: 'np-web-ingress',
  name: 'web-ingress',
  namespace: 'shop',
  spec: {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [
      { from: [{ namespaceSelector: { matchLabels: { team: 'frontend' } }, podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 80 }] },
    ],
  },
};

/** Two peers: any pod of a team=frontend namespace, *or* role=client pods of shop itself. */
const webIngressOr: PolicyDoc = {
  ...webIngressAnd,
  spec: {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [
      { from: [{ namespaceSelector: { matchLabels: { team: 'frontend' } } }, { podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 80 }] },
    ],
  },
};

export const networkPolicy: Lesson = {
  ...networkPolicyInfo,
  steps: [
    {
      en: "The cluster runs Calico, which enforces NetworkPolicy on each pod's cali interface. The namespace shop has default-deny-all: it selects every pod of shop (podSelector {}) for Ingress and Egress and allows nothing. Only web → api on 8080 is allowed, by two policies (web's egress and api's ingress). Send web → api:8080 by name: the DNS query to kube-dns is egress too, and nothing allows it, so Calico drops it in web's cali-fw chain and the connection never starts.",
      'zh-CN':
        '集群使用 Calico，它在每个 Pod 的 cali 网卡上执行 NetworkPolicy。命名空间 shop 里有 default-deny-all：它选中 shop 的所有 Pod（podSelector {}），同时隔离入站和出站，却什么也不放行。只有 web → api 的 8080 被两条策略放行（web 的出站和 api 的入站）。按名字发送 web → api:8080：发往 kube-dns 的 DNS 查询也是出站流量，没有规则放行它，于是 Calico 在 web 的 cali-fw 链里丢弃它，连接根本没有开始。',
    },
    {
      en: 'Policies add up. The second packet first adds allow-dns: egress from every pod of shop to pods labelled k8s-app=kube-dns in the namespace kube-system (namespaceSelector and podSelector in one item: both must match), on port 53. Now the lookup passes, the hop names the rule that allowed it, and the connection to api goes through. The replies need no rule: conntrack lets the answers of an allowed connection back in.',
      'zh-CN':
        '策略是叠加的。第二个包先添加 allow-dns：允许 shop 的所有 Pod 出站访问命名空间 kube-system 中带 k8s-app=kube-dns 标签的 Pod（namespaceSelector 和 podSelector 写在同一个条目里：两者都要满足），端口 53。现在查询能通过，跳点上写明了放行它的规则，到 api 的连接也成功了。回包不需要规则：conntrack 会让已放行连接的应答回来。',
    },
    {
      en: 'web-ingress admits role=client pods in namespaces labelled team=frontend, written as ONE item with both selectors: AND. client (role=client in default, which has team=frontend) gets in; tester (role=tester in the same namespace) is denied, and the drop names web-ingress and default-deny-all as the isolating policies.',
      'zh-CN':
        'web-ingress 放行 team=frontend 命名空间中 role=client 的 Pod，写成一个条目、两个选择器：这是“与”。client（在带 team=frontend 的 default 命名空间，role=client）可以进入；同一命名空间的 tester（role=tester）被拒绝，丢包原因列出了隔离它的策略 web-ingress 和 default-deny-all。',
    },
    {
      en: 'The same selectors as TWO items (a "-" before podSelector) mean OR: any pod of a team=frontend namespace, or role=client pods of shop itself. Now tester gets in too. One character in the YAML changed who may connect.',
      'zh-CN':
        '同样的选择器写成两个条目（podSelector 前多一个“-”）就变成“或”：team=frontend 命名空间中的任何 Pod，或者 shop 自己命名空间里 role=client 的 Pod。现在 tester 也能进来了。YAML 里一个字符的差别，改变了谁能连接。',
    },
    {
      en: 'api admits only web, so tester → api:8080 is denied on Calico. The last packet switches the cluster to flannel: the policies are still in the API, but flannel does not implement NetworkPolicy, so the packet is delivered and the trace says once that the policies have no effect.',
      'zh-CN':
        'api 只放行 web，所以在 Calico 上 tester → api:8080 被拒绝。最后一个包把集群切换到 flannel：策略仍然在 API 里，但 flannel 不实现 NetworkPolicy，所以这个包被送达，追踪结果会说明一次：这些策略不起作用。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
    cluster: { cni: 'calico', calicoMode: 'ipip' },
    subnets: [RACK_A],
    nodes: [node(1, RACK_A, 10), node(2, RACK_A, 11)],
    namespaces: [{ name: 'shop', labels: { team: 'shop' } }, { name: 'default', labels: { team: 'frontend' } }, { name: 'kube-system' }],
    pods: [
      coredns(1, 'node-1'),
      coredns(2, 'node-2'),
      {
        id: 'pod-web',
        name: 'web',
        namespace: 'shop',
        node: 'node-1',
        labels: { app: 'web' },
        containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }],
      },
      {
        id: 'pod-api',
        name: 'api',
        namespace: 'shop',
        node: 'node-2',
        labels: { app: 'api' },
        containers: [{ name: 'api', image: 'example/api:1', ports: [{ name: 'http', containerPort: 8080 }] }],
      },
      curl('pod-client', 'client', 'node-1', 'client'),
      curl('pod-tester', 'tester', 'node-2', 'tester'),
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
      {
        id: 'svc-web',
        name: 'web',
        namespace: 'shop',
        clusterIP: '10.96.0.20',
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      },
      {
        id: 'svc-api',
        name: 'api',
        namespace: 'shop',
        clusterIP: '10.96.0.30',
        selector: { app: 'api' },
        ports: [{ name: 'http', port: 8080, targetPort: 'http' }],
      },
    ],
    networkPolicies: [
      { id: 'np-default-deny-all', name: 'default-deny-all', namespace: 'shop', spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
      {
        id: 'np-web-to-api',
        name: 'web-to-api',
        namespace: 'shop',
        spec: {
          podSelector: { matchLabels: { app: 'web' } },
          policyTypes: ['Egress'],
          egress: [{ to: [{ podSelector: { matchLabels: { app: 'api' } } }], ports: [{ port: 8080 }] }],
        },
      },
      {
        id: 'np-api-from-web',
        name: 'api-from-web',
        namespace: 'shop',
        spec: {
          podSelector: { matchLabels: { app: 'api' } },
          ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 8080 }] }],
        },
      },
      webIngressAnd,
    ],
  },
  packets: [
    {
      id: 'dns-denied',
      label: { en: 'web → api:8080 (default deny: DNS is denied)', 'zh-CN': 'web → api:8080（默认拒绝：DNS 被拒）' },
      from: 'pod-web',
      to: 'api',
      port: 8080,
      change: { kind: 'policies', put: [], remove: ['np-allow-dns'], label: { en: 'remove allow-dns', 'zh-CN': '删除 allow-dns' } },
      expect: 'dropped',
      expectCode: 'policy-denied',
    },
    {
      id: 'allow-dns',
      label: { en: 'web → api:8080 after adding allow-dns', 'zh-CN': '添加 allow-dns 后 web → api:8080' },
      from: 'pod-web',
      to: 'api',
      port: 8080,
      change: {
        kind: 'policies',
        put: [allowDns],
        label: { en: 'add allow-dns (egress to kube-dns on 53)', 'zh-CN': '添加 allow-dns（出站到 kube-dns 的 53 端口）' },
      },
      expect: 'delivered',
      expectAt: ['pod-api'],
    },
    {
      id: 'and-client',
      label: {
        en: 'client → web.shop:80 (AND: role=client in a team=frontend namespace)',
        'zh-CN': 'client → web.shop:80（与：team=frontend 命名空间中的 role=client）',
      },
      from: 'pod-client',
      to: 'web.shop',
      port: 80,
      change: { kind: 'policies', put: [webIngressAnd], label: { en: 'web-ingress with one item (AND)', 'zh-CN': 'web-ingress 写成一个条目（与）' } },
      expect: 'delivered',
      expectAt: ['pod-web'],
    },
    {
      id: 'and-tester',
      label: { en: 'tester → web.shop:80 (AND: denied)', 'zh-CN': 'tester → web.shop:80（与：被拒绝）' },
      from: 'pod-tester',
      to: 'web.shop',
      port: 80,
      change: { kind: 'policies', put: [webIngressAnd], label: { en: 'web-ingress with one item (AND)', 'zh-CN': 'web-ingress 写成一个条目（与）' } },
      expect: 'dropped',
      expectCode: 'policy-denied',
    },
    {
      id: 'or-tester',
      label: { en: 'tester → web.shop:80 with two items (OR)', 'zh-CN': '写成两个条目（或）后 tester → web.shop:80' },
      from: 'pod-tester',
      to: 'web.shop',
      port: 80,
      change: { kind: 'policies', put: [webIngressOr], label: { en: 'web-ingress with two items (OR)', 'zh-CN': 'web-ingress 写成两个条目（或）' } },
      expect: 'delivered',
      expectAt: ['pod-web'],
    },
    {
      id: 'api-denied',
      label: { en: 'tester → api.shop:8080 on Calico (denied)', 'zh-CN': '在 Calico 上 tester → api.shop:8080（被拒绝）' },
      from: 'pod-tester',
      to: 'api.shop',
      port: 8080,
      change: { kind: 'cluster', set: { cni: 'calico' } },
      expect: 'dropped',
      expectCode: 'policy-denied',
    },
    {
      id: 'flannel',
      label: { en: 'tester → api.shop:8080 on flannel (no effect)', 'zh-CN': '在 flannel 上 tester → api.shop:8080（策略无效）' },
      from: 'pod-tester',
      to: 'api.shop',
      port: 8080,
      change: { kind: 'cluster', set: { cni: 'flannel' } },
      expect: 'delivered',
      expectAt: ['pod-api'],
    },
  ],
};
