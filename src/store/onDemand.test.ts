import { describe, expect, it } from 'vitest';
import { onDemand } from './onDemand';

describe('onDemand', () => {
  it('fetches once, gives the module without waiting after, and tries again after a failed fetch', async () => {
    let calls = 0;
    let fail = true;
    const code = onDemand(async () => {
      calls++;
      if (fail) throw new Error('offline');
      return { name: 'module' };
    });
    expect(code.now()).toBeUndefined();
    await expect(code.load()).rejects.toThrow('offline');
    expect(code.now()).toBeUndefined();
    fail = false;
    const [a, b] = await Promise.all([code.load(), code.load()]);
    expect(a).toBe(b);
    expect(code.now()).toBe(a);
    expect(calls).toBe(2);
    await code.load();
    expect(calls).toBe(2);
  });

  it('tells its listeners once the module is here, whoever fetched it, and not after a failure', async () => {
    let fail = true;
    const code = onDemand(async () => {
      if (fail) throw new Error('offline');
      return { name: 'module' };
    });
    const heard: string[] = [];
    const stop = code.onLoad(() => heard.push(code.now()?.name ?? 'nothing'));
    const other = code.onLoad(() => heard.push('other'));
    other();
    await expect(code.load()).rejects.toThrow('offline');
    expect(heard).toEqual([]);
    fail = false;
    await code.load();
    expect(heard).toEqual(['module']);
    stop();
    await code.load();
    expect(heard).toEqual(['module']);
  });
});
