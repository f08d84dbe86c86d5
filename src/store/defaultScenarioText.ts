/** The example scenario's name and description in every language (the scenario keeps the English; the interface shows the reader's). */
export const DEFAULT_SCENARIO_TEXT = {
  name: { en: 'Two racks, one router', 'zh-CN': '两个机架，一台路由器' },
  description: {
    en: 'Three nodes on two subnets, flannel VXLAN between them, CoreDNS. web: three pods, NodePort 30080, a load balancer and http://shop.example.com/.',
    'zh-CN': '三个节点分布在两个子网上，节点之间走 flannel VXLAN，带 CoreDNS。web：三个 Pod，NodePort 30080，一个负载均衡器，以及 http://shop.example.com/。',
  },
} as const;
