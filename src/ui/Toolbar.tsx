/** Top bar: undo/redo, delete, auto-layout, fit view; the session's menus come in as children. */
import { useReactFlow } from '@xyflow/react';
import { useLocale, useT } from '../i18n/useT';
import { scenarioText } from './scenarioText';
import { useEditor, useEditorStore } from './state';
import { systemPodsStore } from './canvas/systemPods';
import { layoutAsDrawn } from '../layout/asDrawn';
import { withEditing } from '../store/editing';

export function Toolbar({ children }: { children?: React.ReactNode }) {
  const t = useT();
  const store = useEditorStore();
  const rf = useReactFlow();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const selected = useEditor((s) => s.selection.length);
  const [locale] = useLocale();
  const name = scenarioText(
    useEditor((s) => s.scenario.name),
    locale,
  );
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ⎈
        </span>
        <h1>{t('app.title')}</h1>
        <span className="scenario-name" title={t('toolbar.scenario')}>
          {name}
        </span>
      </div>
      <div className="toolbar" role="toolbar" aria-label={t('toolbar.editing')}>
        <button
          type="button"
          className="btn"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          aria-keyshortcuts="Control+Z"
          title={`${t('toolbar.undo')} (Ctrl+Z)`}
        >
          ↶ {t('toolbar.undo')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          aria-keyshortcuts="Control+Shift+Z"
          title={`${t('toolbar.redo')} (Ctrl+Shift+Z)`}
        >
          ↷ {t('toolbar.redo')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => withEditing(() => store.getState().deleteSelection())}
          disabled={selected === 0}
          aria-keyshortcuts="Delete"
          title={t('toolbar.deleteTitle')}
        >
          {t('toolbar.delete')}
        </button>
        <span className="sep" aria-hidden />
        <button
          type="button"
          className="btn"
          onClick={() => {
            store.getState().replaceLayout(layoutAsDrawn(store.getState().scenario, systemPodsStore.getState().collapsed));
            window.requestAnimationFrame(() => void rf.fitView({ padding: 0.08, duration: 300 }));
          }}
          title={t('toolbar.autoLayoutTitle')}
        >
          {t('toolbar.autoLayout')}
        </button>
        <button type="button" className="btn" onClick={() => void rf.fitView({ padding: 0.08, duration: 300 })}>
          {t('toolbar.fitView')}
        </button>
        {children}
      </div>
    </header>
  );
}
