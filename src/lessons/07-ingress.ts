import type { Lesson } from './types';
import { ingressInfo } from './catalog';
import type { PodDoc } from './parts';
import { INTERNET, RACK_A, laptop, node, router, webPod } from './parts';

function controllerPod(n: number, onNode: string): PodDoc {
  return {
    id: `pod-ingress-nginx-${n}`,
    name: `ingress-nginx-controller-${n}`,
    namespace: 'ingress-nginx',
    node: onNode,
    labels: { 'app.kubernetes.io/name': 'ingress-nginx' },
    containers: [
      {
        name: 'controller',
        image: 'registry.k8s.io/ingress-nginx/controller:v1.11.2',
        ports: [
          { name: 'http', containerPort: 80 },
          { name: 'https', containerPort: 443 },
        ],
      },
    ],
  };
}

function apiPod(n: number, onNode: string): PodDoc {
  return {
    id: `pod-api-${n}`,
    name: `api-${n}`,
    node: onNode,
    labels: { app: 'api' },
    containers: [{ name: 'api', image: 'shop-api:1.0', ports: [{ name: 'http', containerPort: 8080 }] }],
  };
}

/** The lesson scenario's name, in every language (the scenario file keeps the English one). */
const SCENARIO_NAME = ingressInfo.scenarioName;

export const ingress: Lesson = {
  ...ingressInfo,
  steps: [
    {
      en: 'The ingress-nginx controller pods sit behind one LoadBalancer Service with the public IP 203.0.113.20. The Ingress shop holds the rules: shop.example.com/ goes to the Service web, shop.example.com/api to api, and api.example.com to api.',
      'zh-CN':
        'ingress-nginx 控制器 Pod 位于一个 LoadBalancer 类型的服务之后，公网 IP 是 203.0.113.20。Ingress shop 里写着规则：shop.example.com/ 交给服务 web，shop.example.com/api 交给 api，api.example.com 也交给 api。',
    },
    {
      en: 'Send the first request, http://shop.example.com/api/orders from the laptop. It reaches a controller pod through the load balancer and a NodePort, as in lesson 6. The controller is an HTTP proxy: it reads Host and path, and of the matching rules the longest path wins, Prefix /api.',
      'zh-CN':
        '发送第一个请求：laptop 访问 http://shop.example.com/api/orders。它经负载均衡器和 NodePort 到达某个控制器 Pod，与第 6 课相同。控制器是一个 HTTP 代理：它读取 Host 和路径，在匹配的规则中路径最长者胜出，即 Prefix /api。',
    },
    {
      en: "The laptop's TCP connection ends at the controller. The controller opens a new connection of its own to a pod of the api Service: ingress-nginx picks from the Service's endpoints itself rather than going through the ClusterIP.",
      'zh-CN': 'laptop 的 TCP 连接在控制器处终止。控制器自己新建一个连接，发往 api 服务的某个 Pod：ingress-nginx 直接从服务的端点中挑选，而不经过 ClusterIP。',
    },
    {
      en: 'A Prefix path matches whole path elements: /api matches /api and /api/orders, but not /apis. Send the second request, http://shop.example.com/, which only the rule for / matches: it reaches web.',
      'zh-CN':
        'Prefix 路径按完整的路径段匹配：/api 能匹配 /api 和 /api/orders，但不匹配 /apis。发送第二个请求 http://shop.example.com/，只有 / 这条规则匹配，它会到达 web。',
    },
    {
      en: "Send the last request to the load balancer's address itself, http://203.0.113.20/. Its Host header is then 203.0.113.20: no rule names that host and the Ingress has no default backend, so the controller itself answers 404 Not Found. That is a delivered request with a response, not a dropped packet: the TCP connection to the controller succeeded, and the 404 travels back to the laptop.",
      'zh-CN':
        '最后直接向负载均衡器的地址发送请求 http://203.0.113.20/。此时 Host 头是 203.0.113.20：没有规则写着这个主机名，Ingress 也没有默认后端，于是控制器自己返回 404 Not Found。这是一个已送达并得到响应的请求，而不是被丢弃的数据包：到控制器的 TCP 连接是成功的，404 响应沿原路回到 laptop。',
    },
  ],
  scenario: {
    version: 1,
    name: SCENARIO_NAME.en,
    subnets: [RACK_A, INTERNET],
    routers: [router('router-edge', 'edge-router', [RACK_A, INTERNET])],
    nodes: [node(1, RACK_A, 10), node(2, RACK_A, 11)],
    pods: [
      controllerPod(1, 'node-1'),
      controllerPod(2, 'node-2'),
      webPod('pod-web-1', 'web-1', 'node-1'),
      webPod('pod-web-2', 'web-2', 'node-2'),
      apiPod(1, 'node-1'),
      apiPod(2, 'node-2'),
    ],
    clients: [laptop(INTERNET, 50)],
    services: [
      {
        id: 'svc-ingress-nginx',
        name: 'ingress-nginx-controller',
        namespace: 'ingress-nginx',
        type: 'LoadBalancer',
        clusterIP: '10.96.0.30',
        selector: { 'app.kubernetes.io/name': 'ingress-nginx' },
        ports: [
          { name: 'http', port: 80, targetPort: 'http', nodePort: 30080 },
          { name: 'https', port: 443, targetPort: 'https', nodePort: 30443 },
        ],
      },
      { id: 'svc-web', name: 'web', clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
      { id: 'svc-api', name: 'api', clusterIP: '10.96.0.21', selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    ],
    loadBalancers: [{ id: 'lb-ingress', name: 'ingress-lb', service: 'svc-ingress-nginx', ip: '203.0.113.20', subnet: INTERNET.id }],
    ingresses: [
      {
        id: 'ing-shop',
        name: 'shop',
        ingressClassName: 'nginx',
        controllerService: 'svc-ingress-nginx',
        rules: [
          {
            host: 'shop.example.com',
            paths: [
              { path: '/', pathType: 'Prefix', backend: { service: 'web', port: 80 } },
              { path: '/api', pathType: 'Prefix', backend: { service: 'api', port: 80 } },
            ],
          },
          { host: 'api.example.com', paths: [{ path: '/', pathType: 'Prefix', backend: { service: 'api', port: 80 } }] },
        ],
      },
    ],
  },
  packets: [
    {
      id: 'by-path',
      label: { en: 'laptop → http://shop.example.com/api/orders', 'zh-CN': 'laptop → http://shop.example.com/api/orders' },
      from: 'laptop',
      to: 'http://shop.example.com/api/orders',
      expect: 'delivered',
      expectAt: ['pod-api-1', 'pod-api-2'],
    },
    {
      id: 'root-path',
      label: { en: 'laptop → http://shop.example.com/', 'zh-CN': 'laptop → http://shop.example.com/' },
      from: 'laptop',
      to: 'http://shop.example.com/',
      expect: 'delivered',
      expectAt: ['pod-web-1', 'pod-web-2'],
    },
    {
      id: 'no-rule',
      label: { en: 'laptop → http://203.0.113.20/ (no rule for that Host)', 'zh-CN': 'laptop → http://203.0.113.20/（没有匹配该 Host 的规则）' },
      from: 'laptop',
      to: 'http://203.0.113.20/',
      expect: 'delivered',
      expectAt: ['pod-ingress-nginx-1', 'pod-ingress-nginx-2'],
      expectHttp: 404,
    },
  ],
};
