/** What the send form says before the tracer is loaded: a destination it cannot read, a source that cannot send. */
import type { SimDictionary } from './format';
import type { SEND_CODES } from '../../sim/messages/codes-send';
import { KIND } from './en-kinds';

type SendCode = keyof typeof SEND_CODES;

export const enSend: Pick<SimDictionary, SendCode> = {
  'target.node-port': (p) => `${p.dst}:${p.port}, NodePort ${p.port} of ${p.service} on a local address`,
  'target.cluster-ip': (p) => `${p.dst}:${p.port}, the ClusterIP of ${p.service}`,
  'target.lb-ip': (p) => `${p.dst}:${p.port}, the load balancer IP of ${p.service}`,
  'target.node-address': (p) => `${p.dst}:${p.port}, the address of node ${p.node} of ${p.service}`,
  'target.address': (p) => `${p.dst}:${p.port}${p.service ? `, the address of ${p.service}` : ''}`,
  'input.unknown-source': (p) => `Unknown source ${p.from}.`,
  'input.cannot-send': (p) => `A ${KIND[p.kind]} cannot send packets; pick a pod, node or outside client.`,
  'input.icmp-has-no-port': () => 'ICMP has no ports; drop the port or use --proto tcp|udp.',
  'input.needs-port': (p) => `${p.proto} needs a destination port.`,
  'input.not-a-sender': () => 'Only a pod, a node or an outside client can send packets.',
  'input.tracer-unavailable': () => 'The packet tracer could not be loaded (is the connection down?). Send again to retry; your cluster is unchanged.',
  'input.pick-no-address': () => 'That element has no address to send to; pick a pod, Service, node, load balancer, Ingress or outside client.',
  'target.empty': (_p, f) => `Type a destination, e.g. ${f.code('web:80')} or ${f.code('10.244.1.2:80')}.`,
  'target.scheme': (p) => `Only http:// and https:// URLs can be sent, not ${p.scheme}//.`,
  'target.invalid-url': (p) => `${p.to} is not a valid URL.`,
  'target.spaces': (p) => `${p.to} contains spaces.`,
  'target.port-range': (p) => `Port ${p.port} is outside 1-65535.`,
  'target.missing-address': () => 'Missing the address before the port.',
  'target.bad-port': (p) => `${p.port} is not a port: after the colon comes a port number 1-65535 (e.g. ${p.example}).`,
  'target.no-port': (p) => `${p.to} has a ":" but no port after it (e.g. ${p.example}).`,
};
