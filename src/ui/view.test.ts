import { describe, expect, it } from 'vitest';
import { createViewStore, DEFAULT_VIEW, loadView, SIDE_MAX, SIDE_MIN, VIEW_STORAGE_KEY } from './view';

function memory(initial?: string) {
  const m = new Map<string, string>(initial === undefined ? [] : [[VIEW_STORAGE_KEY, initial]]);
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

describe('view preferences', () => {
  it('start from the defaults, and remember each change', () => {
    const storage = memory();
    const store = createViewStore(storage);
    expect(store.getState()).toEqual(DEFAULT_VIEW);
    store.setState({ paletteCollapsed: true, sideWidth: 500, speed: 2 });
    expect(loadView(storage)).toMatchObject({ paletteCollapsed: true, sideWidth: 500, speed: 2 });
  });

  it('check what they read: a damaged or odd entry falls back field by field', () => {
    expect(loadView(memory('{not json'))).toEqual(DEFAULT_VIEW);
    const v = loadView(memory(JSON.stringify({ sideWidth: 5000, paletteCollapsed: 'yes', follow: false, speed: -1 })));
    expect(v.sideWidth).toBe(SIDE_MAX);
    expect(v.paletteCollapsed).toBe(DEFAULT_VIEW.paletteCollapsed);
    expect(v.follow).toBe(false);
    expect(v.speed).toBe(DEFAULT_VIEW.speed);
    expect(loadView(memory(JSON.stringify({ sideWidth: 10 }))).sideWidth).toBe(SIDE_MIN);
  });

  it('a storage that refuses to write does not break the store', () => {
    const store = createViewStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('quota');
      },
    });
    store.setState({ minimap: false });
    expect(store.getState().minimap).toBe(false);
  });
});
