/**
 * kube-proxy's DNAT in iptables mode, at nat PREROUTING (a packet arriving) or OUTPUT (the node's
 * own): the walk through KUBE-SERVICES to a KUBE-SEP-* chain, and the hop that says which address of
 * which Service was hit and how the endpoint was chosen (affinity, probability, last rule).
 */
import type { Node } from '../model/schema';
import type { StackEntry, TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import type { Rule } from './iptables';
import { walk, type WalkResult } from './iptables-walk';
import { lazyProxyRules } from './kubeproxy-lazy';
import { msg, type Message } from '../messages/index';
import { natMatches, probe } from './service-nat-probe';
import { dnatHop, markReason } from './service-nat-hop';

function describeChoice(chainRules: (chain: string) => Rule[] | undefined, trail: Rule[], sep: string, src: string): Message | undefined {
  const jumper = trail.find((r) => r.target.j === 'jump' && r.target.chain === sep);
  if (!jumper) return undefined;
  const recent = jumper.matches.find((m) => m.m === 'recent');
  if (recent && recent.m === 'recent')
    return msg('choice.affinity', { sep, src, ...(recent.seconds !== undefined ? { seconds: recent.seconds } : {}), chain: jumper.chain });
  const lb = (chainRules(jumper.chain) ?? []).filter(
    (r) => r.target.j === 'jump' && r.target.chain.startsWith('KUBE-SEP-') && !r.matches.some((m) => m.m === 'recent'),
  );
  const k = lb.indexOf(jumper) + 1;
  if (lb.length === 1) return msg('choice.single', { chain: jumper.chain });
  const stat = jumper.matches.find((m) => m.m === 'statistic');
  return msg(stat ? 'choice.probability' : 'choice.last-rule', { chain: jumper.chain, k, n: lb.length });
}

/** What a Service address is to the one who sent to it: its ClusterIP, a load balancer IP, or a node address. */
function addressRole(t: TraceCtx['topo'], svc: { id: string; clusterIP?: string | undefined }, dst: string, port: number, service: string): Message {
  if (dst === svc.clusterIP) return msg('target.cluster-ip', { dst, port, service });
  if (t.scenario.loadBalancers.some((lb) => lb.service === svc.id && lb.ip === dst)) return msg('target.lb-ip', { dst, port, service });
  if (t.nodeByIp.has(dst)) return msg('target.node-address', { dst, port, service, node: t.nodeByIp.get(dst)!.name });
  return msg('target.address', { dst, port, service });
}

export function iptablesPrerouting(ctx: TraceCtx, node: Node, pkt: PacketHeaders, entry: StackEntry): PacketHeaders {
  const t = ctx.topo;
  const rules = lazyProxyRules(t, node);
  const hook = entry.local ? 'OUTPUT' : 'PREROUTING';
  const res: WalkResult = walk(rules.nat, hook, probe(ctx, node, pkt));
  ctx.masqMark = res.mark;
  if (res.verdict !== 'DNAT' || !res.final || !res.dnat) return pkt;
  const sep = res.final.chain;
  const found = rules.sepOwner(sep);
  const nodePort = res.trail.some((r) => r.chain === 'KUBE-NODEPORTS');
  const dport = pkt.dport ?? 0;
  const target = found
    ? nodePort
      ? msg('target.node-port', { dst: pkt.dst, port: dport, service: found.port.name })
      : addressRole(t, found.port.svc, pkt.dst, dport, found.port.name)
    : msg('target.address', { dst: pkt.dst, port: dport });
  const choice = describeChoice((c) => rules.chainRules('nat', c), res.trail, sep, pkt.src);
  const mark = res.mark ? markReason(t, res.trail) : undefined;
  const explain = msg('hop.iptables-dnat', {
    node: node.name,
    hook,
    nodePorts: nodePort,
    target,
    ...(choice ? { choice } : {}),
    sep,
    to: res.dnat,
    ...(found?.ep.pod ? { pod: found.ep.pod.name, podNode: t.nodes.get(found.ep.node)?.name ?? found.ep.node } : {}),
    slice: found !== undefined && !found.ep.pod,
    ...(mark ? { mark } : {}),
  });
  return dnatHop(ctx, node, pkt, entry.local ? undefined : entry.inIface, res.dnat, res.final.text, natMatches(res.trail), explain);
}
