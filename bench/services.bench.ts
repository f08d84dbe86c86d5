/**
 * Service traces on a generated cluster with 500 Services (50 nodes, 1,000 pods, two endpoints per
 * Service, CoreDNS): median microseconds per trace, request and reply. The first trace through a node
 * builds that node's kube-proxy rules (cached per scenario); the table reports that build separately.
 * Target: median under 1 ms per Service trace.
 */
import { type Scenario, type ScenarioInput } from '../src/sim/index';
import { parseScenario } from '../src/sim/editing';
import { createSessionState, trace } from '../src/sim/tracer';
import { fmt, timeIt } from './timing';

const SERVICES = 500;
const NODES = 50;
const PODS_PER_NODE = 20;

export function generateServicesCluster(mode: 'iptables' | 'ipvs'): Scenario {
  const doc: ScenarioInput = {
    version: 1,
    name: `${SERVICES} services (${mode})`,
    cluster: { cni: 'flannel', flannelBackend: 'vxlan', kubeProxyMode: mode },
    subnets: [{ id: 'lan', name: 'lan', cidr: '192.168.0.0/22', gateway: '192.168.0.1' }],
    routers: [{ id: 'gw', name: 'gw', interfaces: [{ subnet: 'lan', ip: '192.168.0.1' }] }],
    clients: [{ id: 'laptop', name: 'laptop', subnet: 'lan', ip: '192.168.3.250' }],
    nodes: Array.from({ length: NODES }, (_, i) => ({ id: `node-${i}`, name: `node-${i}`, subnet: 'lan', ip: `192.168.1.${10 + i}` })),
    pods: [
      ...Array.from({ length: 2 }, (_, i) => ({
        id: `coredns-${i}`,
        name: `coredns-${i}`,
        namespace: 'kube-system',
        node: `node-${i}`,
        labels: { 'k8s-app': 'kube-dns' },
        containers: [{ name: 'coredns', ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' as const }] }],
      })),
      ...Array.from({ length: NODES * PODS_PER_NODE - 2 }, (_, i) => ({
        id: `pod-${i}`,
        name: `app-${i}`,
        node: `node-${i % NODES}`,
        labels: { app: `app-${i % SERVICES}` },
        containers: [{ name: 'app', ports: [{ name: 'http', containerPort: 8080 }] }],
      })),
    ],
    services: [
      {
        id: 'kube-dns',
        name: 'kube-dns',
        namespace: 'kube-system',
        selector: { 'k8s-app': 'kube-dns' },
        ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 }],
      },
      ...Array.from({ length: SERVICES }, (_, i) => ({
        id: `svc-${i}`,
        name: `svc-${i}`,
        type: (i % 5 === 0 ? 'NodePort' : 'ClusterIP') as 'NodePort' | 'ClusterIP',
        selector: { app: `app-${i}` },
        ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      })),
    ],
  };
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(`generated services cluster is invalid: ${JSON.stringify(r.errors.slice(0, 3))}`);
  return r.scenario;
}

export function runServicesBench(): void {
  console.log(`\n## Service traces, ${SERVICES} Services, ${NODES} nodes, ${NODES * PODS_PER_NODE} pods (request + reply), microseconds per trace`);
  console.log('mode      case                          median       p95   first-trace');
  for (const mode of ['iptables', 'ipvs'] as const) {
    const s = generateServicesCluster(mode);
    const client = (i: number) => `pod-${(i * 7) % (NODES * PODS_PER_NODE - 2)}`;
    const ip = (i: number) => s.services[1 + (i % SERVICES)]!.clusterIP!;
    const t0 = process.hrtime.bigint();
    trace(s, { from: client(0), to: ip(0), port: 80 }, { seed: 0 });
    const firstUs = Number(process.hrtime.bigint() - t0) / 1000;
    // Warm every node's rules, as a long-running page would have after a few sends.
    for (let n = 0; n < NODES; n++) trace(s, { from: `pod-${n}`, to: ip(n), port: 80 }, { seed: n });
    const rows: [string, () => ReturnType<typeof timeIt>][] = [
      ['pod -> ClusterIP:80', () => timeIt((i) => trace(s, { from: client(i), to: ip(i), port: 80 }, { seed: i }), 3000)],
      ['pod -> name (DNS + connection)', () => timeIt((i) => trace(s, { from: client(i), to: `svc-${i % SERVICES}`, port: 80 }, { seed: i }), 2000)],
      [
        'outside -> node:NodePort',
        () => {
          const np = s.services.filter((x) => x.type === 'NodePort');
          return timeIt(
            (i) => trace(s, { from: 'laptop', to: `192.168.1.${10 + (i % NODES)}`, port: np[i % np.length]!.ports[0]!.nodePort! }, { seed: i }),
            2000,
          );
        },
      ],
      [
        'pod -> ClusterIP, session kept',
        () => {
          const session = createSessionState();
          return timeIt((i) => trace(s, { from: client(i), to: ip(i), port: 80 }, { seed: i, session }), 2000);
        },
      ],
    ];
    rows.forEach(([name, run], k) => {
      const r = run();
      console.log(`${mode.padEnd(9)} ${name.padEnd(30)}${fmt(r.medianUs)} ${fmt(r.p95Us)}${k === 0 ? fmt(firstUs) : ''}`);
    });
  }
}
