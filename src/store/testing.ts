/** Test helpers for the session: a localStorage stand-in that counts writes and can refuse them. */
import type { StorageLike } from '../io/saved-work';

export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  writes = 0;
  failWrites: 'quota' | 'security' | false = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw Object.assign(new Error('refused'), { name: this.failWrites === 'quota' ? 'QuotaExceededError' : 'SecurityError' });
    this.writes++;
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  snapshot(): Map<string, string> {
    return new Map(this.items);
  }
}

/** setTimeout under the test's control: `run()` fires what is due. */
export class ManualTimers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  set = (fn: () => void): unknown => {
    const id = this.next++;
    this.pending.set(id, fn);
    return id;
  };
  clear = (handle: unknown): void => {
    this.pending.delete(handle as number);
  };
  run(): void {
    const fns = [...this.pending.values()];
    this.pending.clear();
    for (const fn of fns) fn();
  }
}
