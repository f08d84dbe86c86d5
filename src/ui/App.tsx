/**
 * The main screen: palette | canvas | inspector and problems, over one editor store.
 * `stress` opens a 100-node, 1,000-pod cluster for measuring the canvas.
 */
import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Scenario } from '../sim/model/schema';
import { createEditorStore, type EditorStore } from '../store/editorStore';
import { defaultScenario } from '../store/defaultScenario';
import { stressScenario } from '../store/stressScenario';
import { placeMissing } from './canvas/layout';
import { Canvas } from './canvas/Canvas';
import { Palette } from './palette/Palette';
import { Inspector } from './inspector/Inspector';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { Toolbar } from './Toolbar';
import { NoticeBar } from './Notice';
import { EditorProvider } from './state';
import { useEditorShortcuts } from './keyboard';

export function createAppStore(opts: { stress?: boolean; scenario?: Scenario } = {}): EditorStore {
  const scenario = opts.scenario ?? (opts.stress ? stressScenario() : defaultScenario());
  return createEditorStore(scenario, { place: placeMissing });
}

export function App({ stress = false, zoom, store: given }: { stress?: boolean; zoom?: number; store?: EditorStore }) {
  const [store] = useState(() => given ?? createAppStore({ stress }));
  useEditorShortcuts(store);
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <div className={`app${stress ? ' stress' : ''}`}>
          <Toolbar />
          <main className="workspace">
            <Palette />
            <Canvas zoom={zoom} />
            <div className="side">
              <Inspector />
              <ProblemsPanel />
            </div>
          </main>
          <NoticeBar />
        </div>
      </ReactFlowProvider>
    </EditorProvider>
  );
}
