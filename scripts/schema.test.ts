import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/sim/editing';

describe('shipped JSON Schema', () => {
  it('is up to date with the zod schema (run `npm run schema` after changing the model)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../public/scenario.schema.json', import.meta.url), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });

  it('describes the version and the element lists', () => {
    const s = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(s.required).toContain('version');
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining(['cluster', 'subnets', 'routers', 'nodes', 'pods', 'clients', 'services', 'loadBalancers', 'ingresses']),
    );
  });
});
