/**
 * The hop list as a story: the steps of a packet grouped by phase (DNS query, DNS answer, request,
 * ...), and inside a phase by the element they happen on, in order ("node-1: veth → cni0 → DNAT →
 * route"). Pure data for the hop inspector.
 */
import type { PacketRun, Phase, PlaybackStep } from '../../store/playback';
import type { MessageKey, Translator } from '../../i18n/index';
import type { Hop } from '../../sim/index';
import '../../i18n/parts/hops';

export interface HopGroup {
  /** Element id where these hops happen. */
  at: string;
  /** Indices into the run's steps. */
  steps: number[];
}

export interface PhaseGroups {
  phase: Phase;
  groups: HopGroup[];
}

export function groupSteps(steps: readonly PlaybackStep[]): PhaseGroups[] {
  const out: PhaseGroups[] = [];
  steps.forEach((st, i) => {
    let ph = out[out.length - 1];
    if (!ph || ph.phase !== st.phase) {
      ph = { phase: st.phase, groups: [] };
      out.push(ph);
    }
    const g = ph.groups[ph.groups.length - 1];
    // A hop that crossed a link starts a new group even on the same element (a packet that comes back).
    if (g && g.at === st.hop.at && !st.hop.link) g.steps.push(i);
    else ph.groups.push({ at: st.hop.at, steps: [i] });
  });
  return out;
}

/**
 * "veth → cni0 → DNAT → route": what happened on the element, in order (the interface for moves,
 * the action otherwise), in the reader's language (`t`); interface names stay as the kernel names them.
 */
export function groupSummary(run: Pick<PacketRun, 'steps'>, g: HopGroup, t: Translator): string {
  const words: string[] = [];
  for (const i of g.steps) {
    const h = run.steps[i]!.hop;
    const tunnel = h.iface === 'tunl0' ? 'IPIP' : 'VXLAN';
    const w =
      h.action === 'veth' || h.action === 'bridge'
        ? h.iface?.startsWith('veth')
          ? 'veth'
          : (h.iface ?? t(SUMMARY_KEY[h.action]))
        : h.action === 'encapsulate' || h.action === 'decapsulate'
          ? t(`hops.summary.${h.action}`, { tunnel })
          : t(SUMMARY_KEY[h.action]);
    if (words[words.length - 1] !== w) words.push(w);
  }
  return words.join(' → ');
}

const SUMMARY_KEY: Record<Hop['action'], MessageKey> = {
  encapsulate: 'hop.action.encapsulate',
  decapsulate: 'hop.action.decapsulate',
  send: 'hop.action.send',
  veth: 'hop.action.veth',
  bridge: 'hop.action.bridge',
  route: 'hop.action.route',
  arp: 'hop.action.arp',
  switch: 'hop.action.switch',
  dnat: 'hop.action.dnat',
  snat: 'hop.action.snat',
  unnat: 'hop.action.unnat',
  loopback: 'hop.action.loopback',
  deliver: 'hop.action.deliver',
  drop: 'hops.summary.drop',
  dns: 'hop.action.dns',
  l7: 'hops.summary.l7',
  lb: 'hops.summary.lb',
  policy: 'hop.action.policy',
};
