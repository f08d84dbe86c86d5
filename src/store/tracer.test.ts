import { describe, expect, it } from 'vitest';
import { createPacketStore } from './packetStore';
import { loadTracer, tracerIfLoaded } from './tracer';
import { loadExample } from '../sim/testing/examples';

describe('the tracer, loaded on demand', () => {
  it('is fetched by the first send, once; the send form is told while it waits', async () => {
    const store = createPacketStore(() => loadExample('clusterip'));
    const seen: boolean[] = [];
    store.subscribe((s) => seen.push(s.loadingTracer === true));
    const first = tracerIfLoaded() === undefined;
    const r = await store.getState().send({ from: 'client', to: 'web', port: 80 });
    expect(r?.verdict).toBe('delivered');
    expect(tracerIfLoaded()).toBeDefined();
    // Waiting was announced and cleared (only when this test file's send was the one that fetched it).
    if (first) expect(seen.slice(0, 2)).toEqual([true, false]);
    expect(store.getState().loadingTracer).not.toBe(true);
    // Later loads share the module: no second fetch.
    expect(await loadTracer()).toBe(tracerIfLoaded());
  });

  it('keeps one kube-proxy session for the app when asked: ClientIP affinity holds across sends', async () => {
    const s = loadExample('clusterip');
    const svc = s.services.find((x) => x.name === 'web')!;
    const sticky = { ...s, services: s.services.map((x) => (x === svc ? { ...svc, sessionAffinity: 'ClientIP' as const } : x)) };
    const app = createPacketStore(
      () => sticky,
      () => ({}),
      true,
    );
    const ends = new Set<string>();
    const fresh = new Set<string>();
    const noSession = createPacketStore(() => sticky);
    for (let i = 0; i < 6; i++) fresh.add((await noSession.getState().send({ from: 'client', to: svc.name, port: svc.ports[0]!.port }))!.hops.at(-1)!.at);
    for (let i = 0; i < 6; i++) {
      const r = await app.getState().send({ from: 'client', to: svc.name, port: svc.ports[0]!.port });
      ends.add(r!.hops.at(-1)!.at);
    }
    // kube-proxy's `recent` list sends one client to one endpoint (proxier.go, sessionAffinity ClientIP).
    expect(ends.size).toBe(1);
    // Without a kept session each packet is a fresh kube-proxy: several endpoints answer.
    expect(fresh.size).toBeGreaterThan(1);
  });
});
