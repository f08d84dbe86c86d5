/** What the canvas derives from the pods alone: pods per node and their colours. */
import { type Pod, type Scenario } from '../../sim/index';
import { appColor } from './colors';

/** A pod of its own (its app label is its own name, as a new pod from the palette): a neutral colour, not an app's hue. */
export const LONE_POD_COLOR = '#64748b';

export function podColor(pod: Pod): string {
  const app = pod.labels.app ?? pod.labels.run;
  return app === undefined || app === pod.name ? LONE_POD_COLOR : appColor(app);
}

export interface PodsDerived {
  podsByNode: Map<string, Pod[]>;
  podColors: Map<string, string[]>;
  /** Per node: a key that changes when its pods or their colours do. */
  podKeys: Map<string, string>;
  podColorById: Map<string, string>;
}

/**
 * Computed once per scenario (a drag rebuilds the nodes on every frame with the same scenario).
 */
export function createPodsDerived() {
  let derivedFor: Scenario | undefined;
  let derivedData: PodsDerived;
  return function derived(s: Scenario): PodsDerived {
    if (derivedFor === s) return derivedData;
    const podsByNode = new Map<string, Pod[]>();
    const podColorById = new Map<string, string>();
    for (const p of s.pods) {
      podColorById.set(p.id, podColor(p));
      const list = podsByNode.get(p.node);
      if (list) list.push(p);
      else podsByNode.set(p.node, [p]);
    }
    const podColors = new Map<string, string[]>();
    const podKeys = new Map<string, string>();
    for (const [node, pods] of podsByNode) {
      const colors = pods.map((p) => podColorById.get(p.id)!);
      podColors.set(node, colors);
      podKeys.set(node, pods.map((x) => x.id).join(' ') + colors.join(' '));
    }
    derivedFor = s;
    derivedData = { podsByNode, podColors, podKeys, podColorById };
    return derivedData;
  };
}
