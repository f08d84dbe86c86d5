/** Building blocks the lesson scenarios share: the same rack subnet, nodes, and pod images throughout. */
import type { ScenarioInput } from '../sim/index';

type Doc = { [K in 'subnets' | 'routers' | 'nodes' | 'pods' | 'clients' | 'services']-?: NonNullable<ScenarioInput[K]> };
export type SubnetDoc = Doc['subnets'][number];
export type RouterDoc = Doc['routers'][number];
export type NodeDoc = Doc['nodes'][number];
export type PodDoc = Doc['pods'][number];
export type ClientDoc = Doc['clients'][number];
export type ServiceDoc = Doc['services'][number];

export function subnet(id: string, name: string, prefix: string): SubnetDoc {
  return { id, name, cidr: `${prefix}.0/24`, gateway: `${prefix}.1` };
}

/** The rack the cluster nodes sit on. */
export const RACK_A = subnet('subnet-rack-a', 'rack-a', '192.168.1');
export const RACK_B = subnet('subnet-rack-b', 'rack-b', '192.168.2');
/** rack-a in lessons without a router: no gateway, since nothing there would answer for it. */
export const RACK_A_ISOLATED: SubnetDoc = { id: RACK_A.id, name: RACK_A.name, cidr: RACK_A.cidr };
/** Where outside clients and cloud load balancers are (TEST-NET-3, a documentation range). */
export const INTERNET = subnet('subnet-internet', 'internet', '203.0.113');

/** A router with one interface (the subnet's gateway, `.1`) on each subnet. */
export function router(id: string, name: string, subnets: SubnetDoc[]): RouterDoc {
  return { id, name, interfaces: subnets.map((s) => ({ subnet: s.id, ip: s.gateway! })) };
}

export function node(n: number, on: SubnetDoc, host: number): NodeDoc {
  return { id: `node-${n}`, name: `node-${n}`, subnet: on.id, ip: on.cidr.replace(/\.0\/24$/, `.${host}`) };
}

/** A pod that only makes requests (curl), as a learner's shell in the cluster. */
export function curlPod(node: string): PodDoc {
  return { id: 'pod-client', name: 'client', node, labels: { app: 'client' }, containers: [{ name: 'curl', image: 'curlimages/curl' }] };
}

/** An nginx pod serving HTTP on port 80 (container port named `http`). */
export function webPod(id: string, name: string, node: string, labels: Record<string, string> = { app: 'web' }): PodDoc {
  return { id, name, node, labels, containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }] }] };
}

export function laptop(on: SubnetDoc, host: number): ClientDoc {
  return { id: 'laptop', name: 'laptop', subnet: on.id, ip: on.cidr.replace(/\.0\/24$/, `.${host}`) };
}
