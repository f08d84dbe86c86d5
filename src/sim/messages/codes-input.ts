/**
 * Message codes of what is read from outside: scenario files and share links (src/sim/model/parse.ts,
 * materialize.ts), Kubernetes manifests (src/io/manifests) and a NetworkPolicy's YAML in the
 * inspector (src/io/policy-yaml.ts). They live in the one code list so every dictionary and the
 * guard tests cover them like the simulator's own sentences. Each entry is the code's parameter
 * shape; see spec.ts.
 */
import type { ParamSpec } from './spec';

export const INPUT_CODES = {
  // Scenario files and share links.
  'input.not-object': {},
  'input.not-json': { detail: 'id' },
  'input.version-missing': { version: 'num' },
  'input.version-invalid': { version: 'num' },
  'input.version-newer': { given: 'num', version: 'num' },
  'input.too-many-elements': { elements: 'num', max: 'num' },
  'input.too-many-values': { max: 'num' },
  'input.file-too-large': { mb: 'num' },
  'input.file-unreadable': {},
  'input.not-lesson-id': {},
  'input.no-free-pod-cidr': { prefix: 'num', podCidr: 'id', node: 'id?' },
  'input.pod-node-missing': { pod: 'id', node: 'id' },
  'input.no-free-pod-ip': { node: 'id', podCidr: 'id', pod: 'id?' },
  'input.calico-pool-full': { pool: 'id', pod: 'id' },
  'input.service-cidr-full': { serviceCidr: 'id' },
  'input.node-ports-full': {},
  /** A value that fits none of a field's accepted shapes (a zod union). */
  'input.no-variant': { given: 'id?' },
  /** A field path and what is wrong there (`pods.2.ip: not an IPv4 address`). */
  'input.at': { path: 'id', issue: 'msg' },

  // Kubernetes manifests: reading the documents.
  /** Where in the manifests, and what is wrong there (the CLI's line). */
  'manifest.at': { source: 'id?', doc: 'num', ref: 'id?', line: 'num?', path: 'id?', issue: 'msg' },
  'manifest.not-yaml': { detail: 'id' },
  'manifest.not-object': {},
  'manifest.list-items': {},
  'manifest.list-item': {},
  'manifest.needs-kind': {},
  'manifest.ignored-kind': { kind: 'id' },
  'manifest.api-version': { kind: 'id', versions: 'ids', given: 'id' },
  'manifest.duplicate': { source: 'id?', doc: 'num', ref: 'id' },
  // The shapes of the objects (k8s-schemas.ts): the ones a generic message would say less well.
  'manifest.schema.dns-label': {},
  'manifest.schema.dns-subdomain': {},
  'manifest.schema.string-value': {},
  'manifest.schema.string-map': {},
  'manifest.schema.port-name': {},
  'manifest.schema.port-or-name': {},
  'manifest.schema.needs-container': {},
  'manifest.schema.path-slash': {},
  'manifest.schema.needs-path': {},
  'manifest.schema.endpoint-address': {},
  'manifest.schema.object': {
    what: ['metadata', 'pod-spec', 'pod-template', 'selector', 'workload-spec', 'job-spec', 'backend', 'backend-service', 'policy-spec'],
  },
  // Building the cluster.
  'manifest.scenario-invalid': { issue: 'msg' },
  'manifest.node-no-subnet': { ip: 'id?' },
  'manifest.external-name-missing': {},
  'manifest.lb-not-provisioned': {},
  'manifest.slice-no-service': { namespace: 'id', service: 'id?' },
  'manifest.slice-has-selector': { service: 'id' },
  'manifest.slice-address-type': { type: 'id' },
  'manifest.unschedulable': { pod: 'id', why: 'msg' },
  'manifest.no-such-node': { node: 'id' },
  'manifest.scheduler-event': { event: 'id' },
  'manifest.host-network': { pod: 'id' },
  'manifest.selector-mismatch': { missing: 'ids' },
  'manifest.ingress-rule-no-paths': {},
  'manifest.ingress-port': {},
  'manifest.no-ingress-controller': {},
  'manifest.service-selects-nothing': { service: 'id', selector: 'id' },
  'manifest.pod-ip-reassigned': { pod: 'id', ip: 'id', podCidr: 'id', got: 'id' },
  'manifest.cluster-ip-reassigned': { ip: 'id', serviceCidr: 'id', got: 'id' },
  'manifest.node-port-reassigned': { field: 'id', port: 'num', got: 'num' },

  // What the CLI's --node/--pod --show asks for (src/sim/inspect).
  'inspect.unknown-node': { ref: 'id', nodes: 'ids', routers: 'ids' },
  'inspect.unknown-pod': { ref: 'id', pods: 'ids' },
  'inspect.unknown-tool': { tool: 'id', kind: ['node', 'router', 'client', 'pod'], tools: 'ids' },

  // Notes on a hop's matched entry that the tool itself does not print.
  'match.missing': {},
  'match.no-ingress-rule': {},
  'match.no-endpoints': {},

  // A NetworkPolicy's YAML in the inspector.
  'policy-yaml.not-object': {},
  'policy-yaml.wrong-field': { field: ['kind', 'apiVersion'], expected: 'id', given: 'id' },
} as const satisfies Record<string, ParamSpec>;
