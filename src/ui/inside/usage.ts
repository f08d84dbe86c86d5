/** Which hops of the packets sent so far used each line of an element's tool output. */
import { type InsideTool, type Scenario, type TraceResult } from '../../sim/index';
import { locateMatch } from '../../sim/tracer';
import type { PacketRun } from '../../store/playback';

export interface LineUse {
  packet: string;
  /** Index in the packet's playback steps (what seek() takes). */
  step: number;
}

export function lineUses(s: Scenario, runs: PacketRun[], element: string, tool: InsideTool): Map<number, LineUse[]> {
  const out = new Map<number, LineUse[]>();
  const results: TraceResult[] = runs.map((r) => r.result);
  for (const run of runs) {
    run.steps.forEach((st, i) => {
      const prev = run.steps[i - 1];
      const prevHop = prev && prev.phase === st.phase ? prev.hop : undefined;
      for (const m of st.hop.match ?? []) {
        const loc = locateMatch(s, st.hop, prevHop, m, results);
        if (!loc || loc.element !== element || loc.tool !== tool) continue;
        for (const line of loc.lines) {
          const list = out.get(line) ?? [];
          if (!list.some((u) => u.packet === run.id && u.step === i)) list.push({ packet: run.id, step: i });
          out.set(line, list);
        }
      }
    });
  }
  return out;
}
