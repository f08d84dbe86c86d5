/** The shape of a built-in lesson: a scenario, a few steps of text, and packets to send. */
import type { ClusterSettings, DropCode, Protocol, ScenarioInput, Service } from '../sim/index';

/** A NetworkPolicy as a lesson writes it (defaults may be left out). */
export type PolicyDoc = NonNullable<ScenarioInput['networkPolicies']>[number];
import type { LocalizedText } from '../i18n/locale';

/**
 * A change a suggested packet makes to the lesson's scenario before it is sent, so one lesson can
 * compare two settings (host-gw vs VXLAN, externalTrafficPolicy Cluster vs Local). The UI applies it
 * as an ordinary, undoable edit (`applyLessonChange`) and shows the sentence in `label`.
 */
export type LessonChange =
  | { kind: 'cluster'; set: Partial<Pick<ClusterSettings, 'cni' | 'flannelBackend' | 'directRouting' | 'calicoMode' | 'crossSubnet' | 'kubeProxyMode'>> }
  | {
      /** Put these policies (add, or replace by id) and remove those ids: one undoable edit. */
      kind: 'policies';
      put: readonly PolicyDoc[];
      remove?: readonly string[];
      /** The sentence the lesson panel shows for this change. */
      label: import('../i18n/locale').LocalizedText;
    }
  | {
      kind: 'service';
      /** Service id. */
      service: string;
      set: Partial<Pick<Service, 'externalTrafficPolicy' | 'internalTrafficPolicy' | 'sessionAffinity'>>;
    };

export interface SuggestedPacket {
  /** Stable within the lesson, e.g. `same-node`. */
  id: string;
  /** What the button says: "client → web:80". */
  label: LocalizedText;
  /** Source element id (a pod, node or outside client). */
  from: string;
  /** Destination as the tracer takes it: an element id, an IP, a DNS name, or an `http://host/path` URL. */
  to: string;
  port?: number;
  proto?: Protocol;
  /** Made to the scenario before sending. */
  change?: LessonChange;
  expect: 'delivered' | 'dropped';
  /** For `dropped`: the reason code the tracer gives. */
  expectCode?: DropCode;
  /**
   * For `delivered`: the element ids the request may finally reach (any one of them). Through an
   * ingress that is the backend pod the controller's own upstream connection reaches.
   */
  expectAt?: readonly string[];
  /**
   * For `delivered`: the HTTP status the ingress controller answers itself (404 from its default
   * backend, 503 for a backend without endpoints). The request is delivered: the connection succeeded.
   */
  expectHttp?: number;
}

/** What is known of a lesson before it is opened (src/lessons/catalog.ts): enough for the menu and the canvas. */
export type LessonInfo = Pick<Lesson, 'id' | 'number' | 'title' | 'scenarioName' | 'summary' | 'systemPods'>;

export interface Lesson {
  /** Stable id, used in share links (`l`) and saved work. */
  id: string;
  /** 1-based position in the lesson menu. */
  number: number;
  title: LocalizedText;
  /** The name its scenario carries (the scenario keeps `en`; the interface shows the reader's language). */
  scenarioName: LocalizedText;
  /** One sentence for the lesson menu. */
  summary: LocalizedText;
  /** A few short steps, read in order beside the canvas. */
  steps: readonly LocalizedText[];
  /** The scenario as a document (defaults and allocated addresses may be left out). */
  scenario: ScenarioInput;
  /**
   * `shown`: the canvas draws the kube-system pods (CoreDNS) when the lesson opens, because the
   * lesson is about them; other lessons open with them collapsed to one chip per node.
   */
  systemPods?: 'shown';
  /** The first is the one to send first; the others compare or extend it, in the order the steps mention them. */
  packets: readonly [SuggestedPacket, ...SuggestedPacket[]];
}
