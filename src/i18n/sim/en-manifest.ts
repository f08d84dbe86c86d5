/**
 * What the manifest importer, a NetworkPolicy's YAML and the CLI's inspector say, in English (see
 * codes-input.ts): registered with the code that says it (./manifest-messages.ts: the manifest dialog,
 * the Policies tab) and with a trace's sentences (./en.ts), not before the first paint.
 */
import type { INPUT_CODES } from '../../sim/messages/codes-input';
import type { SimDictionary } from './format';

/** The codes of this dictionary. */
export type LaterCode = Extract<keyof typeof INPUT_CODES, `manifest.${string}` | `inspect.${string}` | `match.${string}` | `policy-yaml.${string}`>;

const OBJECT: Record<string, string> = {
  metadata: 'an object with a name (metadata)',
  'pod-spec': 'a pod spec with containers',
  'pod-template': 'a pod template (metadata, spec)',
  selector: 'a label selector (matchLabels)',
  'workload-spec': 'a spec with selector and template',
  'job-spec': 'a spec with a template',
  backend: 'a backend with a service',
  'backend-service': 'service: { name, port }',
  'policy-spec': 'a NetworkPolicy spec',
};

export const enManifest: Pick<SimDictionary, LaterCode> = {
  'manifest.at': (p) =>
    `${p.source ? `${p.source}: ` : ''}document ${p.doc}${p.ref ? ` (${p.ref})` : ''}${p.line ? `, line ${p.line}` : ''}: ${p.path ? `${p.path}: ` : ''}${p.issue}`,
  'manifest.not-yaml': (p) => `not valid YAML: ${p.detail}`,
  'manifest.not-object': () => 'expected a Kubernetes object (a map with apiVersion, kind and metadata)',
  'manifest.list-items': () => 'expected a list of objects',
  'manifest.list-item': () => 'expected a Kubernetes object',
  'manifest.needs-kind': () => 'missing: every object needs apiVersion and kind',
  'manifest.ignored-kind': (p) => `ignored: kind ${p.kind} (not networking)`,
  'manifest.api-version': (p, f) => `${p.kind} is served as ${f.or(p.versions)}, not ${p.given}`,
  'manifest.duplicate': (p) => `duplicate: ${p.source ? `${p.source} ` : ''}document ${p.doc} already defines ${p.ref}`,
  'manifest.schema.dns-label': () => 'expected a DNS-1123 label: lower-case letters, digits and "-", at most 63 characters',
  'manifest.schema.dns-subdomain': () => 'expected a DNS-1123 subdomain: lower-case letters, digits, "-" and "."',
  'manifest.schema.string-value': () => 'expected a string value (quote numbers and booleans)',
  'manifest.schema.string-map': () => 'expected a map of strings',
  'manifest.schema.port-name': () => 'a port name has at most 15 characters',
  'manifest.schema.port-or-name': () => 'expected a port number 1-65535 or a port name',
  'manifest.schema.needs-container': () => 'a pod needs at least one container',
  'manifest.schema.path-slash': () => 'a path starts with "/"',
  'manifest.schema.needs-path': () => 'expected at least one path',
  'manifest.schema.endpoint-address': () => 'an endpoint has at least one address',
  'manifest.schema.object': (p) => `expected ${OBJECT[p.what]}`,
  'manifest.scenario-invalid': (p) => `the resulting scenario is invalid: ${p.issue}`,
  'manifest.node-no-subnet': (p) =>
    p.ip ? `no subnet of the cluster holds the node's InternalIP ${p.ip}` : 'the node has no InternalIP, so it has no place on the cluster',
  'manifest.external-name-missing': () => 'missing: a Service of type ExternalName needs externalName',
  'manifest.lb-not-provisioned': () =>
    'type LoadBalancer: no cloud load balancer is provisioned on import (its NodePorts work; add a load balancer from the palette)',
  'manifest.slice-no-service': (p, f) =>
    `no Service ${p.namespace}/${p.service ?? `(no ${f.code('kubernetes.io/service-name')} label)`} among the manifests: left out`,
  'manifest.slice-has-selector': (p) =>
    `Service ${p.service} has a selector, so the EndpointSlice controller computes its endpoints from pods: this object is left out`,
  'manifest.slice-address-type': (p) => `addressType ${p.type}: only IPv4 is modelled; left out`,
  'manifest.unschedulable': (p) => `pod ${p.pod} cannot be scheduled: ${p.why}`,
  'manifest.no-such-node': (p) => `node ${p.node} does not exist in the cluster`,
  'manifest.scheduler-event': (p) => `${p.event}`,
  'manifest.host-network': (p) => `pod ${p.pod}: hostNetwork is not modelled; it gets a pod address`,
  'manifest.selector-mismatch': (p, f) => `selector does not match template labels (missing ${f.list(p.missing)})`,
  'manifest.ingress-rule-no-paths': () => 'a rule without http paths routes nothing; left out',
  'manifest.ingress-port': () => 'expected a port number or name',
  'manifest.no-ingress-controller': () => 'no ingress controller Service (ingress-nginx) in the cluster, so no controller serves this Ingress yet',
  'manifest.service-selects-nothing': (p) => `Service ${p.service} selects no pod (${p.selector}): it has no endpoints`,
  'manifest.pod-ip-reassigned': (p) => `pod ${p.pod}: status.podIP ${p.ip} is not free in its node's pod CIDR ${p.podCidr}; it gets ${p.got}`,
  'manifest.cluster-ip-reassigned': (p) => `spec.clusterIP ${p.ip} is not free in this cluster's service CIDR ${p.serviceCidr}; the Service gets ${p.got}`,
  'manifest.node-port-reassigned': (p, f) => `${p.field} ${p.port} is taken or outside ${f.code('30000-32767')}; the Service gets ${p.got}`,

  'inspect.unknown-node': (p, f) =>
    `unknown node "${p.ref}"; nodes: ${p.nodes.length ? f.list(p.nodes) : 'none'}${p.routers.length ? `; routers: ${f.list(p.routers)}` : ''}`,
  'inspect.unknown-pod': (p, f) => `unknown pod "${p.ref}"; pods: ${p.pods.length ? f.list(p.pods) : 'none'}`,
  'inspect.unknown-tool': (p, f) => `unknown tool "${p.tool}" for ${p.kind === 'client' ? 'an outside host' : `a ${p.kind}`}; one of: ${f.or(p.tools)}`,

  'match.missing': () => 'not in the table: the node needs this route, but the kernel refuses to add it',

  'match.no-ingress-rule': () => 'no rule matches and there is no defaultBackend',
  'match.no-endpoints': () => 'the backend has no endpoint to proxy to',

  'policy-yaml.not-object': () => 'expected one NetworkPolicy object',
  'policy-yaml.wrong-field': (p) => `${p.field}: expected ${p.expected}, not ${p.given}`,
};
