/**
 * What the lesson menu, the welcome card and the canvas need to know of each lesson before one is
 * opened: id, number, title, summary, the scenario's name. A lesson's steps, scenario and packets
 * (./index) are fetched when it is opened (src/store/lessons.ts), not before the first paint.
 */
import type { LessonInfo } from './types';

export const podsOnOneNodeInfo: LessonInfo = {
  id: 'pods-on-one-node',
  number: 1,
  title: { en: 'Two pods on one node', 'zh-CN': '同一节点上的两个 Pod' },
  scenarioName: { en: 'Lesson 1: two pods on one node', 'zh-CN': '第 1 课：同一节点上的两个 Pod' },
  summary: {
    en: 'Pods on one node talk through their veth pairs and the cni0 bridge; the containers of one pod share localhost.',
    'zh-CN': '同一节点上的 Pod 通过各自的 veth 对和 cni0 网桥通信；同一 Pod 内的容器共享 localhost。',
  },
};

export const hostGwInfo: LessonInfo = {
  id: 'host-gw-routes',
  number: 2,
  title: { en: 'Pods on two nodes: host-gw routes', 'zh-CN': '两个节点上的 Pod：host-gw 路由' },
  scenarioName: { en: 'Lesson 2: host-gw between two nodes', 'zh-CN': '第 2 课：两个节点之间的 host-gw' },
  summary: {
    en: "flannel host-gw gives every node a plain route to each other node's pod CIDR, with that node's IP as the next hop.",
    'zh-CN': 'flannel 的 host-gw 后端在每个节点上为其他节点的 Pod 网段各添加一条普通路由，下一跳就是那个节点的 IP。',
  },
};

export const hostGwVsVxlanInfo: LessonInfo = {
  id: 'host-gw-vs-vxlan',
  number: 3,
  title: { en: 'Nodes on different subnets: host-gw fails, VXLAN works', 'zh-CN': '节点分属不同子网：host-gw 走不通，VXLAN 行得通' },
  scenarioName: { en: 'Lesson 3: nodes on two subnets', 'zh-CN': '第 3 课：分处两个子网的节点' },
  summary: {
    en: 'Must the nodes share a subnet? For host-gw, yes. Send the packet and see, then switch flannel to VXLAN and send it again.',
    'zh-CN': '节点必须在同一个子网里吗？用 host-gw 的话，必须。先发个包看看，再把 flannel 切换成 VXLAN，重发一次。',
  },
};

export const clusterIpDnsInfo: LessonInfo = {
  id: 'clusterip-dns',
  number: 4,
  title: { en: 'A ClusterIP Service and DNS', 'zh-CN': 'ClusterIP 服务与 DNS' },
  scenarioName: { en: 'Lesson 4: a ClusterIP Service with DNS', 'zh-CN': '第 4 课：ClusterIP 服务与 DNS' },
  summary: {
    en: "A Service gives three web pods one stable virtual IP and a DNS name; kube-proxy's rules pick a pod for each new connection.",
    'zh-CN': '服务为三个 web Pod 提供一个稳定的虚拟 IP 和一个 DNS 名称；kube-proxy 写下的规则为每个新连接挑选一个 Pod。',
  },
  systemPods: 'shown',
};

export const nodePortInfo: LessonInfo = {
  id: 'nodeport',
  number: 5,
  title: { en: 'A NodePort from outside: externalTrafficPolicy', 'zh-CN': '从集群外访问 NodePort：externalTrafficPolicy' },
  scenarioName: { en: 'Lesson 5: a NodePort reached from outside', 'zh-CN': '第 5 课：从集群外访问 NodePort' },
  summary: {
    en: 'A NodePort Service opens one port on every node. Under Cluster any node forwards the connection; under Local the client IP is kept, but only nodes running a pod answer.',
    'zh-CN':
      'NodePort 类型的服务会在每个节点上开放同一个端口。externalTrafficPolicy 为 Cluster 时，连接打到哪个节点都可以，节点会把它转给后端 Pod，哪怕 Pod 在别的节点上；为 Local 时，客户端 IP 得以保留，但只有运行着后端 Pod 的节点才会接收连接。',
  },
};

export const loadBalancerInfo: LessonInfo = {
  id: 'loadbalancer',
  number: 6,
  title: { en: 'A LoadBalancer in front of the NodePorts', 'zh-CN': 'NodePort 前面的 LoadBalancer' },
  scenarioName: { en: 'Lesson 6: a LoadBalancer Service', 'zh-CN': '第 6 课：LoadBalancer 服务' },
  summary: {
    en: "A cloud load balancer gets a public IP and spreads connections over the nodes' NodePorts; under Local, its health checks leave out nodes without a pod.",
    'zh-CN': '云负载均衡器拿到一个公网 IP，把连接分发到各节点的 NodePort；在 Local 策略下，它的健康检查会把没有 Pod 的节点排除在外。',
  },
};

export const ingressInfo: LessonInfo = {
  id: 'ingress',
  number: 7,
  title: { en: 'An Ingress: two Services behind one load balancer', 'zh-CN': 'Ingress：一个负载均衡器后面的两个服务' },
  scenarioName: { en: 'Lesson 7: an Ingress for two Services', 'zh-CN': '第 7 课：为两个服务配置一个 Ingress' },
  summary: {
    en: "An ingress controller reads each HTTP request's Host and path and passes it to the right Service: many sites, one public IP.",
    'zh-CN': 'Ingress 控制器读取每个 HTTP 请求的 Host 和路径，把它交给对应的服务：多个站点共用一个公网 IP。',
  },
};

export const networkPolicyInfo: LessonInfo = {
  id: 'network-policy',
  number: 8,
  title: { en: 'NetworkPolicy on Calico', 'zh-CN': 'Calico 上的 NetworkPolicy' },
  scenarioName: { en: 'Lesson 8: NetworkPolicy on Calico', 'zh-CN': '第 8 课：Calico 上的 NetworkPolicy' },
  summary: {
    en: 'A default-deny policy breaks DNS until an allow-DNS policy opens it; one selector item means AND, two mean OR; and flannel ignores it all.',
    'zh-CN': '默认拒绝策略会让 DNS 失灵，直到一条放行 DNS 的策略把它打开；一个选择器条目表示“与”，两个条目表示“或”；而 flannel 对这一切视而不见。',
  },
  systemPods: 'shown',
};

/** Every lesson, in teaching order. */
export const LESSON_CATALOG: readonly LessonInfo[] = [
  podsOnOneNodeInfo,
  hostGwInfo,
  hostGwVsVxlanInfo,
  clusterIpDnsInfo,
  nodePortInfo,
  loadBalancerInfo,
  ingressInfo,
  networkPolicyInfo,
];

export function lessonInfo(id: string): LessonInfo | undefined {
  return LESSON_CATALOG.find((l) => l.id === id);
}

export function isLessonId(id: string): boolean {
  return lessonInfo(id) !== undefined;
}
