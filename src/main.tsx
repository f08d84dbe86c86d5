import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { LocaleProvider, initialLocale } from './i18n/useT';
import { ErrorBoundary } from './ui/session/ErrorBoundary';
import { startApp } from './ui/session/start';
import './ui/styles/shell.css';
import './ui/styles/palette.css';
import './ui/styles/side.css';
import './ui/styles/fields.css';
import './ui/styles/problems.css';
import './ui/styles/canvas.css';
import './ui/styles/pods.css';
import './ui/styles/cards.css';
import './ui/styles/edges.css';

const params = new URLSearchParams(window.location.search);
const root = createRoot(document.getElementById('root')!);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
// `?zoom=1` opens the canvas at that zoom at its origin instead of fitting it (used by the canvas benchmark).
const zoom = params.has('zoom') ? Number(params.get('zoom')) || undefined : undefined;

if (params.has('bare')) {
  // The benchmark's reference page, loaded on demand so the app bundle does not carry it.
  const count = Number(params.get('n') ?? 1100) || 1100;
  void import('./ui/bench/BareFlow').then(({ BareFlow }) => render(<BareFlow count={count} zoom={zoom} />));
} else if (params.get('stress') === '1') {
  render(<App stress zoom={zoom} />);
} else {
  // The scenario to open (a share link, the saved work, or the example) is chosen before the first render.
  const locale = initialLocale();
  const { session, storage } = startApp(locale);
  render(
    <LocaleProvider initial={locale}>
      <ErrorBoundary storage={storage}>
        <App session={session} zoom={zoom} />
      </ErrorBoundary>
    </LocaleProvider>,
  );
}
