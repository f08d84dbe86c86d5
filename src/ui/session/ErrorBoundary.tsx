/**
 * The last guard: if drawing the app throws, show what happened instead of a blank page. The saved
 * work is never touched from here; the message offers to reload (which opens the saved work) and to
 * download the saved work as a file, in case the same error comes back.
 */
import { Component, useEffect, useState, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { StorageLike } from '../../io/saved-work';
import { exportScenarioJson, scenarioFileName } from '../../io/scenario-export';
import { editingIfLoaded, loadEditing } from '../../store/editing';
import { downloadText } from './FileMenu';

function Crash({ error, storage }: { error: Error; storage: StorageLike | undefined }) {
  const t = useT();
  // Saved work is read through the schema, which comes with the editing code (fetched here if the crash came first).
  const [code, setCode] = useState(editingIfLoaded);
  useEffect(() => {
    if (!code) void loadEditing().then(setCode, () => undefined);
  }, [code]);
  const saved = storage && code ? code.savedWork.loadSavedWork(storage) : undefined;
  return (
    <div className="crash" role="alert" data-testid="crash">
      <div className="crash-card">
        <h1>{t('crash.title')}</h1>
        <p>{saved?.ok ? t('crash.savedKept') : t('crash.body')}</p>
        <pre className="crash-detail">{error.message}</pre>
        <div className="popover-actions">
          <button type="button" className="btn primary" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </button>
          {saved?.ok && (
            <button type="button" className="btn" onClick={() => downloadText(scenarioFileName(saved.work.scenario), exportScenarioJson(saved.work.scenario))}>
              {t('crash.download')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

export class ErrorBoundary extends Component<{ storage: StorageLike | undefined; children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('Kube Network Playground crashed while drawing:', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <Crash error={this.state.error} storage={this.props.storage} />;
    return this.props.children;
  }
}
