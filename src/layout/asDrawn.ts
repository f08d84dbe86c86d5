/**
 * The scenario's layout as the canvas draws it when the kube-system pods are collapsed into one row
 * per node (src/ui/canvas/systemPods.ts holds the user's choice): a fresh layout at the collapsed
 * sizes, and kube-system Services moved clear of the user's own elements when they are shown.
 */
import { type Scenario, SYSTEM_NAMESPACE } from '../sim/index';
import { autoLayout, placeMissing } from './layout';
import { sceneBoxes, type Box } from './boxes';
import { withoutSystemPods } from './systemRow';

/**
 * A fresh layout for the canvas as it will be drawn: with system pods collapsed, the nodes are laid
 * out at their collapsed size (the Services row sits closer), and the kube-system Services get a
 * place beside the others for when they are shown.
 */
export function layoutAsDrawn(s: Scenario, collapsed: boolean): Scenario['layout'] {
  if (!collapsed) return autoLayout(s);
  const layout = autoLayout(withoutSystemPods(s));
  return { ...layout, ...placeMissing({ ...s, layout }) };
}

const clearCache = new WeakMap<Scenario, Scenario>();
/** Between a moved kube-system Service and the rightmost element. */
const SYSTEM_CARD_GAP = 48;

/**
 * The scenario as drawn with system pods shown: a kube-system Service whose stored place overlaps
 * the user's own elements (File → New places kube-dns before anything else exists, and the user may
 * build right over it while it is collapsed) is drawn to the right of everything instead, at the same
 * height. Dragging it stores the new place. The same object for the same scenario.
 */
export function withSystemServicesClear(s: Scenario): Scenario {
  const hit = clearCache.get(s);
  if (hit) return hit;
  const system = s.services.filter((x) => x.namespace === SYSTEM_NAMESPACE).map((x) => x.id);
  let out = s;
  if (system.length > 0) {
    const boxes = sceneBoxes(s, s.layout);
    const others = [...boxes].filter(([id]) => !system.includes(id)).map(([, b]) => b);
    const overlaps = (b: Box) => others.some((o) => o.x < b.x + b.w && b.x < o.x + o.w && o.y < b.y + b.h && b.y < o.y + o.h);
    let right = Math.max(0, ...others.map((o) => o.x + o.w));
    let layout: Scenario['layout'] | undefined;
    for (const id of system) {
      const b = boxes.get(id);
      if (!b || !overlaps(b)) continue;
      layout ??= { ...s.layout };
      layout[id] = { x: right + SYSTEM_CARD_GAP, y: b.y };
      right += SYSTEM_CARD_GAP + b.w;
    }
    if (layout) out = { ...s, layout };
  }
  clearCache.set(s, out);
  return out;
}
