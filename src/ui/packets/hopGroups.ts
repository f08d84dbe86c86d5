/**
 * The hop list as a story: the steps of a packet grouped by phase (DNS query, DNS answer, request,
 * ...), and inside a phase by the element they happen on, in order ("node-1: veth → cni0 → DNAT →
 * route"). Pure data for the hop inspector.
 */
import type { PacketRun, Phase, PlaybackStep } from '../../store/playback';

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

/** "veth → cni0 → DNAT → route": what happened on the element, in order (interface for moves, the action otherwise). */
export function groupSummary(run: Pick<PacketRun, 'steps'>, g: HopGroup): string {
  const words: string[] = [];
  for (const i of g.steps) {
    const h = run.steps[i]!.hop;
    const tunnel = h.iface === 'tunl0' ? 'IPIP' : 'VXLAN';
    const w =
      h.action === 'veth' || h.action === 'bridge'
        ? h.iface?.startsWith('veth')
          ? 'veth'
          : (h.iface ?? h.action)
        : h.action === 'encapsulate' || h.action === 'decapsulate'
          ? `${tunnel} ${h.action === 'encapsulate' ? 'encap' : 'decap'}`
          : (ACTION_WORD[h.action] ?? h.action);
    if (words[words.length - 1] !== w) words.push(w);
  }
  return words.join(' → ');
}

const ACTION_WORD: Record<string, string> = {
  send: 'send',
  route: 'route',
  arp: 'ARP',
  switch: 'switch',
  encapsulate: 'VXLAN encap',
  decapsulate: 'VXLAN decap',
  dnat: 'DNAT',
  snat: 'SNAT',
  unnat: 'un-NAT',
  loopback: 'loopback',
  deliver: 'deliver',
  drop: 'DROP',
  dns: 'DNS',
  l7: 'HTTP proxy',
  lb: 'LB',
  policy: 'policy',
};
