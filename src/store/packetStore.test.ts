import { describe, expect, it } from 'vitest';
import { createPacketStore } from './packetStore';
import { HOP_MS, markerAt, isFinished, stepMs } from './playback';
import { loadExample } from '../sim/testing/examples';
import { msg } from '../sim/index';

const vxlan = loadExample('vxlan-across-subnets');
const make = () => createPacketStore(() => vxlan);

describe('packet playback store', () => {
  it('sends a packet: traces it and starts playing from the first hop', async () => {
    const store = make();
    const r = await store.getState().send({ from: 'client', to: 'web', port: 80 });
    expect(r?.verdict).toBe('delivered');
    const s = store.getState();
    expect(s.packets).toHaveLength(1);
    expect(s.playing).toBe(true);
    expect(s.selectedPacket).toBe('pkt-1');
    const p = s.packets[0]!;
    expect(p.steps.length).toBe(r!.hops.length + r!.reply!.hops.length);
    expect(p.steps[0]!.phase).toBe('request');
    expect(p.steps[p.steps.length - 1]!.phase).toBe('reply');
    expect(p.cursor).toBe(0);
  });

  it('moves the marker hop by hop with time and speed, and stops at the end', async () => {
    const store = make();
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().tick(HOP_MS / 2);
    let p = store.getState().packets[0]!;
    expect(p.cursor).toBe(0);
    expect(p.progress).toBeCloseTo(0.5);
    expect(markerAt(p, false)!.t).toBeCloseTo(0.5);
    expect(markerAt(p, true)!.t).toBe(0); // reduced motion: no gliding
    store.getState().setSpeed(4);
    // 4x: the rest of the first step, all of the second, and half of the third.
    const wall = (stepMs(p, 0) / 2 + stepMs(p, 1) + stepMs(p, 2) / 2) / 4;
    store.getState().tick(wall);
    p = store.getState().packets[0]!;
    expect(p.cursor).toBe(2);
    expect(p.progress).toBeCloseTo(0.5);
    store.getState().tick(HOP_MS * 100);
    p = store.getState().packets[0]!;
    expect(isFinished(p)).toBe(true);
    expect(store.getState().playing).toBe(false);
  });

  it('shows the outer shell on the VXLAN leg', async () => {
    const store = make();
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    const p = store.getState().packets[0]!;
    const enc = p.steps.findIndex((st) => st.hop.action === 'encapsulate');
    store.getState().seek(enc);
    expect(markerAt(store.getState().packets[0]!, false)!.encapsulated).toBe(true);
    store.getState().seek(0);
    expect(markerAt(store.getState().packets[0]!, false)!.encapsulated).toBe(false);
  });

  it('steps back and forward within bounds and pauses', async () => {
    const store = make();
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().stepBack();
    expect(store.getState().packets[0]!.cursor).toBe(0);
    expect(store.getState().playing).toBe(false);
    store.getState().stepForward();
    store.getState().stepForward();
    expect(store.getState().packets[0]!.cursor).toBe(2);
    store.getState().stepBack();
    expect(store.getState().packets[0]!.cursor).toBe(1);
    const last = store.getState().packets[0]!.steps.length - 1;
    store.getState().seek(last + 10);
    expect(store.getState().packets[0]!.cursor).toBe(last);
  });

  it('ends a dropped packet on the drop hop', async () => {
    const store = createPacketStore(() => loadExample('host-gw-across-subnets'));
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().tick(HOP_MS * 50);
    const p = store.getState().packets[0]!;
    const m = markerAt(p, false)!;
    expect(m.dropped).toBe(true);
    expect(m.from.hop.at).toBe('node-1');
    expect(p.result.reason?.code).toBe('not-l2-adjacent');
  });

  it('gives each packet its own colour and seed, and replays and clears', async () => {
    const store = make();
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    const [a, b] = store.getState().packets;
    expect(a!.color).not.toBe(b!.color);
    expect(a!.result.seed).not.toBe(b!.result.seed);
    store.getState().tick(HOP_MS * 3);
    store.getState().replay();
    expect(store.getState().packets.every((p) => p.cursor === 0)).toBe(true);
    store.getState().clear();
    expect(store.getState().packets).toEqual([]);
  });

  it('staggers a burst and tallies where it went', async () => {
    const store = make();
    const summary = (await store.getState().sendMany({ from: 'client', to: 'web', port: 80 }, 5))!;
    expect(summary.tally).toEqual([{ endpoint: 'pod-web', count: 5 }]);
    const delays = store.getState().packets.map((p) => p.delayMs);
    expect(delays).toEqual([0, 150, 300, 450, 600]);
    store.getState().tick(HOP_MS);
    const ps = store.getState().packets;
    expect(ps[0]!.cursor).toBe(1);
    expect(ps[4]!.cursor).toBe(0);
  });

  it('reports a bad destination without throwing or adding a packet', async () => {
    const store = make();
    expect(await store.getState().send({ from: 'client', to: 'web', port: 80, proto: 'icmp' })).toBeUndefined();
    expect(store.getState().sendError).toEqual(msg('input.icmp-has-no-port'));
    expect(store.getState().packets).toEqual([]);
    store.getState().setSpeed(3);
    expect(store.getState().speed).toBe(1);
  });
});

describe('exchanges with several legs', () => {
  it('plays DNS, the request, the ingress upstream connection and both replies in wire order', async () => {
    const store = createPacketStore(() => loadExample('ingress'));
    const ex = loadExample('ingress');
    const laptop = ex.clients[0]!.id;
    const host = ex.ingresses[0]!.rules.find((r) => r.host)!.host!;
    const r = (await store.getState().send({ from: laptop, to: `http://${host}/` }))!;
    expect(r.upstream).toBeDefined();
    const phases = store.getState().packets[0]!.steps.map((s) => s.phase);
    const order = [...new Set(phases)];
    expect(order).toEqual(r.upstream!.reply ? ['request', 'upstream', 'upstream-reply', 'reply'] : ['request', 'upstream', 'reply']);
  });

  it('plays the DNS query and answer before a connection to a name', async () => {
    const store = createPacketStore(() => loadExample('dns'));
    const ex = loadExample('dns');
    const client = ex.pods.find((p) => !p.labels['k8s-app'] && !p.labels.app?.startsWith('web'))?.id ?? ex.pods[0]!.id;
    const svc = ex.services.find((s) => s.namespace !== 'kube-system' && s.ports.length > 0)!;
    const r = (await store.getState().send({ from: client, to: `${svc.name}.${svc.namespace}`, port: svc.ports[0]!.port }))!;
    expect(r.dns).toBeDefined();
    const phases = store.getState().packets[0]!.steps.map((s) => s.phase);
    expect(phases[0]).toBe('dns');
    expect(phases.indexOf('dns-reply')).toBeLessThan(phases.indexOf('request'));
  });
});

describe('send mode on the canvas', () => {
  it('picks a source, then a target, and sends to the port the target serves', async () => {
    const store = make();
    store.getState().startPick();
    expect(store.getState().pick).toEqual({ mode: 'from' });
    await store.getState().pickElement('subnet-a'); // a subnet cannot send
    expect(store.getState().sendError).toEqual(msg('input.not-a-sender'));
    expect(store.getState().pick).toEqual({ mode: 'from' });
    await store.getState().pickElement('pod-client');
    expect(store.getState().pick).toEqual({ mode: 'to', from: 'pod-client' });
    const r = (await store.getState().pickElement('pod-web'))!;
    expect(r.verdict).toBe('delivered');
    expect(store.getState().packets[0]!.spec).toEqual({ from: 'pod-client', to: 'pod-web', port: 80, proto: 'tcp' });
    expect(store.getState().pick).toEqual({ mode: 'off' });
  });

  it('starts from a context-menu source and can be cancelled', async () => {
    const store = make();
    store.getState().pickFrom('node-1');
    expect(store.getState().pick).toEqual({ mode: 'to', from: 'node-1' });
    store.getState().cancelPick();
    expect(store.getState().pick).toEqual({ mode: 'off' });
    expect(await store.getState().pickElement('pod-web')).toBeUndefined();
    expect(store.getState().packets).toEqual([]);
  });
});
