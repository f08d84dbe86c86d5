/**
 * The session's parts of the main screen: the toolbar's Lessons / File / Copy link / language
 * controls, the messages over the workspace, and what happens when the scenario is replaced
 * (the view fits the new one; the app clears the old scenario's packets, src/store/app.ts).
 */
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useT } from '../../i18n/useT';
import { LessonMenu } from './LessonMenu';
import { FileMenu } from './FileMenu';
import { ShareButton } from './ShareButton';
import { LanguageSwitch } from './LanguageSwitch';
import { ImportErrorsDialog, StartupBannerBar } from './Banners';
import { useSession } from './SessionContext';
import { DENSE_PODS, lodStore } from '../canvas/lod';
import { setView } from '../view';
import { ManifestImportDialog } from '../manifests/ManifestImportDialog';
import { ManifestFileDrop } from '../manifests/ManifestFileDrop';
import { LoadingProgress } from '../loading/LoadingProgress';
import './toolbar.css';
import './lesson.css';
import './banners.css';

export { LessonPanel } from './LessonPanel';

export function SessionControls() {
  return (
    <>
      <span className="sep" aria-hidden />
      <LessonMenu />
      <FileMenu />
      <ShareButton />
      <span className="sep" aria-hidden />
      <LanguageSwitch />
    </>
  );
}

/** Banners, the import errors dialog, and the effects of a replaced scenario. */
export function SessionOverlays() {
  const session = useSession();
  const rf = useReactFlow();
  const t = useT();
  useEffect(
    () =>
      session.onReplaced((kind) => {
        // A big scenario replacing a small one opens far out, as the canvas does at start-up: in the same
        // render as the new scenario, so thousands of pod cards are never built (issue 15: an imported
        // 3,000-pod scenario took 10 s to first render, almost all of it pod cards).
        if (session.editor.getState().scenario.pods.length > DENSE_PODS) lodStore.setState({ far: true, mid: false });
        // A lesson needs the canvas and the side panel more than the palette's names.
        if (kind === 'lesson' && session.state.getState().lesson !== undefined) setView({ paletteCollapsed: true, sideCollapsed: false });
        // After the lesson panel opened or closed and the canvas took its new size. An empty
        // scenario (File → New) has nothing to fit: it opens at a readable 100%.
        if (kind === 'new') window.setTimeout(() => void rf.setViewport({ x: 40, y: 40, zoom: 1 }), 60);
        else window.setTimeout(() => void rf.fitView({ padding: 0.08, duration: 300 }), 60);
      }),
    [session, rf],
  );
  useEffect(() => {
    if (session.state.getState().lesson !== undefined) setView({ paletteCollapsed: true, sideCollapsed: false });
  }, [session]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <>
      <StartupBannerBar />
      <ImportErrorsDialog />
      <ManifestImportDialog />
      <ManifestFileDrop />
      <LoadingProgress />
    </>
  );
}
