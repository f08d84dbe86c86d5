/** Writes public/scenario.schema.json from the zod scenario schema (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../src/sim/editing';

writeFileSync(new URL('../public/scenario.schema.json', import.meta.url), JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log('wrote public/scenario.schema.json');
