/**
 * Pods from manifests: a Pod as written, and the pods a workload controller would create from its
 * template (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job), with the names and the labels the
 * controllers add. Placement on nodes is the scheduler's (cluster.ts); addresses come later.
 */
import type { Container, PodOwner, Readiness, ReadinessProbe } from '../../sim/index';
import type { K8sPod, K8sPodSpec, K8sPodTemplate, K8sProbe } from './k8s-schemas';
import { generatedName, podTemplateHash } from './naming';

/** A pod before it has a node and an address. */
export interface PodDraft {
  name: string;
  namespace: string;
  labels: Record<string, string>;
  containers: Container[];
  readiness?: Readiness;
  owner?: PodOwner;
  /** status.podIP, kept when it fits the node. */
  ip?: string;
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  /** The pod spec asks for the node's network namespace (not modelled: the pod gets a pod IP). */
  hostNetwork?: boolean;
}

/** Labels the controllers add to the pods they create; export takes them off again. */
export const CONTROLLER_LABELS = [
  'pod-template-hash',
  'controller-revision-hash',
  'pod-template-generation',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'batch.kubernetes.io/job-name',
  'job-name',
] as const;

function probeOf(p: K8sProbe | undefined): ReadinessProbe | undefined {
  if (!p) return undefined;
  if (p.httpGet) return { type: 'httpGet', port: p.httpGet.port, ...(p.httpGet.path !== undefined ? { path: p.httpGet.path } : {}) };
  if (p.tcpSocket) return { type: 'tcpSocket', port: p.tcpSocket.port };
  if (p.grpc) return { type: 'grpc', port: p.grpc.port };
  if (p.exec) return { type: 'exec' };
  return undefined;
}

export function containersOf(spec: K8sPodSpec): Container[] {
  return spec.containers.map((c) => {
    const probe = probeOf(c.readinessProbe);
    return {
      name: c.name,
      ...(c.image !== undefined ? { image: c.image } : {}),
      ports: (c.ports ?? []).map((p) => ({ ...(p.name !== undefined ? { name: p.name } : {}), containerPort: p.containerPort, protocol: p.protocol ?? 'TCP' })),
      ...(probe ? { readinessProbe: probe } : {}),
    };
  });
}

/** What the hash of a template covers: what the playground keeps of it, so export + import hashes the same. */
export function templateIdentity(labels: Record<string, string>, containers: Container[]): unknown {
  return { labels, containers };
}

/** Ready unless status says otherwise: Ready=False, or a deletionTimestamp (terminating). */
export function readinessOf(pod: K8sPod): Readiness | undefined {
  if (pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null) return 'Terminating';
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready && ready.status !== 'True') return 'NotReady';
  return undefined;
}

export function podFromManifest(pod: K8sPod, namespace: string): PodDraft {
  const readiness = readinessOf(pod);
  return {
    name: pod.metadata.name,
    namespace,
    labels: { ...(pod.metadata.labels ?? {}) },
    containers: containersOf(pod.spec),
    ...(readiness ? { readiness } : {}),
    ...(pod.status?.podIP ? { ip: pod.status.podIP } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(pod.spec.nodeSelector ? { nodeSelector: pod.spec.nodeSelector } : {}),
    ...(pod.spec.hostNetwork ? { hostNetwork: true } : {}),
  };
}

export type WorkloadKind = PodOwner['kind'];

export interface Workload {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  template: K8sPodTemplate;
  selector?: Record<string, string>;
  /** replicas (Deployment, ReplicaSet, StatefulSet) or parallelism (Job); unused for a DaemonSet. */
  count: number;
}

/**
 * The pods a controller creates. `nodes` is only used by a DaemonSet (one pod per node it runs on,
 * named by the node so the name does not depend on the order of the nodes).
 */
export function workloadPods(w: Workload, daemonNodes: string[] = []): PodDraft[] {
  const labels = { ...(w.template.metadata?.labels ?? {}) };
  const containers = containersOf(w.template.spec);
  const hash = podTemplateHash(templateIdentity(labels, containers));
  const owner: PodOwner = { kind: w.kind, name: w.name, ...(w.selector ? { selector: w.selector } : {}) };
  const spec = w.template.spec;
  const base = (name: string, extra: Record<string, string>): PodDraft => ({
    name,
    namespace: w.namespace,
    labels: { ...labels, ...extra },
    containers,
    owner,
    ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
    ...(spec.nodeSelector ? { nodeSelector: spec.nodeSelector } : {}),
    ...(spec.hostNetwork ? { hostNetwork: true } : {}),
  });
  const out: PodDraft[] = [];
  const seedOf = (i: number | string) => `${w.namespace}/${w.kind}/${w.name}/${hash}/${i}`;
  switch (w.kind) {
    case 'Deployment': {
      const rs = `${w.name}-${hash}`;
      for (let i = 0; i < w.count; i++) out.push(base(generatedName(rs, seedOf(i)), { 'pod-template-hash': hash }));
      break;
    }
    case 'ReplicaSet':
      for (let i = 0; i < w.count; i++) out.push(base(generatedName(w.name, seedOf(i)), {}));
      break;
    case 'StatefulSet':
      for (let i = 0; i < w.count; i++) {
        const name = `${w.name}-${i}`;
        out.push(
          base(name, {
            'controller-revision-hash': `${w.name}-${hash}`,
            'statefulset.kubernetes.io/pod-name': name,
            'apps.kubernetes.io/pod-index': String(i),
          }),
        );
      }
      break;
    case 'DaemonSet':
      for (const node of daemonNodes)
        out.push({ ...base(generatedName(w.name, seedOf(node)), { 'controller-revision-hash': hash, 'pod-template-generation': '1' }), nodeName: node });
      break;
    case 'Job':
      for (let i = 0; i < w.count; i++) out.push(base(generatedName(w.name, seedOf(i)), { 'batch.kubernetes.io/job-name': w.name, 'job-name': w.name }));
      break;
  }
  return out;
}
