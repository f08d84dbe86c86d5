/** 发送表单在追踪器加载之前要说的话（简体中文，见 en-send.ts）：读不懂的目的地、不能发送的源，以及目的地的解读。 */
import type { SimDictionary } from './format';
import type { SEND_CODES } from '../../sim/messages/codes-send';
import { KIND } from './zh-CN-kinds';

type SendCode = keyof typeof SEND_CODES;

export const zhSend: Pick<SimDictionary, SendCode> = {
  'target.node-port': (p) => `${p.dst}:${p.port}（本机地址上 ${p.service} 的 NodePort ${p.port}）`,
  'target.cluster-ip': (p) => `${p.dst}:${p.port}（${p.service} 的 ClusterIP）`,
  'target.lb-ip': (p) => `${p.dst}:${p.port}（${p.service} 的负载均衡器 IP）`,
  'target.node-address': (p) => `${p.dst}:${p.port}（节点 ${p.node} 的地址，对应 ${p.service}）`,
  'target.address': (p) => `目的地址 ${p.dst}:${p.port}${p.service ? `（${p.service} 的地址）` : ''}`,
  'input.unknown-source': (p) => `找不到发送方 ${p.from}。`,
  'input.cannot-send': (p) => `${KIND[p.kind]}不能发送数据包，请选择 Pod、节点或集群外客户端。`,
  'input.icmp-has-no-port': (_p, f) => `ICMP 没有端口：去掉端口，或者使用 ${f.code('--proto tcp|udp')}。`,
  'input.needs-port': (p) => `${p.proto} 需要目的端口。`,
  'input.not-a-sender': () => '只有 Pod、节点或集群外客户端才能发送数据包。',
  'input.tracer-unavailable': () => '无法加载数据包追踪器（网络是否断开？）。请重新发送以重试；你的集群没有改变。',
  'input.pick-no-address': () => '这个元素没有可以发往的地址，请选择 Pod、服务、节点、负载均衡器、Ingress 或集群外客户端。',
  'target.empty': (_p, f) => `请输入目的地，例如 ${f.code('web:80')} 或 ${f.code('10.244.1.2:80')}。`,
  'target.scheme': (p) => `只能发送 http:// 和 https:// 的 URL，不能发送 ${p.scheme}//。`,
  'target.invalid-url': (p) => `${p.to} 不是有效的 URL。`,
  'target.spaces': (p) => `${p.to} 中含有空格。`,
  'target.port-range': (p) => `端口 ${p.port} 不在 1-65535 范围内。`,
  'target.missing-address': () => '端口前面缺少地址。',
  'target.bad-port': (p) => `${p.port} 不是端口：冒号后面应是 1-65535 之间的端口号（例如 ${p.example}）。`,
  'target.no-port': (p) => `${p.to} 末尾有冒号，但后面没有端口（例如 ${p.example}）。`,
};
