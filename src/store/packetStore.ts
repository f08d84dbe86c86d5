/**
 * The packets slice of the app state: a vanilla zustand store that runs the tracer for each packet
 * sent and holds the playback state the canvas animates. Seeds count up from 1, so a session's
 * packets are reproducible.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  canSendFrom,
  defaultTargetFor,
  msg,
  trace,
  TraceInputError,
  type Message,
  type PacketSpec,
  type Scenario,
  type TraceOptions,
  type TraceResult,
} from '../sim/index';
import * as pb from './playback';

export interface BurstSummary {
  spec: PacketSpec;
  count: number;
  tally: { endpoint: string; count: number }[];
  /** Every request's trace, in send order (the canvas draws where they went). */
  results: TraceResult[];
}

/** Send mode on the canvas: click a source, then a target. */
export type PickState = { mode: 'off' } | { mode: 'from' } | { mode: 'to'; from: string };

export interface PacketSlice extends pb.PlaybackState {
  pick: PickState;
  /** Arm send mode: the next canvas click picks the source. */
  startPick(): void;
  /** "Send packet from here": the source is chosen, the next click picks the target. */
  pickFrom(id: string): void;
  /** A canvas click while in send mode. */
  pickElement(id: string): TraceResult | undefined;
  cancelPick(): void;
  /** The last send's error (bad destination, ICMP with a port, ...), shown by the send form. */
  sendError?: Message | undefined;
  lastBurst?: BurstSummary | undefined;
  nextSeed: number;
  send(spec: PacketSpec): TraceResult | undefined;
  sendMany(spec: PacketSpec, count: number): BurstSummary | undefined;
  tick(dtMs: number): void;
  play(): void;
  pause(): void;
  stepForward(): void;
  stepBack(): void;
  seek(stepIndex: number, packetId?: string): void;
  replay(): void;
  clear(): void;
  setSpeed(speed: number): void;
  setReducedMotion(on: boolean): void;
  select(packetId: string | undefined): void;
}

/** Milliseconds between the starts of packets in a burst. */
export const BURST_STAGGER_MS = 150;

export function createPacketStore(getScenario: () => Scenario, traceOptions: () => Omit<TraceOptions, 'seed'> = () => ({})): StoreApi<PacketSlice> {
  return createStore<PacketSlice>()((set, get) => {
    const apply = (f: (s: pb.PlaybackState) => pb.PlaybackState) => set((s) => f(s));
    const run = (spec: PacketSpec, seed: number, extra: Omit<TraceOptions, 'seed'> = {}) => trace(getScenario(), spec, { ...traceOptions(), ...extra, seed });
    return {
      ...pb.initialPlayback,
      nextSeed: 1,
      pick: { mode: 'off' },
      startPick: () => set({ pick: { mode: 'from' }, sendError: undefined }),
      pickFrom(id) {
        if (!canSendFrom(getScenario(), id)) {
          set({ sendError: msg('input.not-a-sender') });
          return;
        }
        set({ pick: { mode: 'to', from: id }, sendError: undefined });
      },
      pickElement(id) {
        const pick = get().pick;
        if (pick.mode === 'off') return undefined;
        if (pick.mode === 'from') {
          get().pickFrom(id);
          return undefined;
        }
        const target = defaultTargetFor(getScenario(), id);
        if (!target) {
          set({ sendError: msg('input.pick-no-address') });
          return undefined;
        }
        set({ pick: { mode: 'off' } });
        return get().send({ from: pick.from, ...target });
      },
      cancelPick: () => set({ pick: { mode: 'off' } }),
      send(spec) {
        try {
          const result = run(spec, get().nextSeed);
          // A new packet takes the last burst's spread (its tally and its counts on the canvas) away with it.
          set((s) => ({ ...pb.addPackets(s, [{ spec, result }]), nextSeed: s.nextSeed + 1, sendError: undefined, lastBurst: undefined }));
          return result;
        } catch (e) {
          if (e instanceof TraceInputError) {
            set({ sendError: e.msg });
            return undefined;
          }
          throw e;
        }
      },
      sendMany(spec, count) {
        const n = Math.max(1, Math.min(100, Math.floor(count)));
        try {
          const seed0 = get().nextSeed;
          const runs = Array.from({ length: n }, (_, i) => ({ spec, result: run(spec, seed0 + i), delayMs: i * BURST_STAGGER_MS }));
          const summary: BurstSummary = { spec, count: n, tally: pb.endpointTally(runs), results: runs.map((r) => r.result) };
          set((s) => ({ ...pb.addPackets(s, runs), nextSeed: seed0 + n, sendError: undefined, lastBurst: summary }));
          return summary;
        } catch (e) {
          if (e instanceof TraceInputError) {
            set({ sendError: e.msg });
            return undefined;
          }
          throw e;
        }
      },
      tick: (dt) => apply((s) => pb.tick(s, dt)),
      play: () => apply(pb.play),
      pause: () => apply(pb.pause),
      stepForward: () => apply((s) => pb.step(s, 1)),
      stepBack: () => apply((s) => pb.step(s, -1)),
      seek: (i, id) => apply((s) => pb.seek(s, i, id)),
      replay: () => apply(pb.replay),
      clear: () => set((s) => ({ ...pb.clear(s), lastBurst: undefined, sendError: undefined })),
      setSpeed: (speed) => apply((s) => pb.setSpeed(s, speed)),
      setReducedMotion: (on) => set({ reducedMotion: on }),
      select: (id) => apply((s) => pb.select(s, id)),
    };
  });
}
