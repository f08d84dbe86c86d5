/**
 * Export JSON / Import JSON: the documented scenario file format, the one `npm run trace` reads.
 *
 * Export writes the scenario in full: every field, defaults included, and every allocated address
 * (node pod CIDRs, pod IPs, ClusterIPs, nodePorts), so the file says exactly what the canvas showed
 * and reads the same in the CLI, in another copy of the app, or in a text editor.
 * Import goes through `parseScenarioJson`, the one validate-and-migrate path; errors name the field
 * path (`pods.2.ip: not an IPv4 address ...`).
 */
import { msg, type FieldError, type Scenario } from '../sim/index';
import { parseScenarioJson } from '../sim/editing';
import { translate } from '../i18n/index';
import { formatFieldErrors } from '../i18n/sim/index';

import { MAX_SCENARIO_FILE_BYTES } from './scenario-export';

export { exportScenarioJson, MAX_SCENARIO_FILE_BYTES, scenarioFileName } from './scenario-export';

export type ImportResult =
  | { ok: true; scenario: Scenario }
  | {
      ok: false;
      /** Each bad field with its dotted path (`(root)` for the file as a whole). */
      errors: FieldError[];
      /** One line in English for logs and scripts: what failed and where (the interface shows `errors` in the reader's language). */
      message: string;
    };

export function importScenarioJson(text: string): ImportResult {
  if (text.length > MAX_SCENARIO_FILE_BYTES) {
    const errors = [{ path: '(root)', msg: msg('input.file-too-large', { mb: MAX_SCENARIO_FILE_BYTES / 1_000_000 }) }];
    return { ok: false, errors, message: `${translate('en', 'fileError.title')}: ${formatFieldErrors('en', errors)}` };
  }
  const parsed = parseScenarioJson(text.replace(/^\uFEFF/, ''));
  if (parsed.ok) return parsed;
  return { ok: false, errors: parsed.errors, message: `${translate('en', 'fileError.title')}: ${formatFieldErrors('en', parsed.errors)}` };
}
