import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticGraph } from './static-imports';
import { FIRST_LOAD_MESSAGE_SPECS } from '../src/sim/messages/index';
import { MESSAGE_CODES } from '../src/sim/messages/all';
import { TRACE_CODES } from '../src/sim/messages/codes-trace';
import { MODEL_CODES } from '../src/sim/messages/codes-model';
import { enModel } from '../src/i18n/sim/en-model';
import { enInput } from '../src/i18n/sim/en-input';
import { enManifest } from '../src/i18n/sim/en-manifest';
import { enSend } from '../src/i18n/sim/en-send';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Issue 12: a trace's message codes (src/sim/messages/codes-trace.ts) load with the tracer, the editor's
 * (codes-model.ts) with the editing code and the tracer; the first load knows only the parameter shapes
 * of what files and the send form say (FIRST_LOAD_MESSAGE_SPECS), and the formatter renders a message
 * only when it has its shape. So no module of the first load may write a trace or an editor code: it
 * would reach the screen as a bare code.
 */
describe("the first load's message codes", () => {
  const graph = staticGraph(ROOT, 'src/main.tsx');
  const tables = new Set(['src/sim/messages/codes-model.ts', 'src/sim/messages/codes-input.ts', 'src/sim/messages/codes-send.ts']);

  it("are the file and send-form codes, and every other code is the editor's or a trace's", () => {
    const first = Object.keys(FIRST_LOAD_MESSAGE_SPECS);
    expect(first.length).toBeGreaterThan(30);
    expect(Object.keys(MODEL_CODES).length).toBeGreaterThan(50);
    expect(Object.keys(TRACE_CODES).length).toBeGreaterThan(100);
    expect([...first, ...Object.keys(MODEL_CODES), ...Object.keys(TRACE_CODES)].sort()).toEqual([...MESSAGE_CODES].sort());
  });

  // What only the manifest importer, a policy's YAML and the CLI's inspector say.
  const later = new Set(Object.keys(enManifest));

  it("have their English sentences: files' and the send form's in the first load, the editor's with the editing code, the importers' with theirs", () => {
    expect(later.size).toBeGreaterThan(40);
    expect(Object.keys({ ...enInput, ...enSend, ...enManifest }).sort()).toEqual(Object.keys(FIRST_LOAD_MESSAGE_SPECS).sort());
    for (const code of Object.keys(enInput)) expect(later.has(code), code).toBe(false);
    expect(Object.keys(enModel).sort()).toEqual(Object.keys(MODEL_CODES).sort());
    expect(graph.has('src/i18n/sim/en-input.ts') && graph.has('src/i18n/sim/en-send.ts')).toBe(true);
    // The manifest dialog and the Policies tab, which show what the importers say, register it; the first load does not carry it.
    expect(graph.has('src/i18n/sim/en-manifest.ts')).toBe(false);
    for (const file of ['src/ui/manifests/ManifestDialogBody.tsx', 'src/ui/policy/PolicyPanel.tsx']) {
      const reached = staticGraph(ROOT, file);
      expect(reached.has('src/i18n/sim/manifest-messages.ts'), file).toBe(true);
      expect(reached.has('src/io/manifests/import.ts') || reached.has('src/io/policy-yaml.ts'), file).toBe(true);
    }
    // Validation problems and refused edits are written only by the editing code, which registers their sentences.
    expect(graph.has('src/i18n/sim/en-model.ts')).toBe(false);
    expect(staticGraph(ROOT, 'src/store/editing-code.ts').has('src/i18n/sim/model-messages.ts')).toBe(true);
  });

  it('are the only codes a module of the first load writes', () => {
    // Neither a trace's codes (their shapes come with the tracer) nor the editor's (their sentences come with the editing code), nor the importers'.
    const trace = new Set([...Object.keys(TRACE_CODES), ...Object.keys(MODEL_CODES), ...later]);
    const written: string[] = [];
    for (const file of graph.keys()) {
      if (tables.has(file) || file.startsWith('npm:')) continue;
      const text = readFileSync(resolve(ROOT, file), 'utf8');
      for (const m of text.matchAll(/['"`]([a-z0-9-]+(?:\.[a-z0-9-]+)+)['"`]/g)) if (trace.has(m[1]!)) written.push(`${file}: ${m[1]}`);
    }
    expect(written).toEqual([]);
    // The guard reads the modules it means to: the send form's codes are written in the first load.
    expect(graph.has('src/sim/trace/target.ts')).toBe(true);
    expect(readFileSync(resolve(ROOT, 'src/store/packetStore.ts'), 'utf8')).toContain("'input.tracer-unavailable'");
  });
});
