import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { defaultScenario } from './defaultScenario';
import { parseDefaultScenario } from './defaultScenarioInput';
import { defaultScenarioSource } from '../../scripts/write-default-scenario';

describe('the example scenario the app opens with', () => {
  it('is parseScenario(defaultScenarioInput), field for field (run `npm run default-scenario` after changing either)', () => {
    expect(defaultScenario()).toEqual(parseDefaultScenario());
  });

  it('is the file the generator writes, byte for byte', async () => {
    const onDisk = readFileSync(new URL('./defaultScenario.generated.ts', import.meta.url), 'utf8');
    expect(onDisk).toBe(await defaultScenarioSource());
  });

  it('gives each caller its own copy', () => {
    const a = defaultScenario();
    const b = defaultScenario();
    expect(a).not.toBe(b);
    a.pods.pop();
    expect(defaultScenario().pods.length).toBe(b.pods.length);
  });
});
