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
import { Palette } from './palette/Palette';
import { Inspector } from './inspector/Inspector';
import { ProblemsPanel } from './problems/ProblemsPanel';
import { Toolbar } from './Toolbar';
import { NoticeBar } from './Notice';
import { EditorProvider } from './state';
import { useEditorShortcuts } from './keyboard';
import { createPacketStore, type PacketSlice } from '../store/packetStore';
import { createSessionState } from '../sim/index';
import type { StoreApi } from 'zustand';
import { PacketsProvider } from './packets/PacketsContext';
import { usePlaybackClock } from './packets/usePlaybackClock';
import { SidePanel } from './SidePanel';
import { PacketCanvas } from './packets/PacketCanvas';

export function createAppStore(opts: { stress?: boolean; scenario?: Scenario } = {}): EditorStore {
  const scenario = opts.scenario ?? (opts.stress ? stressScenario() : defaultScenario());
  return createEditorStore(scenario, { place: placeMissing });
}

/**
 * Packets traced over the editor's current scenario. One kube-proxy session (ClientIP affinity
 * `recent` lists, IPVS scheduler positions) lasts as long as the app, as on a real node.
 */
export function createAppPacketStore(editor: EditorStore): StoreApi<PacketSlice> {
  const session = createSessionState();
  return createPacketStore(
    () => editor.getState().scenario,
    () => ({ session }),
  );
}

export function App({ stress = false, zoom, store: given }: { stress?: boolean; zoom?: number; store?: EditorStore }) {
  const [store] = useState(() => given ?? createAppStore({ stress }));
  const [packets] = useState(() => createAppPacketStore(store));
  useEditorShortcuts(store);
  usePlaybackClock(packets);
  return (
    <EditorProvider store={store}>
      <PacketsProvider store={packets}>
      <ReactFlowProvider>
        <div className={`app${stress ? ' stress' : ''}`}>
          <Toolbar />
          <main className="workspace">
            <Palette />
            <PacketCanvas zoom={zoom} />
            <SidePanel
              inspect={
                <>
                  <Inspector />
                  <ProblemsPanel />
                </>
              }
            />
          </main>
          <NoticeBar />
        </div>
      </ReactFlowProvider>
      </PacketsProvider>
    </EditorProvider>
  );
}
