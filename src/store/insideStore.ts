/**
 * The Inside view's state: which tool tab is open and which lines a hop link asked to highlight.
 * The element shown is the editor's selection; a hop link selects its element and opens this.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InsideTool } from '../sim/index';

export interface InsideState {
  tool?: InsideTool;
  /** The element and tool the highlight belongs to, and its 0-based lines. */
  highlight?: { element: string; tool: InsideTool; lines: number[] };
  /** Bumped on every open() so the side panel switches to the Inside tab even when it is already the target. */
  opened: number;
  setTool(tool: InsideTool): void;
  open(element: string, tool: InsideTool, lines: number[]): void;
}

export function createInsideStore(): StoreApi<InsideState> {
  return createStore<InsideState>()((set) => ({
    opened: 0,
    setTool: (tool) => set({ tool }),
    open: (element, tool, lines) => set((s) => ({ tool, highlight: { element, tool, lines }, opened: s.opened + 1 })),
  }));
}

/** The one Inside store of the app (the view and the hop links share it). */
export const insideStore = createInsideStore();
