/** Validation problems and edit errors in English (see en.ts). */
import type { MODEL_CODES } from '../../sim/messages/codes-model';
import type { SimDictionary } from './format';
import { KIND } from './en-kinds';

export { KIND } from './en-kinds';

const FOR: Record<string, string> = {
  router: ' for {name}',
  node: ' for another node',
  host: ' for another host',
  loadBalancer: ' for the load balancer',
  any: '',
};

export const enModel: Pick<SimDictionary, keyof typeof MODEL_CODES> = {
  'problem.duplicate-id': (p) => `id ${p.id} is used twice`,
  'problem.duplicate-name': (p) => `another ${KIND[p.kind]} is already named ${p.name}`,
  'problem.service-cidr-overlaps-pod-cidr': (p) => `the service CIDR ${p.serviceCidr} overlaps the pod CIDR ${p.podCidr}`,
  'problem.node-prefix-too-big': (p) => `a /${p.prefix} per node does not fit in the pod CIDR ${p.podCidr}`,
  'problem.cidr-not-aligned': (p) => `${p.cidr} is not a network address; did you mean ${p.suggestion}?`,
  'problem.subnets-overlap': (p) => `subnet ${p.subnet} (${p.cidr}) overlaps subnet ${p.other} (${p.otherCidr})`,
  'problem.subnet-overlaps-cluster': (p) => `subnet ${p.subnet} (${p.cidr}) overlaps the cluster ${p.range} CIDR ${p.rangeCidr}`,
  'problem.gateway-outside-subnet': (p) => `gateway ${p.gateway} is not in ${p.cidr}`,
  'problem.gateway-not-router': (p) => `no router has ${p.gateway} on ${p.subnet}, so hosts there cannot leave the subnet`,
  'problem.subnet-missing': (p) => `${p.name} is on subnet ${p.subnet}, which does not exist`,
  'problem.ip-outside-subnet': (p) => `${p.name}'s address ${p.ip} is not in its subnet ${p.subnet} (${p.cidr})`,
  'problem.ip-network-or-broadcast': (p) => `${p.ip} is the network or broadcast address of ${p.cidr}`,
  'problem.ip-in-use': (p) => `${p.ip} is already used by ${p.owner} on ${p.subnet}`,
  'problem.route-via-unreachable': (p) => `next hop ${p.via} for ${p.dst} is on none of ${p.router}'s subnets`,
  'problem.pod-cidr-outside-cluster': (p) => `${p.node}'s pod CIDR ${p.podCidr} is outside the cluster pod CIDR ${p.clusterCidr}`,
  'problem.pod-cidrs-overlap': (p) => `${p.node}'s pod CIDR ${p.podCidr} overlaps ${p.other}'s ${p.otherCidr}`,
  'problem.pod-node-missing': (p) => `pod ${p.pod} is scheduled to node ${p.node}, which does not exist`,
  'problem.pod-ip-outside-node-cidr': (p) => `pod ${p.pod}'s IP ${p.ip} is outside ${p.node}'s pod CIDR ${p.podCidr}`,
  'problem.pod-ip-reserved': (p, f) => `${p.ip} is reserved on ${p.node} (network, broadcast or the ${f.code('cni0')} gateway ${p.gateway})`,
  'problem.pod-ip-outside-pool': (p) => `pod ${p.pod}'s IP ${p.ip} is outside the Calico IP pool ${p.pool}`,
  'problem.pod-ip-in-use': (p) => `pod IP ${p.ip} is already used by pod ${p.owner}`,
  'problem.address-in-use': (p, f) =>
    `${p.what === 'podIp' ? 'pod IP ' : p.what === 'clusterIp' ? 'ClusterIP ' : ''}${p.ip} is already used by ${f.list(p.others.map((o) => (p.what === 'podIp' ? `pod ${o}` : p.what === 'clusterIp' ? `service ${o}` : o)))}${p.subnet ? ` on ${p.subnet}` : ''}`,
  'problem.no-cluster-dns': () =>
    'this cluster has no CoreDNS (no kube-dns Service in kube-system), so pods cannot look up Service names; Add cluster DNS installs it',
  'problem.no-coredns-pods': () => 'no CoreDNS pods run behind kube-system/kube-dns, so pods cannot look up Service names; Add cluster DNS brings them back',
  'problem.not-an-ingress-controller': (p, f) =>
    `the Controller Service of Ingress ${p.ingress} must expose an ingress controller (such as ingress-nginx), but Service ${p.service} ${p.wrong.length === 0 ? 'selects no pods' : `selects ${f.list(p.wrong)}, which ${f.plural(p.wrong.length, { one: 'is not an ingress controller pod', other: 'are not ingress controller pods' })}`}; add an ingress controller from the palette and choose its Service`,
  'problem.port-conflict': (p) => `containers ${p.first} and ${p.second} both listen on ${p.port}; they share the pod's network namespace`,
  'problem.cluster-ip-outside-range': (p) => `ClusterIP ${p.ip} is outside the service CIDR ${p.serviceCidr}`,
  'problem.cluster-ip-in-use': (p) => `ClusterIP ${p.ip} is already used by Service ${p.owner}`,
  'problem.node-port-outside-range': (p, f) => `${f.code(p.field)} ${p.port} is outside the range ${p.min}-${p.max}`,
  'problem.node-port-in-use': (p) => `nodePort ${p.port} is already used by Service ${p.owner}`,
  'problem.health-check-port-in-use': (p) => `healthCheckNodePort ${p.port} is already a nodePort of Service ${p.owner}`,
  'problem.lb-service-missing': (p) => `load balancer ${p.lb} fronts Service ${p.service}, which does not exist`,
  'problem.external-name-missing': (p) => `ExternalName Service ${p.service} needs an externalName (the DNS name its CNAME points to)`,
  'problem.headless-wrong-type': (p) => `a headless Service (clusterIP None) must be type ClusterIP, not ${p.type}`,
  'problem.service-no-ports': (p) => `Service ${p.service} has no ports, so kube-proxy programs nothing for it`,
  'problem.target-port-unresolved': (p, f) =>
    `targetPort ${p.targetPort} is not a ${p.protocol} container port of ${f.list(p.pods)}, so ${f.plural(p.pods.length, { one: 'that pod is', other: 'those pods are' })} left out of the endpoints`,
  'problem.lb-service-wrong-type': (p) =>
    `load balancer ${p.lb} fronts ${p.service}, which is type ${p.type}, not LoadBalancer (it has ${p.nodePorts ? '' : 'no '}NodePorts to forward to)`,
  'problem.ingress-no-controller': (p) => `Ingress ${p.ingress} names no controllerService, so no controller serves it`,
  'problem.ingress-controller-missing': (p) => `Ingress ${p.ingress} is served by Service ${p.service}, which does not exist`,
  'problem.ingress-backend-missing': (p) => `backend Service ${p.service} does not exist (an Ingress reaches Services of its own namespace only)`,
  'problem.ingress-backend-no-port': (p) => `Service ${p.service} has no port ${p.port}`,

  'edit.no-such': (p) => `there is no ${KIND[p.kind]} ${p.id}`,
  'edit.no-free-subnet': (_p, f) => `no free /24 is left in ${f.code('192.168.0.0/16')} or ${f.code('172.16.0.0/12')} for a new subnet`,
  'edit.router-needs-subnet': () => 'a router needs a subnet to sit on: add a subnet first',
  'edit.router-has-interface': (p) => `${p.router} already has an interface on ${p.subnet}`,
  'edit.router-no-interface': (p) => `${p.router} has no interface on ${p.subnet}`,
  'edit.router-last-interface': (p) => `a router needs at least one interface; delete ${p.router} instead`,
  'edit.subnet-full': (p) => `${p.subnet} (${p.cidr}) has no free address${FOR[p.for]!.replace('{name}', p.name ?? '')}`,
  'edit.node-needs-subnet': () => 'a node needs a subnet for its eth0: add a subnet first',
  'edit.no-pod-cidr-left': (p) => `no free /${p.prefix} is left in the cluster pod CIDR ${p.cidr} for another node`,
  'edit.pod-needs-node': () => 'a pod runs on a node: add a cluster node first',
  'edit.pod-drop-on-node': () => "drop the pod onto a cluster node: a pod gets its IP from its node's pod CIDR",
  'edit.node-pod-cidr-full': (p) => `${p.node} has no free address left in its pod CIDR ${p.cidr}`,
  'edit.not-on-subnet': () => 'only nodes, outside clients and load balancers sit on a subnet',
  'edit.client-needs-subnet': () => 'an outside client needs a subnet: add a subnet first',
  'edit.node-ports-full': (p) => `the NodePort range ${p.min}-${p.max} is full`,
  'edit.service-cidr-full': (p) => `the service CIDR ${p.cidr} is full`,
  'edit.lb-needs-service': () => 'a load balancer fronts a Service: add a Service first',
  'edit.lb-needs-subnet': () => 'a load balancer needs a subnet for its public IP: add a subnet first',
  'edit.subnet-too-small': (p) => `${p.cidr} is too small for the hosts already on ${p.subnet}`,
  'edit.pod-cidr-too-small': (p) => `the pod CIDR ${p.cidr} is too small for the pods on this node`,
  'edit.pod-cidr-too-few-blocks': (p, f) =>
    `${p.cidr} has too few /${p.prefix} blocks for ${f.count(p.nodes)} ${f.plural(p.nodes, { one: 'node', other: 'nodes' })}`,
  'edit.service-cidr-too-small': (p, f) =>
    `the service CIDR ${p.cidr} is too small for ${f.count(p.services)} ${f.plural(p.services, { one: 'Service', other: 'Services' })}`,
  'edit.name-too-long': (p, f) => `a scenario name is at most ${f.count(p.max)} characters`,
  'edit.description-too-long': (p, f) => `a description is at most ${f.count(p.max)} characters`,
  'edit.dns-address-taken': (p) => `the DNS address ${p.ip} is already taken by Service ${p.service}: change its ClusterIP first`,
  'edit.dns-present': () => 'this cluster already has CoreDNS: the kube-dns Service and its pods',
  'edit.ingress-controller-needs-node': () => 'an ingress controller runs as pods on a node: add a cluster node first',
  'edit.policy-name-taken': (p) => `another NetworkPolicy is already named ${p.name}`,
  'edit.id-taken': (p) => `id ${p.id} is already used by another element`,
  'edit.no-policy': (p) => `no NetworkPolicy with id ${p.id}`,
  'edit.field': (p) => `${p.field}: ${p.issue}`,

  'schema.ipv4': (_p, f) => `not an IPv4 address (expected e.g. ${f.code('192.168.1.10')})`,
  'schema.cidr': (_p, f) => `not an IPv4 CIDR (expected e.g. ${f.code('10.244.0.0/16')})`,
  'schema.dns-domain': (_p, f) => `not a DNS domain (expected e.g. ${f.code('cluster.local')}: lower-case letters, digits and "-" in labels joined by ".")`,
  'schema.k8s-name': () => 'a Kubernetes name is lower-case letters, digits and "-" (RFC 1123 label)',
  'schema.peer-empty': () => 'a peer needs podSelector, namespaceSelector or ipBlock (as the API requires)',
  'schema.peer-ipblock-mixed': () => 'ipBlock cannot be combined with podSelector or namespaceSelector in one peer',
  'schema.end-port': () => 'endPort needs a numeric port and must not be below it',
  'schema.id': () => 'ids use letters, digits, "-", "_", ".", ":"',
  'schema.reserved-key': (p) => `${p.key} cannot be a label key here (it names a built-in property of JavaScript objects); rename it`,
  'schema.too-small': (p, f) =>
    p.origin === 'string' || p.origin === 'array'
      ? `needs ${p.inclusive ? 'at least' : 'more than'} ${f.count(p.min)} ${p.origin === 'string' ? f.plural(p.min, { one: 'character', other: 'characters' }) : f.plural(p.min, { one: 'item', other: 'items' })}`
      : `must be ${p.inclusive ? 'at least' : 'greater than'} ${p.min}`,
  'schema.too-big': (p, f) =>
    p.origin === 'string' || p.origin === 'array'
      ? `takes ${p.inclusive ? 'at most' : 'fewer than'} ${f.count(p.max)} ${p.origin === 'string' ? f.plural(p.max, { one: 'character', other: 'characters' }) : f.plural(p.max, { one: 'item', other: 'items' })}`
      : `must be ${p.inclusive ? 'at most' : 'less than'} ${p.max}`,
  'schema.not-integer': () => 'must be a whole number',
  'schema.required': () => 'is required',
  'schema.not-empty': () => 'must not be empty',
  'schema.number': (p) => {
    const what = p.int ? 'a whole number' : 'a number';
    const range =
      p.min !== undefined && p.max !== undefined
        ? `${what} from ${p.min} to ${p.max}`
        : p.min !== undefined
          ? `${what} of at least ${p.min}`
          : p.max !== undefined
            ? `${what} of at most ${p.max}`
            : what;
    return `must be ${range}${p.given ? ` (not ${p.given})` : ''}`;
  },
  'schema.invalid-type': (p) =>
    `must be ${{ string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'a map (an object)', other: 'of another type' }[p.expected]}${p.given ? ` (not ${p.given})` : ''}`,
  'schema.invalid-value': (p, f) =>
    `must be ${p.values.length === 1 ? `"${p.values[0]}"` : `one of ${f.or(p.values.map((v) => `"${v}"`))}`}${p.given ? ` (not ${p.given})` : ''}`,
  'schema.unknown-keys': (p, f) => `unknown ${f.plural(p.keys.length, { one: 'field', other: 'fields' })} ${f.list(p.keys)}`,
  'schema.invalid': (p) => `invalid (${p.detail})`,

  'text.not-key-value': (p) => `${p.item} is not key=value`,
  'text.bad-label-key': (p) => `${p.key} is not a valid label key (letters, digits, "-", "_", "." and an optional prefix/)`,
  'text.bad-label-value': (p) => `${p.value} is not a valid label value (letters, digits, "-", "_", ".", starting and ending alphanumeric)`,
  'text.duplicate-label': (p) => `label ${p.key} is given twice`,
  'text.not-a-port': (p) => `${p.item} is not a port (e.g. ${p.example})`,
  'text.port-range': (p) => `${p.port} is not a port number (1-65535)`,
  'text.not-a-route': (p, f) => `${p.line} is not ${f.code('CIDR via NEXT-HOP')} (e.g. ${p.example})`,
  'text.not-a-rule': (p, f) => `${p.line} is not ${f.code('HOST/PATH -> SERVICE:PORT')} (e.g. ${p.example})`,
  'text.namespace-name-label': (p, f) =>
    `${f.code('kubernetes.io/metadata.name')} is set by the control plane to the namespace's own name (${p.namespace}) and cannot be changed`,
};
