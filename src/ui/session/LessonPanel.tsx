/**
 * The lesson panel's door: shown only while a lesson is open, so its code (LessonPanelBody.tsx) is
 * fetched with the lesson's content (src/store/lessons.ts) when a lesson is first opened, or when the
 * app starts on one, not before the first paint. Meanwhile the panel says the lesson is loading; if
 * either could not be fetched it says so with Try again (the scenario on the canvas is unchanged).
 */
import { useCallback, useEffect, useState } from 'react';
import { lessonsIfLoaded, loadLessons } from '../../store/lessons';
import { onDemand } from '../../store/onDemand';
import { useT } from '../../i18n/useT';
import { useSessionState } from './SessionContext';
import { PanelFailed } from '../LazyPanel';

const body = onDemand(() => import('./LessonPanelBody'));

/** Fetch the panel's code beside the lesson's content when a lesson is chosen (a failure is said by the panel). */
export function preloadLessonPanel(): void {
  void body.load().catch(() => undefined);
}

/** The open lesson's content and the panel's code: here at once if fetched already (opening a lesson fetches the content), else fetched now. */
function useLessonPanel(id: string | undefined) {
  // Read on every render: opening a lesson from the menu may have fetched them meanwhile.
  const lessons = lessonsIfLoaded();
  const code = body.now();
  const [, setLoaded] = useState(0);
  const [failed, setFailed] = useState(false);
  const fetchBoth = useCallback(() => {
    let live = true;
    Promise.all([loadLessons(), body.load()]).then(
      () => live && setLoaded((n) => n + 1),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  const retry = useCallback(() => {
    setFailed(false);
    fetchBoth();
  }, [fetchBoth]);
  const missing = id !== undefined && (lessons === undefined || code === undefined);
  useEffect(() => (missing ? fetchBoth() : undefined), [missing, fetchBoth]);
  return {
    lesson: id === undefined ? undefined : lessons?.getLesson(id),
    Body: code?.LessonPanelBody,
    failed: failed && missing,
    retry,
  };
}

export function LessonPanel() {
  const t = useT();
  const id = useSessionState((s) => s.lesson);
  const { lesson, Body, failed, retry } = useLessonPanel(id);
  if (id === undefined) return null;
  if (!lesson || !Body) {
    return (
      <aside className="lesson-panel" aria-label={t('lessons.panel')} aria-busy={!failed}>
        {failed ? (
          <PanelFailed retry={retry} message={t('lessons.loadFailed')} />
        ) : (
          <p className="side-loading" role="status">
            {t('lessons.loading')}
          </p>
        )}
      </aside>
    );
  }
  return <Body lesson={lesson} />;
}
