import { describe, expect, it } from 'vitest';
import { createPacketStore } from './packetStore';
import { durationMs, HOP_MS, isFinished, LOCAL_HOP_MS, stepMs } from './playback';
import { loadExample } from '../sim/testing/examples';

const vxlan = loadExample('vxlan-across-subnets');
const make = () => createPacketStore(() => vxlan);
const onCanvas = (store: ReturnType<typeof make>) =>
  store
    .getState()
    .packets.filter((p) => p.onCanvas)
    .map((p) => p.id);

describe('one packet in focus', () => {
  it('a new send takes the earlier packets off the canvas; they stay in the list', async () => {
    const store = make();
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().tick(HOP_MS * 200);
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    expect(store.getState().packets.map((p) => p.id)).toEqual(['pkt-1', 'pkt-2']);
    expect(onCanvas(store)).toEqual(['pkt-2']);
    expect(store.getState().selectedPacket).toBe('pkt-2');
  });

  it('selecting an earlier packet from the list brings it back to the canvas', async () => {
    const store = make();
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().select('pkt-1');
    expect(onCanvas(store)).toEqual(['pkt-1', 'pkt-2']);
  });

  it('a burst stays on the canvas together, marked as a burst; the next send clears it', async () => {
    const store = make();
    await store.getState().sendMany({ from: 'client', to: 'web', port: 80 }, 5);
    const burst = store.getState().packets;
    expect(burst.every((p) => p.onCanvas && p.burst)).toBe(true);
    expect(store.getState().lastBurst?.results).toHaveLength(5);
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    expect(onCanvas(store)).toEqual(['pkt-6']);
    // Its spread (the tally and the counts on the canvas) goes with it.
    expect(store.getState().lastBurst).toBeUndefined();
    expect(store.getState().packets.find((p) => p.id === 'pkt-6')!.burst).toBe(false);
  });

  it('packets off the canvas do not move, and play/replay only concern those on it', async () => {
    const store = make();
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().tick(HOP_MS * 3);
    const [first, second] = store.getState().packets;
    expect(first!.cursor).toBe(0);
    expect(second!.cursor).toBeGreaterThan(0);
    store.getState().tick(HOP_MS * 500);
    expect(store.getState().playing).toBe(false);
    store.getState().play();
    expect(store.getState().playing).toBe(true);
    expect(store.getState().packets[1]!.cursor).toBe(0);
    expect(store.getState().packets[0]!.onCanvas).toBe(false);
  });
});

describe('pace', () => {
  it('a Service-by-name trace (DNS query and answer, request, reply: about 40 hops) plays in at most 8 s at 1x', async () => {
    const s = loadExample('clusterip');
    const store = createPacketStore(() => s);
    const r = (await store.getState().send({ from: 'client', to: 'web', port: 80 }))!;
    expect(r.dns, 'the name was looked up first').toBeDefined();
    const run = store.getState().packets[0]!;
    expect(run.steps.length).toBeGreaterThan(30);
    expect(durationMs(run)).toBeLessThanOrEqual(8000);
    // And the clock agrees: after 8 s of ticks it has finished, not before its last cross-link trip.
    for (let t = 0; t < 8000; t += 16) store.getState().tick(16);
    expect(isFinished(store.getState().packets[0]!)).toBe(true);
  });

  it('hops in one place are quick, a trip across a link takes longer', async () => {
    const s = loadExample('clusterip');
    const store = createPacketStore(() => s);
    await store.getState().send({ from: 'client', to: 'web', port: 80 });
    const run = store.getState().packets[0]!;
    for (let i = 0; i + 1 < run.steps.length; i++) {
      const same = run.steps[i]!.hop.at === run.steps[i + 1]!.hop.at && !run.steps[i + 1]!.hop.link;
      expect(stepMs(run, i)).toBe(same ? LOCAL_HOP_MS : HOP_MS);
    }
  });
});
