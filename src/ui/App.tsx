/**
 * The main screen: palette | canvas | side panel (lesson, inspector and problems, packets), over one editor store.
 * `stress` opens a 100-node, 1,000-pod cluster for measuring the canvas.
 */
import { useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { type Scenario, createSessionState } from '../sim/index';
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
import type { StoreApi } from 'zustand';
import { PacketsProvider } from './packets/PacketsContext';
import { usePlaybackClock } from './packets/usePlaybackClock';
import { SidePanel } from './SidePanel';
import { useView } from './view';
import { useRememberedSpeed } from './packets/useRememberedSpeed';
import './layout.css';
import { PacketCanvas } from './packets/PacketCanvas';
import type { Session } from './session/session';
import { SessionProvider } from './session/SessionContext';
import { ManifestDialogProvider } from './manifests/ManifestDialogContext';
import { LessonPanel, SessionControls, SessionOverlays } from './session/SessionUI';
import { Welcome } from './session/Welcome';

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

/** `session`: lessons, saved work, share links and files around the editor (main.tsx starts it before the first render). */
export function App({ stress = false, zoom, store: given, session }: { stress?: boolean; zoom?: number | undefined; store?: EditorStore; session?: Session }) {
  const [store] = useState(() => session?.editor ?? given ?? createAppStore({ stress }));
  const [packets] = useState(() => createAppPacketStore(store));
  useEditorShortcuts(store);
  usePlaybackClock(packets);
  useRememberedSpeed(packets);
  const sideWidth = useView((v) => (v.sideCollapsed ? 28 : v.sideWidth));
  const workspaceStyle = { ['--side-width' as string]: `${sideWidth}px` };
  const app = (
    <EditorProvider store={store}>
      <PacketsProvider store={packets}>
        <ReactFlowProvider>
          <div className={`app${stress ? ' stress' : ''}`}>
            <Toolbar>{session && <SessionControls />}</Toolbar>
            <main className="workspace" style={workspaceStyle}>
              <Palette />
              <div className="stage">
                <PacketCanvas zoom={zoom} />
                {session && <Welcome />}
              </div>
              <SidePanel
                {...(session ? { lesson: <LessonPanel /> } : {})}
                inspect={
                  <>
                    <Inspector />
                    <ProblemsPanel />
                  </>
                }
              />
            </main>
            <NoticeBar />
            {session && <SessionOverlays />}
          </div>
        </ReactFlowProvider>
      </PacketsProvider>
    </EditorProvider>
  );
  return session ? (
    <SessionProvider session={session}>
      <ManifestDialogProvider>{app}</ManifestDialogProvider>
    </SessionProvider>
  ) : (
    app
  );
}
