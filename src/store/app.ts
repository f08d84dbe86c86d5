/**
 * The app: every store, built in one place. `createApp` decides what the app opens with and builds
 * the editor, the packets and the session over it; `createStores` builds the editor and packets alone
 * (the stress page, which the canvas benchmark opens: no lessons, saved work or links). main.tsx calls one of
 * them once, and src/ui/App.tsx only renders what it is given.
 *
 * What the app opens with: a good share link, else the saved work, else the example. A bad link is
 * reported and the saved work opened instead; choosing never writes, so a bad link can never
 * overwrite saved work. A good link is then saved with origin 'link' (the work it replaces becomes the
 * backup) unless storage already holds exactly that scenario and lesson (a reload of the same link
 * must not push the real previous work out of the backup).
 *
 * `createApp` is async so that a start-up step may load code on demand (a lesson, the link's code, the
 * editing code that reads saved work). A first visit (no link, nothing saved) waits for none of it.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Scenario } from '../sim/index';
import { isLessonId } from '../lessons/catalog';
import { loadLessons } from './lessons';
import { DEFAULT_LOCALE, translate, type Locale } from '../i18n/index';
import { hasShareLink, shareLinkErrorKey, type DecodedShareLink, type ShareLinkError } from '../io/share-address';
import type { LoadResult, StorageLike } from '../io/saved-work';
import { hasSavedWork } from '../io/saved-work-keys';
import { loadEditing, type Editing } from './editing';
import { jsonEqual } from '../io/json-equal';
import { placeMissing } from '../layout/layout';
import { createEditorStore, type EditorStore, type LessonUndo } from './editorStore';
import { createPacketStore, type PacketSlice } from './packetStore';
import { defaultScenario } from './defaultScenario';
import { createSession, createSessionStore, lessonUndo, type Session, type SessionOptions, type StartupBanner } from './session';

export type StartSource = 'link' | 'saved' | 'backup' | 'default';

export interface StartChoice {
  scenario: Scenario;
  /** The lesson to open with it, when the link or the save named one the app knows. */
  lesson?: string;
  /** The step of that lesson the saved work was on. */
  step?: number;
  source: StartSource;
  /** Set when the address held a share link that could not be opened: show `linkError.message`. */
  linkError?: ShareLinkError;
  /** Set when the saved work was damaged and its backup (or the default) was opened. */
  savedWorkWarning?: string;
}

export interface StartInput {
  /** `location.hash` (or the whole URL). */
  hash: string;
  /** `window.localStorage`, or undefined where the browser refuses it. */
  storage: StorageLike | undefined;
  defaultScenario: () => Scenario;
  /** Whether a lesson id names a built-in lesson; unknown ones are dropped. */
  isLesson: (id: string) => boolean;
  /** The link already decoded (off the page's thread, with progress: src/store/loading); else `decode` decodes it. */
  link?: DecodedShareLink | undefined;
  /** Decodes a link (io/share-link.ts, fetched only when the address holds one); missing: the link code could not be fetched. */
  decode?: ((hash: string) => DecodedShareLink) | undefined;
  /** Reads saved work (it comes with the editing code); missing: storage holds none, or the code could not be fetched. */
  readSaved?: ((storage: StorageLike) => LoadResult) | undefined;
}

/** Which scenario to open (never writes storage). */
export function chooseStartScenario(input: StartInput): StartChoice {
  const known = (lesson: string | undefined) => (lesson !== undefined && input.isLesson(lesson) ? { lesson } : {});
  let linkError: ShareLinkError | undefined;
  if (hasShareLink(input.hash)) {
    const link: DecodedShareLink = input.link ??
      input.decode?.(input.hash) ?? { ok: false, error: { code: 'unavailable', message: translate('en', shareLinkErrorKey('unavailable')) } };
    if (link.ok) return { scenario: link.scenario, source: 'link', ...known(link.lesson) };
    linkError = link.error;
  }
  const extra = linkError ? { linkError } : {};
  if (input.storage && input.readSaved) {
    const saved = input.readSaved(input.storage);
    if (saved.ok) {
      return {
        scenario: saved.work.scenario,
        source: saved.from === 'current' ? 'saved' : 'backup',
        ...known(saved.work.lesson),
        ...(saved.work.step !== undefined && known(saved.work.lesson).lesson !== undefined ? { step: saved.work.step } : {}),
        ...extra,
        ...(saved.warning ? { savedWorkWarning: saved.warning } : {}),
      };
    }
    if (saved.reason === 'unreadable') return { scenario: input.defaultScenario(), source: 'default', ...extra, savedWorkWarning: saved.message };
  }
  return { scenario: input.defaultScenario(), source: 'default', ...extra };
}

export type PacketStore = StoreApi<PacketSlice>;

/** The stores every page has: the editor and the packets traced over its scenario. */
export interface Stores {
  editor: EditorStore;
  packets: PacketStore;
}

export interface App extends Stores {
  /** Lessons, saved work, share links and files around the editor. */
  session: Session;
  /** What the app opened with. */
  source: StartSource;
  dispose(): void;
}

/** How the session around a known scenario is set up (buildApp). */
export interface BuildOptions {
  /** `window.localStorage`, or undefined where the browser refuses it. */
  storage: StorageLike | undefined;
  /** The interface language (messages the actions post). */
  locale?: Locale;
  /** Where the scenario came from: a link is saved as the work, saved work is not written again. */
  source?: StartSource;
  /** The lesson open with it. */
  lesson?: string | undefined;
  /** The step of that lesson to show. */
  step?: number | undefined;
  banner?: StartupBanner | undefined;
  /** Remove a share link from the address bar once the scenario no longer matches it. */
  clearLinkFromAddress?: () => void;
  /** Saved work's code (with the editing code), for saving an opened link as the work. */
  savedWork?: Editing['savedWork'] | undefined;
  autosaveDelayMs?: number;
  load?: SessionOptions['load'];
}

export interface AppOptions extends Omit<BuildOptions, 'source' | 'lesson' | 'step' | 'banner'> {
  /** `location.hash`: a share link there opens its scenario (and lesson). */
  hash: string;
  locale: Locale;
  /** The share link in `hash`, already decoded by the loading worker. */
  link?: DecodedShareLink | undefined;
  /** The scenario of a first visit (default: the example). */
  defaultScenario?: () => Scenario;
}

/**
 * The editor over `scenario` (elements without a place get one from the layout), and the packets
 * traced over the editor's current scenario. One kube-proxy session (ClientIP affinity `recent`
 * lists, IPVS scheduler positions) lasts as long as the app, as on a real node.
 */
export function createStores(scenario: Scenario, lesson?: LessonUndo): Stores {
  const editor = createEditorStore(scenario, { place: placeMissing, ...(lesson ? { lesson } : {}) });
  // The session is created with the tracer, which is loaded on the first send (store/tracer.ts).
  const packets = createPacketStore(
    () => editor.getState().scenario,
    () => ({}),
    true,
  );
  return { editor, packets };
}

/** Save a good link's scenario as the work (unless storage holds it already); whether storage now holds what the editor opened. */
function saveOpenedLink(
  code: Editing['savedWork'],
  scenario: Scenario,
  lesson: string | undefined,
  editor: EditorStore,
  storage: StorageLike,
  locale: Locale,
): boolean {
  const { loadSavedWork, saveWork } = code;
  const saved = loadSavedWork(storage);
  if (saved.ok && saved.from === 'current' && saved.work.lesson === lesson && jsonEqual(saved.work.scenario, scenario)) return true;
  const result = saveWork(storage, editor.getState().scenario, { origin: 'link', ...(lesson !== undefined ? { lesson } : {}) });
  if (result.ok && result.backedUp) editor.getState().notifyMessage('notice.openedFromLink', undefined, { text: translate(locale, 'notice.openedFromLink') });
  if (!result.ok)
    editor.getState().notifyMessage(`saveError.${result.reason}`, undefined, { tone: 'error', text: translate(locale, `saveError.${result.reason}`) });
  return result.ok;
}

function startupBanner(choice: StartChoice): StartupBanner | undefined {
  if (!choice.linkError && !choice.savedWorkWarning) return undefined;
  return {
    opened: choice.source,
    ...(choice.linkError ? { linkError: choice.linkError.code } : {}),
    ...(choice.linkError?.errors?.length ? { linkErrors: choice.linkError.errors } : {}),
    ...(choice.savedWorkWarning ? { savedWork: choice.source === 'backup' ? ('damaged' as const) : ('unreadable' as const) } : {}),
  };
}

/**
 * Every store over a scenario already chosen: the session's state, the editor (whose undo steps hold
 * the open lesson with the scenario), the packets, and the session's actions. Synchronous: createApp
 * calls it once it knows what to open; tests call it directly.
 */
export function buildApp(scenario: Scenario, opts: BuildOptions): App {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const source = opts.source ?? 'default';
  const state = createSessionStore({ lesson: opts.lesson, step: opts.step, banner: opts.banner, locale });
  const { editor, packets } = createStores(scenario, lessonUndo(state));
  const lesson = state.getState().lesson;
  const openedFromStorage =
    source === 'link'
      ? opts.storage !== undefined && opts.savedWork !== undefined && saveOpenedLink(opts.savedWork, scenario, lesson, editor, opts.storage, locale)
      : source === 'saved' || source === 'backup';
  const session = createSession({
    editor,
    state,
    storage: opts.storage,
    openedFromStorage,
    ...(opts.clearLinkFromAddress ? { clearLinkFromAddress: opts.clearLinkFromAddress } : {}),
    ...(opts.autosaveDelayMs !== undefined ? { autosaveDelayMs: opts.autosaveDelayMs } : {}),
    ...(opts.load ? { load: opts.load } : {}),
  });
  // Packets traced over the scenario a replacement took away (a lesson, New, Import, Restore) are gone with it.
  const offReplaced = session.onReplaced(() => packets.getState().clear());
  return {
    editor,
    packets,
    session,
    source,
    dispose() {
      offReplaced();
      session.dispose();
    },
  };
}

export async function createApp(opts: AppOptions): Promise<App> {
  // Saved work and links are read through the schema: wait for the editing code when there is either.
  // A first visit opens the example, already parsed, and the code arrives while the reader looks at it.
  const saved = opts.storage !== undefined && hasSavedWork(opts.storage);
  const code = saved || hasShareLink(opts.hash) ? await loadEditing().catch(() => undefined) : undefined;
  // A link not decoded yet is decoded here; its code (zlib, the schema check) is fetched only then.
  const decode =
    opts.link === undefined && hasShareLink(opts.hash)
      ? await import('../io/share-link').then(
          (m) => m.decodeShareLink,
          () => undefined,
        )
      : undefined;
  const choice = chooseStartScenario({
    hash: opts.hash,
    storage: opts.storage,
    defaultScenario: opts.defaultScenario ?? defaultScenario,
    isLesson: isLessonId,
    link: opts.link,
    decode,
    readSaved: code?.savedWork.loadSavedWork,
  });
  // Saved work whose code could not be fetched is left exactly as it is: nothing is saved this visit, and the banner says why.
  const keepSaved = saved && !code;
  const { hash: _hash, link: _link, defaultScenario: _default, ...rest } = opts;
  // Opening on a lesson: its steps and packets are fetched first, so the lesson panel has them at once
  // (if the fetch fails the panel fetches again when it shows).
  if (choice.lesson !== undefined) await loadLessons().catch(() => undefined);
  return buildApp(choice.scenario, {
    ...rest,
    ...(keepSaved ? { storage: undefined } : {}),
    savedWork: code?.savedWork,
    source: choice.source,
    lesson: choice.lesson,
    step: choice.step,
    banner: keepSaved ? { opened: choice.source, savedWork: 'notFetched' } : startupBanner(choice),
  });
}
