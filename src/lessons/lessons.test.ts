import { describe, expect, it } from 'vitest';
import { bridgeGateway, type Scenario, type TraceResult } from '../sim/index';
import { validateScenario } from '../sim/editing';
import { trace } from '../sim/tracer';
import { LOCALES } from '../i18n/locale';
import { encodeShareLink, decodeShareLink } from '../io/share-link';
import { applyLessonChange, getLesson, LESSONS, lessonScenario, packetTargetText, type Lesson, type SuggestedPacket } from './index';
import { formatMessage } from '../i18n/sim/index';

function prepared(lesson: Lesson, packet: SuggestedPacket): Scenario {
  const s = lessonScenario(lesson);
  if (!packet.change) return s;
  const changed = applyLessonChange(s, packet.change);
  if (!changed.ok) throw new Error(`${lesson.id}/${packet.id}: ${formatMessage('en', changed.error)}`);
  return changed.scenario;
}

function send(lesson: Lesson, packet: SuggestedPacket, seed = 1): TraceResult {
  const spec = {
    from: packet.from,
    to: packet.to,
    ...(packet.port !== undefined ? { port: packet.port } : {}),
    ...(packet.proto ? { proto: packet.proto } : {}),
  };
  return trace(prepared(lesson, packet), spec, { seed });
}

function expectVerdict(lesson: Lesson, packet: SuggestedPacket): TraceResult {
  const r = send(lesson, packet);
  const why = r.reason ? `${r.reason.code}: ${formatMessage('en', r.reason.msg)}` : '';
  expect(`${r.verdict} ${why}`.trim()).toMatch(new RegExp(`^${packet.expect}`));
  if (packet.expect === 'dropped') expect(r.reason?.code).toBe(packet.expectCode);
  if (packet.expect === 'delivered') {
    expect(r.reply?.verdict).toBe('delivered');
    // The controller's own answer (ingress-nginx's 404/503) is a response on a delivered request: it ends
    // at the controller with an L7 hop, no upstream, and the reply carries the status line.
    expect(r.http?.status).toBe(packet.expectHttp);
    if (packet.expectHttp !== undefined) {
      expect(r.upstream).toBeUndefined();
      expect(r.hops.at(-1)?.action).toBe('l7');
      expect(r.reply!.hops[0]!.packet.http?.status).toBe(packet.expectHttp);
      if (packet.expectAt) expect(packet.expectAt).toContain(r.hops.at(-1)?.at);
      return r;
    }
    // Behind an ingress controller the request ends at the controller (an L7 hop); its own connection goes on.
    if (r.upstream) expect(r.hops.at(-1)?.action).toBe('l7');
    const final = r.upstream ? r.upstream.request : r;
    expect(final.verdict).toBe('delivered');
    expect(final.hops.at(-1)?.action).toBe('deliver');
    if (packet.expectAt) expect(packet.expectAt).toContain(final.hops.at(-1)?.at);
    if (r.upstream) expect(r.upstream.reply?.verdict).toBe('delivered');
  }
  return r;
}

describe('the lesson list', () => {
  it('has the eight lessons, numbered in order, with unique ids', () => {
    expect(LESSONS.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(LESSONS.map((l) => l.id)).toEqual([
      'pods-on-one-node',
      'host-gw-routes',
      'host-gw-vs-vxlan',
      'clusterip-dns',
      'nodeport',
      'loadbalancer',
      'ingress',
      'network-policy',
    ]);
    expect(getLesson('ingress')?.number).toBe(7);
    expect(getLesson('nope')).toBeUndefined();
  });
});

describe.each(LESSONS.map((l) => [l.number, l.id, l] as const))('lesson %i (%s)', (_n, _id, lesson) => {
  it('has a valid scenario with no validation problems', () => {
    const s = lessonScenario(lesson);
    expect(validateScenario(s).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('has its text in English and Simplified Chinese', () => {
    expect(lesson.steps.length).toBeGreaterThanOrEqual(3);
    expect(lesson.steps.length).toBeLessThanOrEqual(6);
    for (const text of [lesson.title, lesson.summary, ...lesson.steps, ...lesson.packets.map((p) => p.label)]) {
      for (const locale of LOCALES) expect(text[locale].trim().length).toBeGreaterThan(0);
    }
    // Prose is translated (a packet label may be just an address or a URL, the same in both).
    for (const text of [lesson.title, lesson.summary, lesson.scenarioName, ...lesson.steps]) {
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(text.en).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('names in its text only addresses and ports that the scenario or its traces have, the same in both languages', () => {
    const addresses = (text: string) => [...text.matchAll(/\b\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?(?::\d+)?\b/g)].map((m) => m[0]).sort();
    const s = lessonScenario(lesson);
    const traced = lesson.packets.map((p) => send(lesson, p));
    const gateways = s.nodes.map((n) => bridgeGateway(n.podCidr));
    const known = JSON.stringify(s) + JSON.stringify(traced) + gateways.join(' ');
    for (const step of lesson.steps) {
      expect(addresses(step['zh-CN'])).toEqual(addresses(step.en));
      for (const a of addresses(step.en)) {
        const [ip] = a.split(/[:/]/);
        expect(known, `"${a}" in lesson ${lesson.number}`).toContain(ip);
      }
    }
  });

  it('suggests packets whose sources and element destinations exist', () => {
    const s = lessonScenario(lesson);
    const ids = new Set([...s.pods, ...s.nodes, ...s.clients, ...s.services, ...s.loadBalancers].map((e) => e.id));
    for (const p of lesson.packets) {
      expect(ids.has(p.from), p.from).toBe(true);
      for (const at of p.expectAt ?? []) expect(ids.has(at), at).toBe(true);
      if (p.expect === 'dropped') expect(p.expectCode).toBeDefined();
      if (p.change) expect(applyLessonChange(s, p.change).ok).toBe(true);
    }
  });

  it('round-trips through a share link with its id', () => {
    const s = lessonScenario(lesson);
    const link = encodeShareLink(s, { lesson: lesson.id });
    expect(link.ok).toBe(true);
    if (link.ok) expect(decodeShareLink(link.hash)).toEqual({ ok: true, scenario: s, lesson: lesson.id });
  });

  for (const p of lesson.packets) {
    it(`sends "${p.label.en}": ${p.expect}${p.expectCode ? ` (${p.expectCode})` : ''}`, () => void expectVerdict(lesson, p));
  }
});

describe('what the first three lessons teach, hop by hop', () => {
  it('lesson 1: same node is veth, cni0, veth with no route; localhost stays on lo', () => {
    const lesson = getLesson('pods-on-one-node')!;
    const bridge = expectVerdict(lesson, lesson.packets[0]);
    expect(bridge.hops.map((h) => h.action)).not.toContain('route');
    expect(bridge.hops.some((h) => h.iface === 'cni0')).toBe(true);
    expect(new Set(bridge.hops.map((h) => h.packet.dst))).toEqual(new Set([bridge.hops[0]!.packet.dst]));
    const lo = expectVerdict(lesson, lesson.packets[1]!);
    expect(lo.hops.every((h) => h.at === 'pod-shop' && h.iface === 'lo')).toBe(true);
  });

  it('lesson 2: node-1 routes 10.244.1.0/24 via 192.168.1.11 with the pod IPs unchanged', () => {
    const lesson = getLesson('host-gw-routes')!;
    const r = expectVerdict(lesson, lesson.packets[0]);
    const rules = r.hops.flatMap((h) => h.match ?? []).map((m) => m.rule);
    expect(rules.some((rule) => rule.startsWith('10.244.1.0/24 via 192.168.1.11 dev eth0'))).toBe(true);
    expect(r.hops.some((h) => h.packet.outer)).toBe(false);
    expect(r.hops.every((h) => h.packet.src === '10.244.0.2')).toBe(true);
  });

  it('lesson 3: host-gw drops at node-1; after the switch, VXLAN carries it in UDP 8472 between the node IPs', () => {
    const lesson = getLesson('host-gw-vs-vxlan')!;
    const [fails, works] = lesson.packets;
    expect(expectVerdict(lesson, fails).reason?.at).toBe('node-1');
    const r = expectVerdict(lesson, works!);
    const outer = r.hops.find((h) => h.packet.outer)?.packet.outer;
    expect(outer).toMatchObject({ src: '192.168.1.10', dst: '192.168.2.10', dport: 8472, vni: 1 });
    expect(r.hops.some((h) => h.at === 'router-core')).toBe(true);
    // The first packet puts host-gw back, so the comparison can be replayed in either order.
    expect(prepared(lesson, fails).cluster.flannelBackend).toBe('host-gw');
  });
});

describe('what the Service lessons teach, hop by hop', () => {
  const rules = (r: TraceResult) => r.hops.flatMap((h) => h.match ?? []).map((m) => m.rule);

  it('lesson 4: KUBE-SERVICES -> KUBE-SVC picks one of three endpoints (1/3, then 1/2), and conntrack restores the ClusterIP on the reply', () => {
    const lesson = getLesson('clusterip-dns')!;
    const r = expectVerdict(
      lesson,
      lesson.packets.find((p) => p.id === 'by-cluster-ip')!,
    );
    const dnat = r.hops.find((h) => h.action === 'dnat')!;
    expect(dnat.at).toBe('node-1');
    expect(dnat.match?.map((m) => m.chain)).toEqual(expect.arrayContaining(['PREROUTING', 'KUBE-SERVICES']));
    expect(rules(r).some((rule) => /--probability 0\.33333/.test(rule))).toBe(true);
    expect(r.reply?.hops.at(-1)?.packet.src).toBe('10.96.0.20');
  });

  it('lesson 5: Cluster masquerades on node-2 (flannel.1 address), Local keeps the laptop address', () => {
    const lesson = getLesson('nodeport')!;
    const cluster = expectVerdict(lesson, lesson.packets[0]);
    expect(cluster.hops.find((h) => h.action === 'snat')?.at).toBe('node-2');
    expect(cluster.hops.at(-1)?.packet.src).toBe('10.244.1.0');
    expect(cluster.reply?.hops.at(-1)?.packet.src).toBe('192.168.1.11');
    const local = expectVerdict(lesson, lesson.packets[2]!);
    expect(local.hops.some((h) => h.action === 'snat')).toBe(false);
    expect(local.hops.at(-1)?.packet.src).toBe('192.168.100.50');
    expect(expectVerdict(lesson, lesson.packets[1]!).reason?.at).toBe('node-2');
  });

  it("lesson 6: the load balancer sends to a node's NodePort; under Local only node-1 passes the health check", () => {
    const lesson = getLesson('loadbalancer')!;
    const cluster = expectVerdict(lesson, lesson.packets[0]);
    const lbHop = cluster.hops.find((h) => h.at === 'lb-web')!;
    expect(lbHop.packet.dport).toBe(30080);
    for (let seed = 1; seed <= 8; seed++) {
      const local = send(lesson, lesson.packets[1]!, seed);
      expect(local.hops.find((h) => h.at === 'lb-web')?.packet.dst).toBe('192.168.1.10');
      expect(local.hops.at(-1)?.packet.src).toBe('203.0.113.50');
    }
  });
});

describe('what the DNS and Ingress lessons teach', () => {
  it('lesson 4: the name resolves through kube-dns to the ClusterIP; an unknown name is NXDOMAIN', () => {
    const lesson = getLesson('clusterip-dns')!;
    const r = expectVerdict(lesson, lesson.packets[0]);
    expect(r.dns).toMatchObject({ server: '10.96.0.10', answer: ['10.96.0.20'] });
    expect(r.hops[0]?.packet.dst).toBe('10.96.0.20');
    const nx = expectVerdict(lesson, lesson.packets[2]!);
    expect(nx.dns?.queries.every((q) => q.rcode === 'NXDOMAIN')).toBe(true);
  });

  it('lesson 7: the controller routes by Host and longest path, then opens its own connection to a backend pod', () => {
    const lesson = getLesson('ingress')!;
    const api = expectVerdict(lesson, lesson.packets[0]);
    const l7 = api.hops.find((h) => h.action === 'l7');
    expect(l7?.packet.http).toEqual({ host: 'shop.example.com', path: '/api/orders' });
    expect(l7?.match?.some((m) => m.kind === 'ingress' && m.rule.includes('/api'))).toBe(true);
    const controller = lessonScenario(lesson).pods.find((p) => p.id === api.upstream?.from);
    expect(controller?.namespace).toBe('ingress-nginx');
    expect(api.upstream?.request.hops[0]?.packet.src).toBe(controller?.ip);
    // Straight to the pod's port 8080: no ClusterIP, so no kube-proxy DNAT on the way.
    expect(api.upstream?.request.hops.at(-1)?.packet.dport).toBe(8080);
    expect(api.upstream?.request.hops.some((h) => h.action === 'dnat')).toBe(false);
  });
});

describe('packetTargetText', () => {
  it('writes the destination as a user would type it', () => {
    const lesson = getLesson('pods-on-one-node')!;
    const s = lessonScenario(lesson);
    expect(packetTargetText(lesson.packets[0], s)).toBe('web:80');
    expect(packetTargetText(lesson.packets[1]!, s)).toBe('127.0.0.1:6379');
    expect(packetTargetText(getLesson('ingress')!.packets[0])).toBe('http://shop.example.com/api/orders');
  });
});

describe('lesson scenarios open clean', () => {
  it('have no validation problems, not even warnings', () => {
    for (const lesson of LESSONS) expect(validateScenario(lessonScenario(lesson)).map((p) => `${lesson.id}: ${formatMessage('en', p.msg)}`)).toEqual([]);
  });
});
