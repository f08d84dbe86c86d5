/**
 * The packets slice of the app state: a vanilla zustand store that runs the tracer for each packet
 * sent and holds the playback state the canvas animates. Seeds count up from 1, so a session's
 * packets are reproducible. The tracer is loaded on demand (`./tracer`), so sending is asynchronous:
 * packets are traced in the order they were sent.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { canSendFrom, msg, type Message, type PacketSpec, type Scenario, type TraceOptions, type TraceResult } from '../sim/index';
import * as pb from './playback';
import { loadTracer, tracerIfLoaded, type Tracer } from './tracer';

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
  pickElement(id: string): Promise<TraceResult | undefined>;
  cancelPick(): void;
  /** The last send's error (bad destination, ICMP with a port, ...), shown by the send form. */
  sendError?: Message | undefined;
  /** A send is waiting for the tracer to be fetched (the first send of a page, if the idle preload has not finished). */
  loadingTracer?: boolean | undefined;
  lastBurst?: BurstSummary | undefined;
  nextSeed: number;
  send(spec: PacketSpec): Promise<TraceResult | undefined>;
  sendMany(spec: PacketSpec, count: number): Promise<BurstSummary | undefined>;
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

/**
 * `keepSession`: one kube-proxy session (ClientIP affinity `recent` lists, IPVS scheduler positions)
 * for every packet of this store, as on a real node that stays up; without it each packet starts fresh.
 */
export function createPacketStore(
  getScenario: () => Scenario,
  traceOptions: () => Omit<TraceOptions, 'seed'> = () => ({}),
  keepSession = false,
): StoreApi<PacketSlice> {
  return createStore<PacketSlice>()((set, get) => {
    const apply = (f: (s: pb.PlaybackState) => pb.PlaybackState) => set((s) => f(s));
    let session: ReturnType<Tracer['createSessionState']> | undefined;
    const tracer = async (): Promise<Tracer | undefined> => {
      const waiting = tracerIfLoaded() === undefined;
      if (waiting) set({ loadingTracer: true });
      try {
        const t = await loadTracer();
        if (waiting) set({ loadingTracer: false });
        if (keepSession) session ??= t.createSessionState();
        return t;
      } catch {
        set({ sendError: msg('input.tracer-unavailable'), loadingTracer: false });
        return undefined;
      }
    };
    /** Run `go` with the tracer; a destination the tracer refuses becomes the send form's error. */
    const withTracer = async <T>(go: (t: Tracer) => T): Promise<T | undefined> => {
      const t = await tracer();
      if (!t) return undefined;
      try {
        return go(t);
      } catch (e) {
        if (e instanceof t.TraceInputError) {
          set({ sendError: e.msg });
          return undefined;
        }
        throw e;
      }
    };
    const run = (t: Tracer, spec: PacketSpec, seed: number) => t.trace(getScenario(), spec, { ...traceOptions(), ...(session ? { session } : {}), seed });
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
      async pickElement(id) {
        const pick = get().pick;
        if (pick.mode === 'off') return undefined;
        if (pick.mode === 'from') {
          get().pickFrom(id);
          return undefined;
        }
        const t = await tracer();
        if (!t) return undefined;
        const target = t.defaultTargetFor(getScenario(), id);
        if (!target) {
          set({ sendError: msg('input.pick-no-address') });
          return undefined;
        }
        set({ pick: { mode: 'off' } });
        return get().send({ from: pick.from, ...target });
      },
      cancelPick: () => set({ pick: { mode: 'off' } }),
      send: (spec) =>
        withTracer((t) => {
          const result = run(t, spec, get().nextSeed);
          // A new packet takes the last burst's spread (its tally and its counts on the canvas) away with it.
          set((s) => ({ ...pb.addPackets(s, [{ spec, result }]), nextSeed: s.nextSeed + 1, sendError: undefined, lastBurst: undefined }));
          return result;
        }),
      sendMany: (spec, count) =>
        withTracer((t) => {
          const n = Math.max(1, Math.min(100, Math.floor(count)));
          const seed0 = get().nextSeed;
          const runs = Array.from({ length: n }, (_, i) => ({ spec, result: run(t, spec, seed0 + i), delayMs: i * BURST_STAGGER_MS }));
          const summary: BurstSummary = { spec, count: n, tally: pb.endpointTally(runs), results: runs.map((r) => r.result) };
          set((s) => ({ ...pb.addPackets(s, runs), nextSeed: seed0 + n, sendError: undefined, lastBurst: summary }));
          return summary;
        }),
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
