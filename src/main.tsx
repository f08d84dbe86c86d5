import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { LocaleProvider, initialLocale } from './i18n/useT';
import { DEFAULT_LOCALE, loadLocaleMessages, type Locale } from './i18n/index';
import { ErrorBoundary } from './ui/session/ErrorBoundary';
import { hasShareLink, type DecodedShareLink } from './io/share-address';
import { browserStorage, clearLinkFromAddress } from './io/browser';
import { createApp, createStores } from './store/app';
import { LoadingProgress } from './ui/loading/LoadingProgress';
import { endLoading, loadWithProgress } from './store/loading/progress';
import { decodedLink } from './store/loading/linkResult';
import { preloadTracer, whenIdle } from './store/tracer';
import { loadEditing } from './store/editing';
import './ui/styles/shell.css';
import './ui/styles/palette.css';
import './ui/styles/side.css';
import './ui/styles/fields.css';
import './ui/styles/problems.css';
import './ui/styles/canvas.css';
import './ui/styles/pods.css';
import './ui/styles/cards.css';
import './ui/styles/edges.css';
import { HopInspector } from './ui/packets/PacketPanel';
import { preloadPacketLayer } from './ui/packets/usePacketLayer';

const params = new URLSearchParams(window.location.search);
const root = createRoot(document.getElementById('root')!);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);
// `?zoom=1` opens the canvas at that zoom at its origin instead of fitting it (used by the canvas benchmark).
const zoom = params.has('zoom') ? Number(params.get('zoom')) || undefined : undefined;

/** Start once the reader's language is here (English is built in; another language is fetched first). */
function start(locale: Locale, unavailable?: Locale) {
  if (params.has('bare')) {
    // The benchmark's reference page, loaded on demand so the app bundle does not carry it.
    const count = Number(params.get('n') ?? 1100) || 1100;
    void import('./ui/bench/BareFlow').then(({ BareFlow }) => render(<BareFlow count={count} zoom={zoom} />));
  } else if (params.get('stress') === '1') {
    // The big cluster is generated, validated and laid out off the page's thread, with its steps shown.
    render(
      <LocaleProvider initial={locale} unavailable={unavailable}>
        <LoadingProgress fullPage />
      </LocaleProvider>,
    );
    const nodes = Number(params.get('nodes')) || undefined;
    void loadWithProgress({ kind: 'stress', ...(nodes ? { nodes } : {}) }).then(async (r) => {
      const app = createStores(r.ok ? r.scenario : (await import('./store/stressScenario')).stressScenario());
      render(
        <LocaleProvider initial={locale} unavailable={unavailable}>
          <App app={app} stress zoom={zoom} />
        </LocaleProvider>,
      );
      endLoading();
    });
  } else {
    // The scenario to open (a share link, the saved work, or the example) is chosen before the app renders;
    // a share link is decoded, validated and laid out off the page's thread first, its steps shown meanwhile.
    document.documentElement.lang = locale;
    const storage = browserStorage();
    const open = async (link?: DecodedShareLink) => {
      const app = await createApp({ hash: window.location.hash, storage, locale, link, clearLinkFromAddress });
      render(
        <LocaleProvider initial={locale} unavailable={unavailable}>
          <ErrorBoundary storage={storage}>
            <App app={app} zoom={zoom} />
          </ErrorBoundary>
        </LocaleProvider>,
      );
      endLoading();
    };
    if (hasShareLink(window.location.hash)) {
      render(
        <LocaleProvider initial={locale} unavailable={unavailable}>
          <LoadingProgress fullPage />
        </LocaleProvider>,
      );
      void loadWithProgress({ kind: 'link', hash: window.location.hash }).then((r) => open(decodedLink(r)));
    } else void open();
  }
}

// The editing code (parsing, validation, every edit) is not needed to paint the example: fetch it now,
// beside the first paint, so the inspector and the canvas can edit a moment later. Saved work and links
// wait for it in createApp; a failure shows where it is needed (the inspector, with Try again).
void loadEditing().catch(() => undefined);

const preferred = initialLocale();
// If the language pack cannot be fetched, the app starts in English rather than not at all, and the
// language switch says why (choosing the language again fetches it again).
void loadLocaleMessages(preferred).then(
  () => start(preferred),
  () => start(DEFAULT_LOCALE, preferred),
);

// The packet tracer is not needed for the first paint; fetch it once the page is idle so the first Send rarely waits.
preloadTracer();
// The hop list's code too, so the first packet's hops show with it (a failure is shown when it is needed).
whenIdle(HopInspector.preload);
// And the packet layer of the canvas (markers, labels, follow camera), drawn from the first Send on.
whenIdle(preloadPacketLayer);
