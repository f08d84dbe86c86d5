/**
 * Names kube-proxy derives from a service port (pkg/proxy/iptables/proxier.go, portProtoHash and
 * servicePortEndpointChainName): the first 16 characters of base32(sha256(servicePortName +
 * protocol [+ endpoint])), behind a prefix, because an iptables chain name must stay under 29
 * characters. `servicePortName` is `namespace/name` plus `:portName` when the port is named, and
 * the protocol is lower case (`tcp`).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { base32 } from '@scure/base';
import type { Service, ServicePort } from '../model/schema';

const utf8 = new TextEncoder();

const memo = new Map<string, string>();

/** base32(sha256(text))[:16], the hash behind every per-service chain name (memoized: every node reuses them). */
export function portProtoHash(text: string): string {
  let h = memo.get(text);
  if (h === undefined) {
    if (memo.size > 100_000) memo.clear();
    h = base32.encode(sha256(utf8.encode(text))).slice(0, 16);
    memo.set(text, h);
  }
  return h;
}

/** `namespace/name[:port]` (proxy.ServicePortName.String()). */
export function servicePortName(svc: Pick<Service, 'namespace' | 'name'>, port: Pick<ServicePort, 'name'>): string {
  return `${svc.namespace}/${svc.name}${port.name ? `:${port.name}` : ''}`;
}

export function protocolOf(port: Pick<ServicePort, 'protocol'>): 'tcp' | 'udp' | 'sctp' {
  return port.protocol.toLowerCase() as 'tcp' | 'udp' | 'sctp';
}

export interface ServiceChains {
  /** Endpoints for Cluster traffic policy. */
  svc: string;
  /** Node-local endpoints for Local traffic policy. */
  svl: string;
  /** External traffic (NodePort, load balancer IPs). */
  ext: string;
  fw: string;
}

export function serviceChains(portName: string, protocol: string): ServiceChains {
  const h = portProtoHash(portName + protocol);
  return { svc: `KUBE-SVC-${h}`, svl: `KUBE-SVL-${h}`, ext: `KUBE-EXT-${h}`, fw: `KUBE-FW-${h}` };
}

/** KUBE-SEP-<hash(servicePortName + protocol + "ip:port")>. */
export function endpointChain(portName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${portProtoHash(portName + protocol + endpoint)}`;
}
