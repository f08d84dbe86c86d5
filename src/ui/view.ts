/**
 * How the screen is arranged, remembered in the browser: the palette as a full list or an icon
 * rail, the side panel's width (or folded to a thin edge), whether the camera follows the packet,
 * whether the minimap shows, and the playback speed. One small vanilla store, read by the layout
 * components through selectors; nothing here is part of the scenario or of a share link.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { browserStorage } from '../io/browser';

export const SIDE_MIN = 300;
export const SIDE_MAX = 720;
export const SIDE_DEFAULT = 390;
export const VIEW_STORAGE_KEY = 'kube-network-playground:view';

export interface ViewPrefs {
  paletteCollapsed: boolean;
  sideWidth: number;
  sideCollapsed: boolean;
  /** Camera follows the current hop while a packet plays. */
  follow: boolean;
  minimap: boolean;
  speed: number;
}

export const DEFAULT_VIEW: ViewPrefs = { paletteCollapsed: false, sideWidth: SIDE_DEFAULT, sideCollapsed: false, follow: true, minimap: true, speed: 1 };

export function clampSide(w: number): number {
  return Math.round(Math.min(SIDE_MAX, Math.max(SIDE_MIN, Number.isFinite(w) ? w : SIDE_DEFAULT)));
}

interface Storage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Stored preferences, each field checked (anything odd falls back to its default). */
export function loadView(storage: Storage | undefined): ViewPrefs {
  let raw: unknown;
  try {
    raw = JSON.parse(storage?.getItem(VIEW_STORAGE_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof ViewPrefs, unknown>>;
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  return {
    paletteCollapsed: bool(o.paletteCollapsed, DEFAULT_VIEW.paletteCollapsed),
    sideWidth: typeof o.sideWidth === 'number' ? clampSide(o.sideWidth) : DEFAULT_VIEW.sideWidth,
    sideCollapsed: bool(o.sideCollapsed, DEFAULT_VIEW.sideCollapsed),
    follow: bool(o.follow, DEFAULT_VIEW.follow),
    minimap: bool(o.minimap, DEFAULT_VIEW.minimap),
    speed: typeof o.speed === 'number' && o.speed > 0 && o.speed <= 8 ? o.speed : DEFAULT_VIEW.speed,
  };
}

export function createViewStore(storage: Storage | undefined = browserStorage()) {
  const store = createStore<ViewPrefs>(() => loadView(storage));
  store.subscribe((s) => {
    try {
      storage?.setItem(VIEW_STORAGE_KEY, JSON.stringify(s));
    } catch {
      // A full or refused storage only means the arrangement is not remembered.
    }
  });
  return store;
}

export type ViewStore = ReturnType<typeof createViewStore>;

/** The app's one view store (like the level-of-detail flag, it is about the screen, not the scenario). */
export const viewStore: ViewStore = createViewStore();

export function useView<T>(selector: (s: ViewPrefs) => T): T {
  return useStore(viewStore, selector);
}

export function setView(patch: Partial<ViewPrefs>): void {
  viewStore.setState(patch);
}
