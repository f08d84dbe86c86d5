/** The editor store's shape: its state, actions, the requests to add an element, and notices. */
import type { StoreApi } from 'zustand/vanilla';
import type { Message } from '../sim/messages/index';
import type { ClusterSettings, EditResult, ElementPatch, Position, Problem, Scenario } from '../sim/index';
import type { MessageKey, MessageParams } from '../i18n/index';
import type { PacketOutcome } from './lessonOutcome';

export type AddRequest =
  | { kind: 'subnet'; position?: Position | undefined }
  | { kind: 'router'; subnets: string[]; position?: Position | undefined }
  | { kind: 'node'; subnet: string; position?: Position | undefined }
  | { kind: 'pod'; node: string }
  | { kind: 'client'; subnet: string; position?: Position | undefined }
  | { kind: 'service'; position?: Position | undefined; selector?: Record<string, string> | undefined }
  | { kind: 'loadBalancer'; service: string; subnet: string; position?: Position | undefined }
  | { kind: 'ingress'; position?: Position | undefined; service?: string | undefined }
  | { kind: 'ingressController'; node?: string | undefined; subnet?: string | undefined; position?: Position | undefined };

/** What a notice's button does. */
export type NoticeAction = 'undo' | 'addClusterDns' | 'addIngressController';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  /** Interface text already in the reader's language, or a simulator message rendered when shown. */
  text: string | Message;
  /** An interface message to show instead of `text`, rendered in the current language. */
  message?: { key: MessageKey; params?: MessageParams };
  action?: NoticeAction;
}

/** How many edits undo remembers. */
export const HISTORY_LIMIT = 200;

/** The lesson open with a scenario, as an undo step holds it: its id (none when no lesson is open) and its packets' outcomes so far. */
export interface LessonSnapshot {
  id?: string | undefined;
  outcomes: Readonly<Record<string, PacketOutcome>>;
}

/**
 * One step of the undo history: the scenario and the lesson that was open with it, so undo after
 * opening a lesson (or after a lesson packet's change) brings both back at once.
 */
export interface UndoStep {
  scenario: Scenario;
  lesson: LessonSnapshot;
}

/** Where the open lesson lives (the session's state): read for each undo step, written back by undo and redo. */
export interface LessonUndo {
  current(): LessonSnapshot;
  restore(lesson: LessonSnapshot): void;
}

export interface EditorState {
  scenario: Scenario;
  /** `validateScenario` of the scenario; null until the editing code is here (src/store/editing.ts). */
  problems: Problem[] | null;
  selection: string[];
  /** Undo steps, oldest first: each holds the scenario and lesson before an edit. */
  past: UndoStep[];
  /** Redo steps, next first. */
  future: UndoStep[];
  notice: Notice | null;
  /**
   * Edits the inspector refused and still shows beside their field (by field instance): the problems
   * list counts them, so it never says "none" while a field shows an error.
   */
  fieldErrors: Record<string, FieldError>;

  add(req: AddRequest): EditResult;
  movePod(podId: string, nodeId: string): EditResult;
  moveHost(id: string, subnetId: string, position?: Position): EditResult;
  editElement(id: string, patch: ElementPatch): EditResult;
  editCluster(patch: Partial<ClusterSettings>): EditResult;
  editInfo(patch: { name?: string; description?: string }): EditResult;
  /** Add or replace a NetworkPolicy (by id); one undo step. */
  putPolicy(policy: unknown): EditResult;
  deletePolicy(id: string): EditResult;
  setNamespaceLabels(name: string, labels: Record<string, string>): EditResult;
  /** Run a pure edit on the current scenario and commit it as one undo step (a lesson's change). */
  applyEdit(edit: (s: Scenario) => EditResult): EditResult;
  addRouterInterface(routerId: string, subnetId: string): EditResult;
  /** Install CoreDNS (the kube-dns Service and its pods) where it is missing: one undo step. */
  addClusterDns(): EditResult;
  removeRouterInterface(routerId: string, subnetId: string): EditResult;
  deleteElements(ids: string[]): string[];
  deleteSelection(): string[];
  /** Commit positions as one history entry (the end of a drag, an arrow-key move). */
  setPositions(positions: Record<string, Position>): void;
  /** Replace every position (auto-layout) as one history entry. */
  replaceLayout(layout: Record<string, Position>): void;
  select(ids: string[]): void;
  undo(): void;
  redo(): void;
  /** Open another scenario (a lesson, an import) as one undoable step; with `lesson`, the lesson open with it changes in the same step. */
  load(scenario: Scenario, lesson?: LessonSnapshot): void;
  notify(text: string | Message, tone?: Notice['tone']): void;
  /** A notice in the interface language, optionally with a button. */
  /** `opts.text`: the sentence as written now, kept as `text` (the bar renders `message` in the language shown, even after a switch). */
  notifyMessage(key: MessageKey, params?: MessageParams, opts?: { tone?: Notice['tone']; action?: NoticeAction; text?: string }): void;
  /** Run a notice's button. */
  runNoticeAction(action: NoticeAction): void;
  dismissNotice(): void;
  setFieldError(key: string, error: FieldError | undefined): void;
}

export interface FieldError {
  /** The field's label as the inspector shows it. */
  field: string;
  message: string | Message;
}

export interface EditorStoreOptions {
  /**
   * Positions for elements that have none (new elements added without a drop point). The store
   * stays free of canvas geometry: the UI passes its layout function in.
   */
  place?: (s: Scenario) => Record<string, Position>;
  /** The open lesson, kept in the same undo steps as the scenario (the session's; none on the stress page). */
  lesson?: LessonUndo;
}

export type EditorStore = StoreApi<EditorState>;
