/**
 * What the lesson menu, the welcome card and the canvas need to know of each lesson before one is
 * opened: id, number, title, summary, the scenario's name. A lesson's steps, scenario and packets
 * (./index) are fetched when it is opened (src/store/lessons.ts), not before the first paint.
 *
 * The texts here are English; another language's come with that language's pack (catalog.zh-CN.ts,
 * in src/i18n/pack.zh-CN.ts), so a reader of one language does not download the other's before the
 * first paint. Each text is still a `LocalizedText`: read in a language whose pack is not here yet,
 * it gives the English, as the rest of the interface does.
 */
import type { Locale, LocalizedText } from '../i18n/locale';
import type { LessonInfo } from './types';

/** A lesson's catalog texts in one language. */
export interface CatalogText {
  title: string;
  scenarioName: string;
  summary: string;
}

const translations: Partial<Record<Locale, Readonly<Record<string, CatalogText>>>> = {};

/** The catalog's texts in another language: its pack registers them when it loads (src/i18n/index.ts). */
export function registerCatalogTranslation(locale: Locale, texts: Readonly<Record<LessonCatalogId, CatalogText>>): void {
  translations[locale] = texts;
}

function lesson<const I extends string>(id: I, number: number, en: CatalogText, extra: Pick<LessonInfo, 'systemPods'> = {}): LessonInfo & { readonly id: I } {
  const text = (field: keyof CatalogText): LocalizedText => ({
    en: en[field],
    get 'zh-CN'() {
      return translations['zh-CN']?.[id]?.[field] ?? en[field];
    },
  });
  return { id, number, title: text('title'), scenarioName: text('scenarioName'), summary: text('summary'), ...extra };
}

export const podsOnOneNodeInfo = lesson('pods-on-one-node', 1, {
  title: 'Two pods on one node',
  scenarioName: 'Lesson 1: two pods on one node',
  summary: 'Pods on one node talk through their veth pairs and the cni0 bridge; the containers of one pod share localhost.',
});

export const hostGwInfo = lesson('host-gw-routes', 2, {
  title: 'Pods on two nodes: host-gw routes',
  scenarioName: 'Lesson 2: host-gw between two nodes',
  summary: "flannel host-gw gives every node a plain route to each other node's pod CIDR, with that node's IP as the next hop.",
});

export const hostGwVsVxlanInfo = lesson('host-gw-vs-vxlan', 3, {
  title: 'Nodes on different subnets: host-gw fails, VXLAN works',
  scenarioName: 'Lesson 3: nodes on two subnets',
  summary: 'Must the nodes share a subnet? For host-gw, yes. Send the packet and see, then switch flannel to VXLAN and send it again.',
});

export const clusterIpDnsInfo = lesson(
  'clusterip-dns',
  4,
  {
    title: 'A ClusterIP Service and DNS',
    scenarioName: 'Lesson 4: a ClusterIP Service with DNS',
    summary: "A Service gives three web pods one stable virtual IP and a DNS name; kube-proxy's rules pick a pod for each new connection.",
  },
  { systemPods: 'shown' },
);

export const nodePortInfo = lesson('nodeport', 5, {
  title: 'A NodePort from outside: externalTrafficPolicy',
  scenarioName: 'Lesson 5: a NodePort reached from outside',
  summary:
    'A NodePort Service opens one port on every node. Under Cluster any node forwards the connection; under Local the client IP is kept, but only nodes running a pod answer.',
});

export const loadBalancerInfo = lesson('loadbalancer', 6, {
  title: 'A LoadBalancer in front of the NodePorts',
  scenarioName: 'Lesson 6: a LoadBalancer Service',
  summary:
    "A cloud load balancer gets a public IP and spreads connections over the nodes' NodePorts; under Local, its health checks leave out nodes without a pod.",
});

export const ingressInfo = lesson('ingress', 7, {
  title: 'An Ingress: two Services behind one load balancer',
  scenarioName: 'Lesson 7: an Ingress for two Services',
  summary: "An ingress controller reads each HTTP request's Host and path and passes it to the right Service: many sites, one public IP.",
});

export const networkPolicyInfo = lesson(
  'network-policy',
  8,
  {
    title: 'NetworkPolicy on Calico',
    scenarioName: 'Lesson 8: NetworkPolicy on Calico',
    summary: 'A default-deny policy breaks DNS until an allow-DNS policy opens it; one selector item means AND, two mean OR; and flannel ignores it all.',
  },
  { systemPods: 'shown' },
);

const ALL = [podsOnOneNodeInfo, hostGwInfo, hostGwVsVxlanInfo, clusterIpDnsInfo, nodePortInfo, loadBalancerInfo, ingressInfo, networkPolicyInfo] as const;

/** The ids of the built-in lessons. */
export type LessonCatalogId = (typeof ALL)[number]['id'];

/** Every lesson, in teaching order. */
export const LESSON_CATALOG: readonly LessonInfo[] = ALL;

export function lessonInfo(id: string): LessonInfo | undefined {
  return LESSON_CATALOG.find((l) => l.id === id);
}

export function isLessonId(id: string): boolean {
  return lessonInfo(id) !== undefined;
}
