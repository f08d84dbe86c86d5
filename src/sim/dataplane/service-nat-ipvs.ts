/**
 * kube-proxy's DNAT in IPVS mode: a packet to an address on kube-ipvs0 is local, so it goes up to
 * INPUT, where IPVS takes it (LOCAL_IN; a node's own connection at LOCAL_OUT), picks a real server
 * with the virtual server's scheduler (or its persistence) and DNATs to it; no virtual server or no
 * real server drops the packet with the reason.
 */
import type { Node } from '../model/schema';
import { drop, deliver, pushHop, type StackEntry, type TraceCtx } from '../trace/context';
import type { HopMatch, PacketHeaders } from '../trace/types';
import { walk } from './iptables-walk';
import { ipvsAddresses, realServerText, schedule, IPVS_DEV } from './kubeproxy-ipvs';
import { ipvsNode } from './ipvs-lazy';
import { noEndpointsWhy } from './endpoints-why';
import { msg } from '../messages/index';
import { natMatches, probe, sessionOf } from './service-nat-probe';
import { dnatHop, markReason } from './service-nat-hop';

export function ipvsPrerouting(ctx: TraceCtx, node: Node, pkt: PacketHeaders, entry: StackEntry): PacketHeaders {
  const t = ctx.topo;
  const ipvs = ipvsNode(t, node);
  const hook = entry.local ? 'OUTPUT' : 'PREROUTING';
  const res = walk(ipvs.rules.nat, hook, probe(ctx, node, pkt, ipvs));
  ctx.masqMark = res.mark;
  const marks = natMatches(res.trail.filter((r) => r.chain !== hook && r.target.j !== 'ACCEPT'));
  const onDummy = ipvsAddresses(t).has(pkt.dst);
  const vs = pkt.proto === 'icmp' ? undefined : ipvs.server(pkt.proto, pkt.dst, pkt.dport);
  // kube-ipvs0 is a DOWN dummy that only holds the addresses: packets never cross it. The VIP is local,
  // so an arriving packet goes PREROUTING -> local route -> INPUT (KUBE-IPVS-FILTER lets virtual servers
  // through), its own hop, and then IPVS takes it at LOCAL_IN (ip_vs_remote_request4 in ip_vs_ops4,
  // net/netfilter/ipvs/ip_vs_core.c) on the interface it arrived on. A connection the node opens itself is
  // taken at LOCAL_OUT (ip_vs_local_request4). After the DNAT IPVS sends the packet on through LOCAL_OUT
  // and POSTROUTING (ip_vs_nat_xmit, ip_vs_xmit.c), where KUBE-POSTROUTING may masquerade it.
  const iface = entry.local ? undefined : entry.inIface;
  const localRoute: HopMatch = { kind: 'route', table: 'local', rule: `local ${pkt.dst} dev ${IPVS_DEV} proto kernel scope host src ${pkt.dst}` };
  const localIn: HopMatch[] = onDummy && entry.local ? [localRoute] : [];
  if (onDummy && !entry.local) {
    pushHop(ctx, {
      at: node.id,
      kind: 'node',
      ...(iface ? { iface } : {}),
      action: 'route',
      packet: pkt,
      match: [
        ...marks,
        localRoute,
        { kind: 'iptables', table: 'filter', chain: 'INPUT', rule: '-A INPUT -m comment --comment "kubernetes ipvs access filter" -j KUBE-IPVS-FILTER' },
      ],
      msg: msg('hop.ipvs-local-in', { node: node.name, dst: pkt.dst, dev: IPVS_DEV, virtual: vs !== undefined }),
    });
  }
  if (!vs) {
    if (!onDummy) return pkt;
    if (pkt.proto === 'icmp') {
      deliver(ctx, node.id, 'node', pkt, IPVS_DEV, msg('deliver.ipvs-icmp', { dst: pkt.dst, node: node.name, dev: IPVS_DEV }));
    }
    drop(
      ctx,
      'port-closed',
      node.id,
      'node',
      pkt,
      msg('drop.ipvs-no-virtual-server', { dst: pkt.dst, dev: IPVS_DEV, proto: pkt.proto.toUpperCase(), port: pkt.dport ?? 0 }),
      IPVS_DEV,
    );
  }
  const s = sessionOf(ctx);
  const pick = schedule(vs, node.id, pkt.src, s, ctx.rng);
  // The PREROUTING marks and the local route went with the LOCAL_IN hop above when there was one.
  const match: HopMatch[] = [...(onDummy && !entry.local ? [] : [...marks, ...localIn]), { kind: 'ipvs', rule: vs.text }];
  if (!pick) {
    const localOnly = vs.service.endpoints.length > 0;
    drop(
      ctx,
      localOnly ? 'no-local-endpoints' : 'no-endpoints',
      node.id,
      'node',
      pkt,
      localOnly
        ? msg('drop.ipvs-no-local-real-server', { vs: `${vs.ip}:${vs.port}`, node: node.name, service: vs.service.name })
        : msg('drop.ipvs-no-real-server', { vs: `${vs.ip}:${vs.port}`, service: vs.service.name, why: noEndpointsWhy(t, vs.service.svc, vs.service.port) }),
      iface,
      match,
    );
  }
  const rs = pick.server;
  match[match.length - 1] = { kind: 'ipvs', rule: `${vs.text}\n${realServerText(rs)}` };
  const choice = pick.persisted
    ? msg('choice.ipvs-persistence', { src: pkt.src, rs: rs.text, seconds: vs.persistent ?? 0 })
    : msg('choice.ipvs-scheduler', { scheduler: vs.scheduler, rs: rs.text, n: vs.realServers.length });
  const mark = res.mark ? (markReason(t, res.trail) ?? msg('mark.ipset')) : undefined;
  const explain = msg('hop.ipvs-dnat', {
    node: node.name,
    dst: `${pkt.dst}:${pkt.dport}`,
    vs: vs.text,
    nodePort: vs.kind === 'nodePort',
    service: vs.service.name,
    dev: IPVS_DEV,
    hook: entry.local ? 'LOCAL_OUT' : 'LOCAL_IN',
    dummy: onDummy,
    choice,
    ...(rs.pod ? { pod: rs.pod.name } : {}),
    ...(mark ? { mark } : {}),
  });
  return dnatHop(ctx, node, pkt, iface, rs.text, `${vs.text} -> ${rs.text}`, match, explain, true);
}
