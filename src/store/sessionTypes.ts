/**
 * The session's shapes: what it shows (SessionState: lesson, banners, import errors, saves), what it
 * does (Session: the actions session.ts implements) and how it is made (SessionOptions).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { StoreApi as ZStoreApi } from 'zustand';
import type { FieldError, Scenario } from '../sim/index';
import type { EditorStore } from './editorStore';
import type { PacketSlice } from './packetStore';
import type { Locale, MessageKey, MessageParams } from '../i18n/index';
import type { SaveOrigin, StorageLike } from '../io/saved-work';
import type { ShareLinkErrorCode } from '../io/share-address';
import type { Autosaver } from './autosave';
import type { PacketOutcome } from './lessonOutcome';
import type { LoadOptions } from './loading/loader';

/** What the app opened with, when it is worth a message that stays until dismissed. */
export interface StartupBanner {
  /** The address held a share link that could not be opened. */
  linkError?: ShareLinkErrorCode;
  /** Field errors of an `invalid-scenario` / `newer-version` link. */
  linkErrors?: FieldError[];
  /** What opened instead. */
  opened: 'link' | 'saved' | 'backup' | 'default';
  /** The saved work was damaged: its backup (or the example) was opened; or its code could not be fetched (nothing is saved then). */
  savedWork?: 'damaged' | 'unreadable' | 'notFetched';
}

export interface ImportErrors {
  fileName: string;
  errors: FieldError[];
}

export interface SessionState {
  /** The open lesson's id. */
  lesson?: string | undefined;
  /** The lesson panel beside the canvas is expanded. */
  lessonPanelOpen: boolean;
  /** Index of the lesson step being read. */
  step: number;
  /** Outcomes of the open lesson's suggested packets, by packet id. */
  outcomes: Readonly<Record<string, PacketOutcome>>;
  banner?: StartupBanner | undefined;
  importErrors?: ImportErrors | undefined;
  /** Storage holds previous work that "Restore previous work" can bring back. */
  hasBackup: boolean;
  /** The last save failed (storage full or refused); cleared by the next good save. */
  saveError?: 'quota' | 'unavailable' | undefined;
  /** The interface language, for the messages actions post to the editor's notice bar. */
  locale: Locale;
}

export type ShareResult = { ok: true; hash: string; url: string } | { ok: false; code: ShareLinkErrorCode };

export type Replacement = 'lesson' | 'reset' | 'new' | 'import' | 'restore';

export interface Session {
  readonly editor: EditorStore;
  readonly state: StoreApi<SessionState>;
  readonly autosave: Autosaver;
  /** Fetches the lessons' content the first time; false for an unknown lesson or a failed fetch (said in a notice). */
  openLesson(id: string): Promise<boolean>;
  resetToLesson(): Promise<boolean>;
  /** Forget the open lesson (the scenario stays as it is). */
  closeLesson(): void;
  setLessonPanelOpen(open: boolean): void;
  setStep(step: number): void;
  newScenario(): void;
  importJson(text: string, fileName: string): boolean;
  /** Read a chosen file and import it; a file over the size limit is refused before it is read. */
  importFile(file: { name: string; size: number; text(): Promise<string> }): Promise<boolean>;
  exportJson(): { fileName: string; text: string };
  restorePrevious(): boolean;
  /** The share link of the scenario (and open lesson), as a hash and as a whole URL on `base`. */
  /** The link code (zlib) is fetched the first time a link is made. */
  shareLink(base: string): Promise<ShareResult>;
  /** Make a suggested packet's change, then send it with the packet store. */
  sendLessonPacket(packets: ZStoreApi<PacketSlice>, packetId: string): Promise<PacketOutcome | undefined>;
  dismissBanner(): void;
  /** The text of damaged saved work kept in storage (to download), if any. */
  damagedWork(): string | undefined;
  dismissImportErrors(): void;
  setLocale(locale: Locale): void;
  /** Called after each replacement of the scenario (the app clears packets and fits the view). */
  onReplaced(listener: (kind: Replacement) => void): () => void;
  dispose(): void;
}

export interface SessionOptions {
  /** The editor, built with `lessonUndo(state)` so its undo steps hold the open lesson (src/store/app.ts). */
  editor: EditorStore;
  /** The session's state (createSessionStore). */
  state: StoreApi<SessionState>;
  storage: StorageLike | undefined;
  /** The scenario the editor opened with is already what storage holds (saved work, or a link just saved). */
  openedFromStorage?: boolean;
  /** Remove a share link from the address bar once the scenario no longer matches it. */
  clearLinkFromAddress?: () => void;
  autosaveDelayMs?: number;
  /** How Import loads a file (tests: a time budget, a fake worker); default: the worker and LOAD_BUDGET_MS. */
  load?: Pick<LoadOptions, 'budgetMs' | 'worker'>;
}

/** What the session's actions share (sessionLessons.ts, sessionFiles.ts). */
export interface SessionCore {
  readonly editor: EditorStore;
  readonly state: StoreApi<SessionState>;
  readonly storage: StorageLike | undefined;
  readonly autosave: Autosaver;
  readonly load?: Pick<LoadOptions, 'budgetMs' | 'worker'>;
  t(key: MessageKey, params?: MessageParams): string;
  notify(key: MessageKey, params?: MessageParams, tone?: 'info' | 'error'): void;
  hasBackup(): boolean;
  /**
   * Replace the whole work with `scenario` and `lesson` (autosaved first: the work replaced becomes the
   * backup), as one undo step; whether a backup was kept.
   */
  replace(kind: Replacement, scenario: Scenario, origin: Exclude<SaveOrigin, 'edit'>, lesson: string | undefined): boolean;
  /** Tell the listeners (the app clears packets and fits the view). */
  replaced(kind: Replacement): void;
}
