import type { Lesson } from './types';
import { loadBalancerInfo } from './catalog';
import { INTERNET, RACK_A, laptop, node, router, webPod } from './parts';

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = loadBalancerInfo.scenarioName;

export const loadBalancer: Lesson = {
  ...loadBalancerInfo,
  steps: [
    {
      en: 'A Service of type LoadBalancer is a NodePort Service plus a request to the cloud: the cloud controller provisions a load balancer with the public IP 203.0.113.10 and points it at NodePort 30080 on every node.',
      'zh-CN':
        'LoadBalancer 类型的服务就是一个 NodePort 类型的服务，再加上向云平台提出的申请：云控制器创建一个公网 IP 为 203.0.113.10 的负载均衡器，让它指向每个节点上的 NodePort 30080。',
    },
    {
      en: "Send the first packet, from the laptop on the internet to 203.0.113.10:80. The load balancer picks a node and forwards the connection to that node's eth0 at port 30080. From there it is lesson 5's NodePort path: DNAT to a pod, which may be on another node.",
      'zh-CN':
        '发送第一个包：从互联网上的 laptop 发往 203.0.113.10:80。负载均衡器挑选一个节点，把连接转发到该节点 eth0 的 30080 端口。之后就是第 5 课的 NodePort 路径：DNAT 到某个 Pod，它可能在另一个节点上。',
    },
    {
      en: "The second packet sets externalTrafficPolicy: Local. Kubernetes then gives the Service a healthCheckNodePort that answers 200 only on nodes with a local endpoint, so the load balancer takes node-2 out of rotation and sends every connection to node-1, where the pod sees the client's real IP.",
      'zh-CN':
        '第二个包先设置 externalTrafficPolicy: Local。此时 Kubernetes 会为服务分配一个 healthCheckNodePort，只有存在本地端点的节点才在这个端口上返回 200，于是负载均衡器把 node-2 移出轮转，所有连接都发往 node-1，Pod 看到的是客户端的真实 IP。',
    },
    {
      en: 'The Service still has its ClusterIP and its NodePorts: pods inside the cluster keep using the ClusterIP, and the load balancer only ever uses the NodePorts.',
      'zh-CN': '这个服务依然有 ClusterIP 和 NodePort：集群内的 Pod 继续使用 ClusterIP，负载均衡器则只使用 NodePort。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
    subnets: [RACK_A, INTERNET],
    routers: [router('router-edge', 'edge-router', [RACK_A, INTERNET])],
    nodes: [node(1, RACK_A, 10), node(2, RACK_A, 11)],
    pods: [webPod('pod-web-1', 'web-1', 'node-1'), webPod('pod-web-2', 'web-2', 'node-1')],
    clients: [laptop(INTERNET, 50)],
    services: [
      {
        id: 'svc-web',
        name: 'web',
        type: 'LoadBalancer',
        clusterIP: '10.96.0.20',
        selector: { app: 'web' },
        ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
      },
    ],
    loadBalancers: [{ id: 'lb-web', name: 'web-lb', service: 'svc-web', ip: '203.0.113.10', subnet: INTERNET.id }],
  },
  packets: [
    {
      id: 'through-lb',
      label: { en: 'laptop → 203.0.113.10:80 (the load balancer)', 'zh-CN': 'laptop → 203.0.113.10:80（负载均衡器）' },
      from: 'laptop',
      to: '203.0.113.10',
      port: 80,
      change: { kind: 'service', service: 'svc-web', set: { externalTrafficPolicy: 'Cluster' } },
      expect: 'delivered',
      expectAt: ['pod-web-1', 'pod-web-2'],
    },
    {
      id: 'through-lb-local',
      label: { en: 'Local: laptop → 203.0.113.10:80 (health checks)', 'zh-CN': 'Local：laptop → 203.0.113.10:80（健康检查）' },
      from: 'laptop',
      to: '203.0.113.10',
      port: 80,
      change: { kind: 'service', service: 'svc-web', set: { externalTrafficPolicy: 'Local' } },
      expect: 'delivered',
      expectAt: ['pod-web-1', 'pod-web-2'],
    },
  ],
};
