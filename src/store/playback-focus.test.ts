import { describe, expect, it } from 'vitest';
import { createPacketStore } from './packetStore';
import { HOP_MS } from './playback';
import { loadExample } from '../sim/testing/examples';

const vxlan = loadExample('vxlan-across-subnets');
const make = () => createPacketStore(() => vxlan);
const onCanvas = (store: ReturnType<typeof make>) => store.getState().packets.filter((p) => p.onCanvas).map((p) => p.id);

describe('one packet in focus', () => {
  it('a new send takes the earlier packets off the canvas; they stay in the list', () => {
    const store = make();
    store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().tick(HOP_MS * 200);
    store.getState().send({ from: 'client', to: 'web', port: 80 });
    expect(store.getState().packets.map((p) => p.id)).toEqual(['pkt-1', 'pkt-2']);
    expect(onCanvas(store)).toEqual(['pkt-2']);
    expect(store.getState().selectedPacket).toBe('pkt-2');
  });

  it('selecting an earlier packet from the list brings it back to the canvas', () => {
    const store = make();
    store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().select('pkt-1');
    expect(onCanvas(store)).toEqual(['pkt-1', 'pkt-2']);
  });

  it('a burst stays on the canvas together, marked as a burst; the next send clears it', () => {
    const store = make();
    store.getState().sendMany({ from: 'client', to: 'web', port: 80 }, 5);
    const burst = store.getState().packets;
    expect(burst.every((p) => p.onCanvas && p.burst)).toBe(true);
    store.getState().send({ from: 'client', to: 'web', port: 80 });
    expect(onCanvas(store)).toEqual(['pkt-6']);
    expect(store.getState().packets.find((p) => p.id === 'pkt-6')!.burst).toBe(false);
  });

  it('packets off the canvas do not move, and play/replay only concern those on it', () => {
    const store = make();
    store.getState().send({ from: 'client', to: 'web', port: 80 });
    store.getState().send({ from: 'client', to: 'web', port: 80 });
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
