/** The JSON Schema of the scenario file format, generated from the zod schema (zod 4's toJSONSchema). */
import { z } from 'zod/mini';
import { scenarioSchema } from './schema';

export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://kube-network-playground.local/scenario.schema.json',
    title: 'Kube Network Playground scenario (version 1)',
  };
}
