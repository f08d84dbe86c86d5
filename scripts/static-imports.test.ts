import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticGraph } from './static-imports';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * Issue 12: the first load carries what the first paint needs. These load on demand (src/store/tracer.ts,
 * src/store/lessons.ts, src/store/editing.ts, src/i18n/index.ts `loadLocaleMessages`, React.lazy panels and their dictionary parts) and must stay out of
 * the entry's static graph, or the bundler puts them back in the first load.
 */
const ON_DEMAND = [
  'src/sim/tracer.ts',
  'src/sim/trace/trace.ts',
  'src/sim/dataplane/host.ts',
  'src/sim/inspect/index.ts',
  'src/lessons/index.ts',
  'src/lessons/01-pods-on-one-node.ts',
  // The lesson panel's body, fetched with the lesson's content (src/ui/session/LessonPanel.tsx).
  'src/ui/session/LessonPanelBody.tsx',
  'src/i18n/pack.zh-CN.ts',
  'src/lessons/catalog.zh-CN.ts',
  'src/i18n/messages.zh-CN.ts',
  'src/i18n/sim/zh-CN.ts',
  'src/i18n/sim/en.ts',
  'src/i18n/sim/trace-messages.ts',
  // A trace's message codes, and the table of every code (src/sim/messages/all.ts): with the tracer.
  'src/sim/messages/codes-trace.ts',
  'src/sim/messages/all.ts',
  'src/sim/dataplane/endpoints-why.ts',
  // Calico's hashed names (and @noble/hashes): with the tracer, asked for when a Calico cluster is shown.
  'src/sim/dataplane/cali-name.ts',
  'src/ui/packets/HopInspector.tsx',
  'src/ui/packets/exportImage.ts',
  // The packet layer of the canvas: nothing of it shows before the first Send (usePacketLayer.tsx).
  'src/ui/packets/PacketLayer.tsx',
  'src/ui/packets/PacketMarkers.tsx',
  'src/ui/packets/FollowCamera.tsx',
  'src/ui/packets/useLabelPlacement.ts',
  'src/ui/packets/flowGeometry.ts',
  'src/ui/packets/burstFlows.ts',
  'src/ui/canvas/pathTrack.ts',
  'src/ui/inside/InsideView.tsx',
  'src/ui/policy/PolicyPanel.tsx',
  'src/io/manifests/import.ts',
  'src/io/share-link.ts',
  'src/ui/manifests/ManifestDialogBody.tsx',
  // The interface strings of the panels above come with them (src/i18n/messageParts.ts), as does the list of them all.
  ...readdirSync(resolve(ROOT, 'src/i18n/parts'))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => `src/i18n/parts/${f}`),
  // The editing code (src/store/editing.ts): schemas, parsing, validation, every edit, saved work.
  'src/store/editing-code.ts',
  'src/sim/editing.ts',
  'src/sim/model/schema-base.ts',
  'src/sim/model/parse.ts',
  'src/sim/model/editFields.ts',
  'src/sim/model/edit-hosts.ts',
  'src/sim/net/validate.ts',
  'src/io/saved-work.ts',
  'src/io/compact.ts',
  'src/i18n/sim/en-model.ts',
  'src/ui/inspector/Inspector.tsx',
  'src/ui/problems/ProblemsPanel.tsx',
  'npm:zod/mini',
];

describe('the first load', () => {
  const graph = staticGraph(ROOT, 'src/main.tsx');

  it('reaches the app itself: the canvas, the editor store, the example already parsed, the English dictionaries', () => {
    for (const f of [
      'src/ui/App.tsx',
      'src/ui/canvas/Canvas.tsx',
      'src/store/editorStore.ts',
      'src/store/defaultScenario.generated.ts',
      'src/i18n/messages.en.ts',
      'src/sim/index.ts',
      'src/lessons/catalog.ts',
    ]) {
      expect(graph.has(f), f).toBe(true);
    }
  });

  it.each(ON_DEMAND)('leaves %s to load on demand', (file) => {
    expect(graph.get(file), `reached by ${graph.get(file)?.join(' -> ')}`).toBeUndefined();
  });
});
