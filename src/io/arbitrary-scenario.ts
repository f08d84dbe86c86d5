/**
 * fast-check arbitraries for tests: scenario documents that `parseScenario` accepts, covering every
 * element kind and most optional fields (explicit and allocated addresses, default and non-default
 * settings, labels, positions off the pixel grid). Used by the io property tests.
 */
import fc from 'fast-check';
import { type Scenario, type ScenarioInput } from '../sim/index';
import { parseScenario } from '../sim/editing';

const k8sName = fc.constantFrom('web', 'api', 'db', 'client', 'cache', 'shop', 'a', 'x-1', 'frontend', 'coredns');
const namespace = fc.constantFrom('default', 'shop', 'kube-system');
const labelKey = fc.constantFrom('app', 'tier', 'env', 'app.kubernetes.io/name', 'k8s-app');
const labelValue = fc.constantFrom('web', 'api', 'prod', '', 'v1', 'kube-dns', '中文');
const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 3 });
const port = fc.integer({ min: 1, max: 65535 });
const portName = fc.constantFrom('http', 'https', 'metrics', 'dns', 'grpc');
const l4 = fc.constantFrom('TCP', 'UDP', 'SCTP') as fc.Arbitrary<'TCP' | 'UDP' | 'SCTP'>;
/** Positions as a canvas produces them: often whole, sometimes fractional, sometimes negative. */
const coordinate = fc.oneof(fc.integer({ min: -5000, max: 5000 }), fc.double({ min: -5000, max: 5000, noNaN: true, noDefaultInfinity: true }));

function opt<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined });
}

/** Drop keys whose value is undefined, as a JSON document would. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const cluster = fc
  .record({
    podCidr: opt(fc.constantFrom('10.244.0.0/16', '10.32.0.0/12', '172.16.0.0/16')),
    nodePodPrefix: opt(fc.constantFrom(24, 25, 26)),
    serviceCidr: opt(fc.constantFrom('10.96.0.0/12', '10.100.0.0/16')),
    flannelBackend: opt(fc.constantFrom('host-gw', 'vxlan') as fc.Arbitrary<'host-gw' | 'vxlan'>),
    directRouting: opt(fc.boolean()),
    kubeProxyMode: opt(fc.constantFrom('iptables', 'ipvs') as fc.Arbitrary<'iptables' | 'ipvs'>),
    dnsDomain: opt(fc.constantFrom('cluster.local', 'corp.example')),
    mtu: opt(fc.integer({ min: 576, max: 9000 })),
  })
  .map(clean);

const containerPort = fc.record({ name: opt(portName), containerPort: port, protocol: opt(l4) }).map(clean);
const container = fc
  .record({ name: k8sName, image: opt(fc.constantFrom('nginx:1.27', 'curlimages/curl')), ports: opt(fc.array(containerPort, { maxLength: 2 })) })
  .map(clean);

export const scenarioDocArbitrary: fc.Arbitrary<ScenarioInput> = fc
  .record({
    name: opt(fc.string({ maxLength: 40 })),
    description: opt(fc.string({ maxLength: 80 })),
    cluster: opt(cluster),
    subnetCount: fc.integer({ min: 1, max: 3 }),
    withRouter: fc.boolean(),
    nodes: fc.array(fc.record({ name: k8sName, subnet: fc.nat(2), podCidrBlock: opt(fc.integer({ min: 100, max: 200 })) }), { maxLength: 4 }),
    pods: fc.array(
      fc.record({
        name: k8sName,
        namespace: opt(namespace),
        labels: opt(labels),
        node: fc.nat(3),
        ip: opt(fc.integer({ min: 2, max: 250 })),
        containers: fc.array(container, { minLength: 1, maxLength: 2 }),
      }),
      { maxLength: 6 },
    ),
    clients: fc.array(
      fc.record({ name: k8sName, subnet: fc.nat(2), ports: opt(fc.array(fc.record({ port, protocol: opt(l4) }).map(clean), { maxLength: 2 })) }),
      { maxLength: 2 },
    ),
    services: fc.array(
      fc.record({
        name: k8sName,
        namespace: opt(namespace),
        type: opt(
          fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName') as fc.Arbitrary<'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName'>,
        ),
        clusterIP: opt(
          fc.oneof(
            fc.constant('None'),
            fc.integer({ min: 2, max: 200 }).map((n) => `10.96.0.${n}`),
          ),
        ),
        ports: opt(
          fc.array(
            fc
              .record({
                name: opt(portName),
                port,
                targetPort: opt(fc.oneof(port, portName)),
                protocol: opt(l4),
                nodePort: opt(fc.integer({ min: 30000, max: 32767 })),
              })
              .map(clean),
            { maxLength: 2 },
          ),
        ),
        selector: opt(labels),
        sessionAffinity: opt(fc.constantFrom('None', 'ClientIP') as fc.Arbitrary<'None' | 'ClientIP'>),
        externalTrafficPolicy: opt(fc.constantFrom('Cluster', 'Local') as fc.Arbitrary<'Cluster' | 'Local'>),
        healthCheckNodePort: opt(fc.integer({ min: 30000, max: 32767 })),
      }),
      { maxLength: 4 },
    ),
    withLb: fc.boolean(),
    withIngress: fc.boolean(),
    positions: fc.array(fc.tuple(coordinate, coordinate), { maxLength: 12 }),
  })
  .map((g) => {
    const subnets = Array.from({ length: g.subnetCount }, (_, i) => ({
      id: `subnet-${i}`,
      name: `rack-${i}`,
      cidr: `192.168.${i}.0/24`,
      ...(g.withRouter ? { gateway: `192.168.${i}.1` } : {}),
    }));
    const routers = g.withRouter ? [{ id: 'router-1', name: 'core', interfaces: subnets.map((s, i) => ({ subnet: s.id, ip: `192.168.${i}.1` })) }] : [];
    const nodes = g.nodes.map((n, i) =>
      clean({
        id: `node-${i}`,
        name: `${n.name}-${i}`,
        subnet: `subnet-${n.subnet % g.subnetCount}`,
        ip: `192.168.${n.subnet % g.subnetCount}.${10 + i}`,
        podCidr: n.podCidrBlock === undefined ? undefined : `10.244.${n.podCidrBlock}.0/24`,
      }),
    );
    const pods =
      nodes.length === 0
        ? []
        : g.pods.map((p, i) => {
            const node = p.node % nodes.length;
            return clean({
              id: `pod-${i}`,
              name: p.name,
              namespace: p.namespace,
              labels: p.labels,
              node: `node-${node}`,
              // An explicit address in a block the allocator does not hand out first.
              ip: p.ip === undefined ? undefined : `10.250.${node}.${p.ip}`,
              containers: p.containers,
            });
          });
    const clients = g.clients.map((c, i) =>
      clean({
        id: `client-${i}`,
        name: `${c.name}-host`,
        subnet: `subnet-${c.subnet % g.subnetCount}`,
        ip: `192.168.${c.subnet % g.subnetCount}.${200 + i}`,
        ports: c.ports,
      }),
    );
    const services = g.services.map((s, i) =>
      clean({ id: `svc-${i}`, ...s, ...(s.type === 'ExternalName' ? { externalName: 'db.example.com', clusterIP: undefined } : {}) }),
    );
    const loadBalancers = g.withLb && services.length > 0 ? [{ id: 'lb-1', name: 'cloud-lb', service: 'svc-0', ip: '192.168.0.250', subnet: 'subnet-0' }] : [];
    const ingresses =
      g.withIngress && services.length > 0
        ? [
            {
              id: 'ing-1',
              name: 'shop',
              ...(services.length > 0 ? { controllerService: 'svc-0' } : {}),
              rules: [
                {
                  host: 'shop.example.com',
                  paths: [
                    { path: '/', backend: { service: services[0]!.name, port: 80 } },
                    { path: '/api', pathType: 'Exact' as const, backend: { service: 'api', port: 'http' } },
                  ],
                },
              ],
              defaultBackend: { service: 'web', port: 80 },
            },
          ]
        : [];
    const ids = [...subnets, ...routers, ...nodes, ...pods, ...clients, ...services, ...loadBalancers, ...ingresses].map((e) => e.id);
    const layout: Record<string, { x: number; y: number }> = {};
    g.positions.forEach(([x, y], i) => {
      if (i < ids.length) layout[ids[i]!] = { x, y };
    });
    return clean({
      version: 1 as const,
      name: g.name,
      description: g.description,
      cluster: g.cluster,
      subnets,
      routers,
      nodes,
      pods,
      clients,
      services,
      loadBalancers,
      ingresses,
      layout,
    }) as ScenarioInput;
  });

/** Parsed scenarios (with addresses allocated), as the store holds them. */
export const scenarioArbitrary: fc.Arbitrary<Scenario> = scenarioDocArbitrary.map((doc) => {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(`the scenario arbitrary made an invalid document: ${JSON.stringify(parsed.errors)}`);
  return parsed.scenario;
});
