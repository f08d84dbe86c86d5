/**
 * The lesson catalog (./catalog.ts) in Simplified Chinese: titles, scenario names and the menu's one-line
 * summaries. Part of the Chinese pack (src/i18n/pack.zh-CN.ts), fetched when Chinese is chosen or preferred.
 */
import type { CatalogText, LessonCatalogId } from './catalog';

export const catalogZhCN: Readonly<Record<LessonCatalogId, CatalogText>> = {
  'pods-on-one-node': {
    title: '同一节点上的两个 Pod',
    scenarioName: '第 1 课：同一节点上的两个 Pod',
    summary: '同一节点上的 Pod 通过各自的 veth 对和 cni0 网桥通信；同一 Pod 内的容器共享 localhost。',
  },
  'host-gw-routes': {
    title: '两个节点上的 Pod：host-gw 路由',
    scenarioName: '第 2 课：两个节点之间的 host-gw',
    summary: 'flannel 的 host-gw 后端在每个节点上为其他节点的 Pod 网段各添加一条普通路由，下一跳就是那个节点的 IP。',
  },
  'host-gw-vs-vxlan': {
    title: '节点分属不同子网：host-gw 走不通，VXLAN 行得通',
    scenarioName: '第 3 课：分处两个子网的节点',
    summary: '节点必须在同一个子网里吗？用 host-gw 的话，必须。先发个包看看，再把 flannel 切换成 VXLAN，重发一次。',
  },
  'clusterip-dns': {
    title: 'ClusterIP 服务与 DNS',
    scenarioName: '第 4 课：ClusterIP 服务与 DNS',
    summary: '服务为三个 web Pod 提供一个稳定的虚拟 IP 和一个 DNS 名称；kube-proxy 写下的规则为每个新连接挑选一个 Pod。',
  },
  nodeport: {
    title: '从集群外访问 NodePort：externalTrafficPolicy',
    scenarioName: '第 5 课：从集群外访问 NodePort',
    summary:
      'NodePort 类型的服务会在每个节点上开放同一个端口。externalTrafficPolicy 为 Cluster 时，连接打到哪个节点都可以，节点会把它转给后端 Pod，哪怕 Pod 在别的节点上；为 Local 时，客户端 IP 得以保留，但只有运行着后端 Pod 的节点才会接收连接。',
  },
  loadbalancer: {
    title: 'NodePort 前面的 LoadBalancer',
    scenarioName: '第 6 课：LoadBalancer 服务',
    summary: '云负载均衡器拿到一个公网 IP，把连接分发到各节点的 NodePort；在 Local 策略下，它的健康检查会把没有 Pod 的节点排除在外。',
  },
  ingress: {
    title: 'Ingress：一个负载均衡器后面的两个服务',
    scenarioName: '第 7 课：为两个服务配置一个 Ingress',
    summary: 'Ingress 控制器读取每个 HTTP 请求的 Host 和路径，把它交给对应的服务：多个站点共用一个公网 IP。',
  },
  'network-policy': {
    title: 'Calico 上的 NetworkPolicy',
    scenarioName: '第 8 课：Calico 上的 NetworkPolicy',
    summary: '默认拒绝策略会让 DNS 失灵，直到一条放行 DNS 的策略把它打开；一个选择器条目表示“与”，两个条目表示“或”；而 flannel 对这一切视而不见。',
  },
};
