/**
 * The editor's state: a vanilla zustand store (React reads it with `useStore(store, selector)`).
 * Slices:
 * - scenario: the materialized scenario; every change goes through a pure `sim` edit operation,
 *   which allocates addresses and refuses edits that would make the scenario invalid;
 * - problems: `validateScenario` of the scenario, recomputed when anything but positions changes;
 * - selection: element ids, in its own field so selecting never rebuilds the scenario;
 * - history: undo/redo over every edit (a drag is one entry, however many frames it lasted: React
 *   Flow owns the positions while the gesture lasts and the canvas commits them once, on drop).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Message } from '../sim/messages/index';
import {
  type ClusterSettings,
  type Scenario,
  validateScenario,
  type Problem,
  addClient,
  addIngress,
  addLoadBalancer,
  addNode,
  addPod,
  addRouter,
  addRouterInterface,
  addService,
  addSubnet,
  deleteElements,
  moveHost,
  movePod,
  removeRouterInterface,
  setPositions,
  type EditResult,
  type Position,
  type NetworkPolicy,
  editCluster,
  editElement,
  editScenarioInfo,
  type ElementPatch,
  deleteNetworkPolicy,
  putNetworkPolicy,
  setNamespaceLabels,
  addClusterDns,
  scheduleSystemPods,
  addIngressController,
  ingressControllerServices,
} from '../sim/index';
import type { MessageKey, MessageParams } from '../i18n/index';

export type AddRequest =
  | { kind: 'subnet'; position?: Position }
  | { kind: 'router'; subnets: string[]; position?: Position }
  | { kind: 'node'; subnet: string; position?: Position }
  | { kind: 'pod'; node: string }
  | { kind: 'client'; subnet: string; position?: Position }
  | { kind: 'service'; position?: Position; selector?: Record<string, string> }
  | { kind: 'loadBalancer'; service: string; subnet: string; position?: Position }
  | { kind: 'ingress'; position?: Position; service?: string }
  | { kind: 'ingressController'; node?: string; subnet?: string; position?: Position };

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

export interface EditorState {
  scenario: Scenario;
  problems: Problem[];
  selection: string[];
  past: Scenario[];
  future: Scenario[];
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
  /** Replace every NetworkPolicy at once (a lesson's policy change); one undo step. */
  setPolicies(policies: NetworkPolicy[]): EditResult;
  setNamespaceLabels(name: string, labels: Record<string, string>): EditResult;
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
  /** Open another scenario (a lesson, an import) as one undoable step. */
  load(scenario: Scenario): void;
  notify(text: string | Message, tone?: Notice['tone']): void;
  /** A notice in the interface language, optionally with a button. */
  notifyMessage(key: MessageKey, params?: MessageParams, opts?: { tone?: Notice['tone']; action?: NoticeAction }): void;
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
}

export type EditorStore = StoreApi<EditorState>;

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
  for (const list of [s.subnets, s.routers, s.nodes, s.pods, s.clients, s.services, s.loadBalancers, s.ingresses] as { id: string }[][]) {
    for (const e of list) all.add(e.id);
  }
  const kept = ids.filter((id) => all.has(id));
  return kept.length === ids.length ? ids : kept;
}

export function createEditorStore(initial: Scenario, options: EditorStoreOptions = {}): EditorStore {
  const place = options.place ?? (() => ({}));
  const withPlaces = (s: Scenario): Scenario => {
    const missing = place(s);
    return Object.keys(missing).length ? setPositions(s, missing) : s;
  };
  let noticeId = 0;

  return createStore<EditorState>()((set, get) => {
    /** Make `next` the current scenario, remembering the current one for undo. */
    const commit = (next: Scenario, extra: Partial<EditorState> = {}) => {
      const { scenario, past, problems } = get();
      if (next === scenario) {
        if (Object.keys(extra).length) set(extra);
        return;
      }
      const placed = withPlaces(next);
      set({
        scenario: placed,
        problems: sameNetwork(scenario, placed) ? problems : validateScenario(placed),
        past: [...past.slice(-(HISTORY_LIMIT - 1)), scenario],
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
      commit(result.scenario, opts.select && result.id ? { selection: [result.id] } : {});
      return result;
    };
    const restore = (scenario: Scenario, past: Scenario[], future: Scenario[]) => {
      const { selection, problems, scenario: current } = get();
      set({
        scenario,
        past,
        future,
        problems: sameNetwork(current, scenario) ? problems : validateScenario(scenario),
        selection: existing(scenario, selection),
      });
    };

    const start = withPlaces(initial);
    return {
      scenario: start,
      problems: validateScenario(start),
      selection: [],
      past: [],
      future: [],
      notice: null,
      fieldErrors: {},

      add(req) {
        const s = get().scenario;
        let r: EditResult;
        switch (req.kind) {
          case 'subnet':
            r = addSubnet(s, { position: req.position });
            break;
          case 'router':
            r = addRouter(s, { subnets: req.subnets, position: req.position });
            break;
          case 'node':
            r = addNode(s, { subnet: req.subnet, position: req.position });
            // The cluster's first node: CoreDNS's pending pods are scheduled on it.
            if (r.ok) r = { ...r, scenario: scheduleSystemPods(s, r.scenario) };
            break;
          case 'pod':
            r = addPod(s, { node: req.node });
            break;
          case 'client':
            r = addClient(s, { subnet: req.subnet, position: req.position });
            break;
          case 'service':
            r = addService(s, { position: req.position, selector: req.selector });
            break;
          case 'loadBalancer':
            r = addLoadBalancer(s, { service: req.service, subnet: req.subnet, position: req.position });
            break;
          case 'ingress': {
            r = addIngress(s, { position: req.position, service: req.service });
            // An Ingress is served by the cluster's ingress controller; without one, offer to add it.
            const controller = ingressControllerServices(s)[0];
            if (r.ok && controller && r.id) {
              const id = r.id;
              r = { ...r, scenario: { ...r.scenario, ingresses: r.scenario.ingresses.map((i) => (i.id === id ? { ...i, controllerService: controller.id, ingressClassName: 'nginx' } : i)) } };
            }
            const result = run(r, { select: true, notifyError: true });
            if (result.ok && !controller) get().notifyMessage('notice.ingressNeedsController', {}, { action: 'addIngressController' });
            return result;
          }
          case 'ingressController':
            r = addIngressController(s, { node: req.node, subnet: req.subnet, position: req.position });
            break;
        }
        const result = run(r, { select: true, notifyError: true });
        if (result.ok && req.kind === 'loadBalancer') {
          // Dropping a load balancer on a Service changes its type: say so (undo takes both back).
          const before = s.services.find((x) => x.id === req.service);
          if (before && before.type !== 'LoadBalancer') get().notifyMessage('notice.serviceTypeChanged', { service: before.name, from: before.type }, { action: 'undo' });
        }
        return result;
      },
      movePod: (podId, nodeId) => run(movePod(get().scenario, podId, nodeId), { notifyError: true }),
      moveHost: (id, subnetId, position) => run(moveHost(get().scenario, id, subnetId, position), { notifyError: true }),
      editElement: (id, patch) => run(editElement(get().scenario, id, patch, { problems: get().problems })),
      editCluster: (patch) => run(editCluster(get().scenario, patch, { problems: get().problems })),
      editInfo: (patch) => run(editScenarioInfo(get().scenario, patch)),
      putPolicy: (policy) => run(putNetworkPolicy(get().scenario, policy)),
      deletePolicy: (id) => run(deleteNetworkPolicy(get().scenario, id)),
      setPolicies: (networkPolicies) => run({ ok: true, scenario: { ...get().scenario, networkPolicies } }),
      setNamespaceLabels: (name, labels) => run(setNamespaceLabels(get().scenario, name, labels)),
      addClusterDns: () => run(addClusterDns(get().scenario), { select: true, notifyError: true }),
      addRouterInterface: (routerId, subnetId) => run(addRouterInterface(get().scenario, routerId, subnetId)),
      removeRouterInterface: (routerId, subnetId) => run(removeRouterInterface(get().scenario, routerId, subnetId)),
      deleteElements(ids) {
        const { scenario, selection } = get();
        const r = deleteElements(scenario, ids);
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
        restore(prev, past.slice(0, -1), [scenario, ...future]);
      },
      redo() {
        const { past, future, scenario } = get();
        const next = future[0];
        if (!next) return;
        restore(next, [...past, scenario], future.slice(1));
      },
      load(scenario) {
        commit(scenario, { selection: [] });
      },
      notify(text, tone = 'info') {
        set({ notice: { id: ++noticeId, tone, text } });
      },
      notifyMessage(key, params, opts = {}) {
        set({ notice: { id: ++noticeId, tone: opts.tone ?? 'info', text: key, message: { key, ...(params ? { params } : {}) }, ...(opts.action ? { action: opts.action } : {}) } });
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
}
