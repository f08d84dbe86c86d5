/**
 * The editor's state: a vanilla zustand store (React reads it with `useStore(store, selector)`).
 * Slices:
 * - scenario: the materialized scenario; every change goes through a pure `sim` edit operation,
 *   which allocates addresses and refuses edits that would make the scenario invalid;
 * - problems: `validateScenario` of the scenario, recomputed when anything but positions changes
 *   (null until the editing code is here: src/store/editing.ts);
 * - selection: element ids, in its own field so selecting never rebuilds the scenario;
 * - history: undo/redo over every edit (a drag is one entry, however many frames it lasted: React
 *   Flow owns the positions while the gesture lasts and the canvas commits them once, on drop). One
 *   stack: each step holds the scenario and the lesson open with it (`options.lesson`, the session's),
 *   so undo across opening a lesson or a lesson packet's change restores both in one step.
 */
import { createStore } from 'zustand/vanilla';
import { type Scenario, type Problem, type EditResult, ingressControllerServices, setPositions, ELEMENT_COLLECTIONS } from '../sim/index';
import { editing, editingIfLoaded, whenEditingLoaded } from './editing';
import { HISTORY_LIMIT, type EditorState, type EditorStore, type EditorStoreOptions, type LessonSnapshot, type UndoStep } from './editorTypes';

export type {
  AddRequest,
  EditorState,
  EditorStore,
  EditorStoreOptions,
  FieldError,
  LessonSnapshot,
  LessonUndo,
  Notice,
  NoticeAction,
  UndoStep,
} from './editorTypes';
export { HISTORY_LIMIT } from './editorTypes';

/** True when only positions, name or description differ: validation results cannot change. */
function sameNetwork(a: Scenario, b: Scenario): boolean {
  return (
    a.cluster === b.cluster &&
    a.subnets === b.subnets &&
    a.routers === b.routers &&
    a.nodes === b.nodes &&
    a.pods === b.pods &&
    a.clients === b.clients &&
    a.services === b.services &&
    a.loadBalancers === b.loadBalancers &&
    a.ingresses === b.ingresses
  );
}

function existing(s: Scenario, ids: string[]): string[] {
  if (ids.length === 0) return ids;
  const all = new Set<string>();
  for (const c of ELEMENT_COLLECTIONS) for (const e of s[c] as { id: string }[]) all.add(e.id);
  const kept = ids.filter((id) => all.has(id));
  return kept.length === ids.length ? ids : kept;
}

/** Without a session (the stress page) no lesson is ever open. */
const NO_LESSON = { current: (): LessonSnapshot => ({ outcomes: {} }), restore: () => {} };

export function createEditorStore(initial: Scenario, options: EditorStoreOptions = {}): EditorStore {
  const place = options.place ?? (() => ({}));
  const withPlaces = (s: Scenario): Scenario => {
    const missing = place(s);
    return Object.keys(missing).length ? setPositions(s, missing) : s;
  };
  let noticeId = 0;
  const lesson = options.lesson ?? NO_LESSON;
  const step = (scenario: Scenario): UndoStep => ({ scenario, lesson: lesson.current() });

  /** The scenario's problems, or null while the validator is not here yet (they are filled in when it arrives). */
  const validate = (s: Scenario): Problem[] | null => editingIfLoaded()?.validateScenario(s) ?? null;

  const store = createStore<EditorState>()((set, get) => {
    /** Make `next` the current scenario (and `nextLesson` the open lesson), remembering the current ones for undo. */
    const commit = (next: Scenario, extra: Partial<EditorState> = {}, validated?: Problem[], nextLesson?: LessonSnapshot) => {
      const { scenario, past, problems } = get();
      if (next === scenario && !nextLesson) {
        if (Object.keys(extra).length) set(extra);
        return;
      }
      const placed = withPlaces(next);
      const before = step(scenario);
      if (nextLesson) lesson.restore(nextLesson);
      set({
        scenario: placed,
        // Placing new elements moves nothing the validator reads, so an edit's own problems still hold.
        problems: sameNetwork(scenario, placed) ? problems : (validated ?? validate(placed)),
        past: [...past.slice(-(HISTORY_LIMIT - 1)), before],
        future: [],
        ...extra,
      });
    };
    /** Apply an edit; on failure leave everything as it is and return the error for the caller to show. */
    const run = (result: EditResult, opts: { select?: boolean; notifyError?: boolean } = {}): EditResult => {
      if (!result.ok) {
        if (opts.notifyError) get().notify(result.error, 'error');
        return result;
      }
      commit(result.scenario, opts.select && result.id ? { selection: [result.id] } : {}, result.problems);
      return result;
    };
    /**
     * Go to an undo or redo step: its lesson, then its scenario. A notice about the step left behind
     * ("Opened lesson 2", "Deleted 4 elements") no longer describes what is on screen, so it goes.
     */
    const restore = ({ scenario, lesson: open }: UndoStep, past: UndoStep[], future: UndoStep[]) => {
      const { selection, problems, scenario: current } = get();
      lesson.restore(open);
      set({
        scenario,
        past,
        future,
        problems: sameNetwork(current, scenario) ? problems : validate(scenario),
        selection: existing(scenario, selection),
        notice: null,
      });
    };

    /** The current problems, which an edit uses to tell the problems it caused from those already there. */
    const known = (): { problems?: Problem[] } => {
      const problems = get().problems;
      return problems ? { problems } : {};
    };

    const start = withPlaces(initial);
    return {
      scenario: start,
      problems: validate(start),
      selection: [],
      past: [],
      future: [],
      notice: null,
      fieldErrors: {},

      add(req) {
        const s = get().scenario;
        const result = run(editing().applyAdd(s, req), { select: true, notifyError: true });
        if (!result.ok) return result;
        // Without an ingress controller an Ingress serves nothing: offer to add one.
        if (req.kind === 'ingress' && ingressControllerServices(s).length === 0)
          get().notifyMessage('notice.ingressNeedsController', {}, { action: 'addIngressController' });
        if (req.kind === 'loadBalancer') {
          // Dropping a load balancer on a Service changes its type: say so (undo takes both back).
          const before = s.services.find((x) => x.id === req.service);
          if (before && before.type !== 'LoadBalancer')
            get().notifyMessage('notice.serviceTypeChanged', { service: before.name, from: before.type }, { action: 'undo' });
        }
        return result;
      },
      movePod: (podId, nodeId) => run(editing().movePod(get().scenario, podId, nodeId), { notifyError: true }),
      moveHost: (id, subnetId, position) => run(editing().moveHost(get().scenario, id, subnetId, position), { notifyError: true }),
      editElement: (id, patch) => run(editing().editElement(get().scenario, id, patch, known())),
      editCluster: (patch) => run(editing().editCluster(get().scenario, patch, known())),
      editInfo: (patch) => run(editing().editScenarioInfo(get().scenario, patch)),
      putPolicy: (policy) => run(editing().putNetworkPolicy(get().scenario, policy)),
      deletePolicy: (id) => run(editing().deleteNetworkPolicy(get().scenario, id)),
      setNamespaceLabels: (name, labels) => run(editing().setNamespaceLabels(get().scenario, name, labels)),
      applyEdit: (edit) => run(edit(get().scenario)),
      addClusterDns: () => run(editing().addClusterDns(get().scenario), { select: true, notifyError: true }),
      addRouterInterface: (routerId, subnetId) => run(editing().addRouterInterface(get().scenario, routerId, subnetId)),
      removeRouterInterface: (routerId, subnetId) => run(editing().removeRouterInterface(get().scenario, routerId, subnetId)),
      deleteElements(ids) {
        const { scenario, selection } = get();
        const r = editing().deleteElements(scenario, ids);
        if (r.deleted.length === 0) return [];
        const gone = new Set(r.deleted);
        commit(r.scenario, { selection: selection.filter((id) => !gone.has(id)) });
        // A node takes its pods, a subnet its hosts: say how many went, with the way back.
        if (r.deleted.length > 1) get().notifyMessage('notice.deleted', { count: r.deleted.length }, { action: 'undo' });
        return r.deleted;
      },
      deleteSelection: () => get().deleteElements(get().selection),
      setPositions(positions) {
        commit(setPositions(get().scenario, positions));
      },
      replaceLayout(layout) {
        commit({ ...get().scenario, layout: { ...layout } });
      },
      select(ids) {
        const current = get().selection;
        if (current.length === ids.length && current.every((id, i) => id === ids[i])) return;
        set({ selection: ids });
      },
      undo() {
        const { past, future, scenario } = get();
        const prev = past[past.length - 1];
        if (!prev) return;
        restore(prev, past.slice(0, -1), [step(scenario), ...future]);
      },
      redo() {
        const { past, future, scenario } = get();
        const next = future[0];
        if (!next) return;
        restore(next, [...past, step(scenario)], future.slice(1));
      },
      load(scenario, open) {
        commit(scenario, { selection: [] }, undefined, open);
      },
      notify(text, tone = 'info') {
        set({ notice: { id: ++noticeId, tone, text } });
      },
      notifyMessage(key, params, opts = {}) {
        set({
          notice: {
            id: ++noticeId,
            tone: opts.tone ?? 'info',
            text: opts.text ?? key,
            message: { key, ...(params ? { params } : {}) },
            ...(opts.action ? { action: opts.action } : {}),
          },
        });
      },
      runNoticeAction(action) {
        set({ notice: null });
        if (action === 'undo') get().undo();
        else if (action === 'addClusterDns') get().addClusterDns();
        else {
          const s = get().scenario;
          const outside = s.clients[0]?.subnet ?? s.loadBalancers[0]?.subnet;
          get().add({ kind: 'ingressController', ...(outside ? { subnet: outside } : {}) });
        }
      },
      dismissNotice() {
        if (get().notice) set({ notice: null });
      },
      setFieldError(key, error) {
        const current = get().fieldErrors;
        const old = current[key];
        if (old === error || (old && error && old.field === error.field && old.message === error.message)) return;
        const next = { ...current };
        if (error) next[key] = error;
        else delete next[key];
        set({ fieldErrors: next });
      },
    };
  });

  // The validator arrives with the editing code: check the scenario then.
  if (store.getState().problems === null) {
    whenEditingLoaded((m) => {
      if (store.getState().problems === null) store.setState({ problems: m.validateScenario(store.getState().scenario) });
    });
  }
  return store;
}
