/**
 * The schemas use zod's tree-shakable `zod/mini` API. zod's classic chaining API (`import { z } from 'zod'`)
 * puts all of zod in the bundle whatever is used (about 25 kB gzipped of the first load, issue 12 item 8),
 * so one classic import anywhere in the app undoes that: no source file may import it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('zod imports', () => {
  it('every source file that uses zod imports zod/mini, never the classic API', () => {
    const files = sources(SRC);
    const zodImports = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/^(?:import|export)\b[^;]*?from '(zod[^']*)'/gm)].map((m) => `${f.slice(SRC.length + 1)}: ${m[1]}`),
    );
    expect(zodImports.length).toBeGreaterThan(5);
    expect(zodImports.filter((line) => !line.endsWith(': zod/mini'))).toEqual([]);
  });
});
