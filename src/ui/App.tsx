/**
 * The main screen: palette | canvas | side panel (lesson, inspector and problems, packets), over one editor store.
 * `stress` opens a 100-node, 1,000-pod cluster for measuring the canvas.
 */
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { Stores } from '../store/app';
import type { Session } from '../store/session';
import { Palette } from './palette/Palette';
import { lazyPanel } from './LazyPanel';
import { withEditingCode } from '../store/editing';
import { Toolbar } from './Toolbar';
import { NoticeBar } from './Notice';
import { EditorProvider } from './state';
import { useEditorShortcuts } from './keyboard';
import { PacketsProvider } from './packets/PacketsContext';
import { usePlaybackClock } from './packets/usePlaybackClock';
import { SidePanel } from './SidePanel';
import { useView } from './view';
import { useRememberedSpeed } from './packets/useRememberedSpeed';
import './layout.css';
import { PacketCanvas } from './packets/PacketCanvas';
import { SessionProvider } from './session/SessionContext';
import { ManifestDialogProvider } from './manifests/ManifestDialogContext';
import { LessonPanel, SessionControls, SessionOverlays } from './session/SessionUI';
import { Welcome } from './session/Welcome';

// The inspector and the problems list come with the editing code, fetched just after the first paint
// (src/store/editing.ts): "Loading…" meanwhile, and Try again if it cannot be fetched.
const InspectPanel = lazyPanel(() => withEditingCode(import('./inspector/InspectPanel')).then((m) => m.InspectPanel));

/**
 * `app`: the stores, built once by main.tsx (src/store/app.ts); with a session (lessons, saved work,
 * share links and files around the editor) on the main page, without one on the stress page.
 */
export function App({ app, stress = false, zoom }: { app: Stores & { session?: Session | undefined }; stress?: boolean; zoom?: number | undefined }) {
  const { editor: store, packets, session } = app;
  useEditorShortcuts(store);
  usePlaybackClock(packets);
  useRememberedSpeed(packets);
  const sideWidth = useView((v) => (v.sideCollapsed ? 28 : v.sideWidth));
  const workspaceStyle = { ['--side-width' as string]: `${sideWidth}px` };
  const screen = (
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
              <SidePanel {...(session ? { lesson: <LessonPanel /> } : {})} inspect={<InspectPanel />} />
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
      <ManifestDialogProvider>{screen}</ManifestDialogProvider>
    </SessionProvider>
  ) : (
    screen
  );
}
