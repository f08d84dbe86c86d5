/**
 * A panel whose code is fetched when it is first shown (React.lazy), with what a reader needs when that
 * takes a moment or fails: "Loading…" meanwhile, and if the fetch fails (the connection dropped, or the
 * app was updated since the page opened) a sentence and a Retry button in the panel, never the
 * whole-app crash screen. Retry fetches again.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

function PanelLoading() {
  const t = useT();
  return (
    <p className="side-loading" role="status">
      {t('side.loading')}
    </p>
  );
}

/** What a panel says when its code (or content) could not be fetched, with Try again. */
export function PanelFailed({ retry, message }: { retry(): void; message?: string }) {
  const t = useT();
  return (
    <div className="panel-failed" role="alert">
      <p>{message ?? t('lazy.failed')}</p>
      <button type="button" className="btn small" onClick={retry}>
        {t('lazy.retry')}
      </button>
    </div>
  );
}

function Bare({ children }: { children: ReactNode }) {
  return children;
}

class FetchBoundary extends Component<{ retry(): void; Frame: ComponentType<{ children: ReactNode }>; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    const { Frame } = this.props;
    return this.state.failed ? (
      <Frame>
        <PanelFailed retry={this.props.retry} />
      </Frame>
    ) : (
      this.props.children
    );
  }
}

/**
 * `load` resolves to the panel's component; the returned component renders it once fetched. `Frame`
 * holds "Loading…" and the failure where the panel itself would be (a dialog's box, for a dialog).
 */
export function lazyPanel<P extends object>(
  load: () => Promise<ComponentType<P>>,
  Frame: ComponentType<{ children: ReactNode }> = Bare,
): ComponentType<P> & { preload(): void } {
  const make = () => lazy(() => load().then((c) => ({ default: c })));
  let shared = make();
  function LazyPanel(props: P) {
    const [attempt, setAttempt] = useState(0);
    const retry = () => {
      // A failed React.lazy keeps its error: a new one fetches again.
      shared = make();
      setAttempt((n) => n + 1);
    };
    const Panel = shared;
    return (
      <FetchBoundary key={attempt} retry={retry} Frame={Frame}>
        <Suspense
          fallback={
            <Frame>
              <PanelLoading />
            </Frame>
          }
        >
          <Panel {...props} />
        </Suspense>
      </FetchBoundary>
    );
  }
  /** Fetch the code ahead of need (the browser keeps the module, so the panel then shows at once); a failure is said when the panel is shown. */
  LazyPanel.preload = () => void load().catch(() => undefined);
  return LazyPanel;
}
