/**
 * Packets in flight and their playback, as pure functions over plain data (no React, no timers):
 * the UI calls `tick` from requestAnimationFrame and renders `markerAt`. Each packet walks the hops
 * of its request, then of its reply; its position is `cursor + progress` (hop index plus the
 * fraction of the way to the next hop).
 */
import type { Hop, PacketSpec, TraceResult } from '../sim/index';

/** Milliseconds a marker takes at speed 1x to travel from one element to the next (across a link). */
export const HOP_MS = 420;
/**
 * Milliseconds between two hops in one place (veth -> cni0 -> route -> DNAT on one node): they
 * play together, quickly, so a 40-hop Service-by-name trace takes seconds, not half a minute.
 */
export const LOCAL_HOP_MS = 90;
export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
export type Speed = (typeof SPEEDS)[number];

/** Distinct, colour-blind-friendly marker colours (Okabe-Ito), cycled per packet. */
export const PACKET_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#F0E442', '#000000'];

/** The legs of one exchange, in the order they happen on the wire. */
export type Phase = 'dns' | 'dns-reply' | 'request' | 'upstream' | 'upstream-reply' | 'reply';

export interface PlaybackStep {
  hop: Hop;
  phase: Phase;
  /** Index within its own phase's hop list. */
  index: number;
}

export interface PacketRun {
  id: string;
  color: string;
  spec: PacketSpec;
  result: TraceResult;
  steps: PlaybackStep[];
  /** Index of the hop the marker is at (or leaving). */
  cursor: number;
  /** 0..1 of the way from `cursor` to `cursor + 1`. */
  progress: number;
  /** Milliseconds to wait before this packet starts moving (staggers a burst of requests). */
  delayMs: number;
  /**
   * Drawn on the canvas. A new send takes the earlier packets (and their drop badges) off the
   * canvas, so one packet is in focus; they stay in the packet list and come back when selected.
   */
  onCanvas: boolean;
  /** Part of a burst (Send N): drawn as a small unlabelled dot. */
  burst: boolean;
}

export interface PlaybackState {
  packets: PacketRun[];
  playing: boolean;
  speed: Speed;
  /** With reduced motion the marker jumps hop to hop instead of gliding. */
  reducedMotion: boolean;
  selectedPacket?: string | undefined;
  nextId: number;
}

export const initialPlayback: PlaybackState = { packets: [], playing: false, speed: 1, reducedMotion: false, nextId: 1 };

/**
 * Every hop of an exchange in wire order: the DNS query and its answer, the request, the proxy's
 * own connection to the backend and its reply (ingress), then the reply to the client.
 */
export function stepsOf(result: TraceResult): PlaybackStep[] {
  const steps: PlaybackStep[] = [];
  const add = (phase: Phase, hops: Hop[] | undefined) => hops?.forEach((hop, index) => steps.push({ hop, phase, index }));
  add('dns', result.dns?.hops);
  add('dns-reply', result.dns?.reply?.hops);
  add('request', result.hops);
  add('upstream', result.upstream?.request.hops);
  add('upstream-reply', result.upstream?.reply?.hops);
  add('reply', result.reply?.hops);
  return steps;
}

export function lastIndex(p: PacketRun): number {
  return Math.max(0, p.steps.length - 1);
}

export function isFinished(p: PacketRun): boolean {
  return p.cursor >= lastIndex(p);
}

/** Milliseconds at 1x from step `i` to step `i + 1`: a trip across a link, or a step in one place. */
export function stepMs(p: Pick<PacketRun, 'steps'>, i: number): number {
  const a = p.steps[i];
  const b = p.steps[i + 1];
  if (!a || !b) return 0;
  return a.hop.at === b.hop.at && !b.hop.link ? LOCAL_HOP_MS : HOP_MS;
}

/** Milliseconds at 1x for the whole exchange, start to end (without a burst's starting delay). */
export function durationMs(p: Pick<PacketRun, 'steps'>): number {
  let total = 0;
  for (let i = 0; i + 1 < p.steps.length; i++) total += stepMs(p, i);
  return total;
}

export function addPackets(s: PlaybackState, runs: { spec: PacketSpec; result: TraceResult; delayMs?: number }[]): PlaybackState {
  let nextId = s.nextId;
  const burst = runs.length > 1;
  const added = runs.map(({ spec, result, delayMs }): PacketRun => {
    const id = `pkt-${nextId}`;
    const color = PACKET_COLORS[(nextId - 1) % PACKET_COLORS.length]!;
    nextId++;
    return { id, color, spec, result, steps: stepsOf(result), cursor: 0, progress: 0, delayMs: delayMs ?? 0, onCanvas: true, burst };
  });
  // The packets sent before leave the canvas (they stay in the list).
  const before = added.length > 0 ? s.packets.map((p) => (p.onCanvas ? { ...p, onCanvas: false } : p)) : s.packets;
  return {
    ...s,
    nextId,
    packets: [...before, ...added],
    playing: added.length > 0 ? true : s.playing,
    selectedPacket: added[added.length - 1]?.id ?? s.selectedPacket,
  };
}

/** Advance every packet by `dtMs` of wall time at the current speed. */
export function tick(s: PlaybackState, dtMs: number): PlaybackState {
  if (!s.playing || s.packets.length === 0) return s;
  let moving = false;
  const packets = s.packets.map((p) => {
    if (isFinished(p) || !p.onCanvas) return p;
    moving = true;
    let budget = dtMs * s.speed;
    let delayMs = p.delayMs;
    if (delayMs > 0) {
      const used = Math.min(delayMs, budget);
      delayMs -= used;
      budget -= used;
    }
    let progress = p.progress;
    let cursor = p.cursor;
    while (budget > 0 && cursor < lastIndex(p)) {
      const d = stepMs(p, cursor);
      const left = (1 - progress) * d;
      if (budget >= left) {
        budget -= left;
        cursor++;
        progress = 0;
      } else {
        progress += budget / d;
        budget = 0;
      }
    }
    if (cursor >= lastIndex(p)) progress = 0;
    return { ...p, cursor, progress, delayMs };
  });
  return { ...s, packets, playing: moving && packets.some((p) => p.onCanvas && !isFinished(p)) };
}

function update(s: PlaybackState, id: string | undefined, f: (p: PacketRun) => PacketRun): PlaybackState {
  const target = id ?? s.selectedPacket;
  return { ...s, packets: s.packets.map((p) => (p.id === target ? f(p) : p)) };
}

export function play(s: PlaybackState): PlaybackState {
  // Play after the end replays from the start.
  const shown = s.packets.filter((p) => p.onCanvas);
  const allDone = shown.length > 0 && shown.every(isFinished);
  const packets = allDone ? s.packets.map((p) => (p.onCanvas ? { ...p, cursor: 0, progress: 0, delayMs: 0 } : p)) : s.packets;
  return { ...s, packets, playing: shown.length > 0 };
}

export function pause(s: PlaybackState): PlaybackState {
  return { ...s, playing: false };
}

/** Step the selected packet one hop forward or back; stepping pauses playback. */
export function step(s: PlaybackState, delta: 1 | -1, id?: string): PlaybackState {
  const next = update(s, id, (p) => ({ ...p, onCanvas: true, cursor: Math.min(lastIndex(p), Math.max(0, p.cursor + delta)), progress: 0, delayMs: 0 }));
  return { ...next, playing: false };
}

/** Jump the selected packet to a hop (clicking it in the hop inspector). */
export function seek(s: PlaybackState, stepIndex: number, id?: string): PlaybackState {
  const next = update(s, id, (p) => ({ ...p, onCanvas: true, cursor: Math.min(lastIndex(p), Math.max(0, stepIndex)), progress: 0, delayMs: 0 }));
  return { ...next, playing: false, selectedPacket: id ?? s.selectedPacket };
}

export function replay(s: PlaybackState): PlaybackState {
  const packets = s.packets.map((p) => (p.onCanvas ? { ...p, cursor: 0, progress: 0 } : p));
  return { ...s, packets, playing: packets.some((p) => p.onCanvas) };
}

export function clear(s: PlaybackState): PlaybackState {
  return { ...s, packets: [], playing: false, selectedPacket: undefined };
}

export function setSpeed(s: PlaybackState, speed: number): PlaybackState {
  if (!(SPEEDS as readonly number[]).includes(speed)) return s;
  return { ...s, speed: speed as Speed };
}

/** Select a packet (the hop list shows it); a packet taken off the canvas comes back to it. */
export function select(s: PlaybackState, id: string | undefined): PlaybackState {
  return { ...s, selectedPacket: id, packets: s.packets.map((p) => (p.id === id && !p.onCanvas ? { ...p, onCanvas: true } : p)) };
}

export interface MarkerPosition {
  /** The hop the marker has reached. */
  from: PlaybackStep;
  /** The hop it is moving towards, if any. */
  to?: PlaybackStep;
  /** 0..1 along the way (always 0 with reduced motion). */
  t: number;
  /** A drop at the current hop ends the packet's journey here. */
  dropped: boolean;
  /** Encapsulated on this leg: draw the outer shell. */
  encapsulated: boolean;
}

export function markerAt(p: PacketRun, reducedMotion: boolean): MarkerPosition | undefined {
  const from = p.steps[p.cursor];
  if (!from) return undefined;
  const to = p.steps[p.cursor + 1];
  return {
    from,
    ...(to ? { to } : {}),
    t: reducedMotion || p.delayMs > 0 ? 0 : p.progress,
    dropped: from.hop.action === 'drop',
    encapsulated: from.hop.packet.outer !== undefined,
  };
}

/** How many of a burst reached each endpoint (element id), for the load-balancing chart. */
export function endpointTally(runs: { result: TraceResult }[]): { endpoint: string; count: number }[] {
  const tally = new Map<string, number>();
  for (const { result } of runs) {
    const key = result.endpoint ?? (result.verdict === 'dropped' ? `dropped: ${result.reason?.code}` : (result.hops[result.hops.length - 1]?.at ?? '?'));
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  return [...tally].map(([endpoint, count]) => ({ endpoint, count })).sort((a, b) => b.count - a.count || a.endpoint.localeCompare(b.endpoint));
}
