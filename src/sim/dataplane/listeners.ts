/**
 * What answers at a destination: a pod's containers (all in the pause container's network
 * namespace), a node's host daemons, an outside host's servers. ICMP echo is answered by every host.
 */
import type { ClientHost, Node, Pod } from '../model/schema';
import { deliver, drop, type TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import { cidrContainsInt, ipToInt } from '../net/cidr';

/** Host daemons listening on every node's addresses. */
export const NODE_LISTENERS: { port: number; protocol: 'TCP' | 'UDP'; process: string }[] = [
  { port: 22, protocol: 'TCP', process: 'sshd' },
  { port: 10250, protocol: 'TCP', process: 'kubelet' },
  { port: 10256, protocol: 'TCP', process: 'kube-proxy (healthz)' },
];

function l4(pkt: PacketHeaders): 'TCP' | 'UDP' {
  return pkt.proto === 'udp' ? 'UDP' : 'TCP';
}

function closed(pkt: PacketHeaders): string {
  return pkt.proto === 'tcp' ? 'the kernel answers TCP RST' : 'the kernel answers ICMP port unreachable';
}

/** A reply reaches the socket that opened the connection: no listener is needed. */
function deliverReply(ctx: TraceCtx, at: string, kind: 'pod' | 'node' | 'client', name: string, pkt: PacketHeaders, iface: string): void {
  if (!ctx.isReply) return;
  const want = ctx.expectReplyFrom;
  if (want && (pkt.src !== want.ip || (want.port !== undefined && pkt.sport !== want.port))) {
    const wanted = `${want.ip}${want.port === undefined ? '' : `:${want.port}`}`;
    const came = `${pkt.src}${pkt.sport === undefined ? '' : `:${pkt.sport}`}`;
    // The translation whose reverse this reply missed: a DNAT of the address the request went to.
    const dnat = ctx.conntrack.find((e) => e.type === 'dnat' && e.orig.dst === want.ip && e.orig.dport === want.port);
    const translator = dnat ? (ctx.topo.names.get(dnat.at) ?? dnat.at) : undefined;
    const why = dnat
      ? `${translator} DNATed the request to ${dnat.translated.dst}${dnat.translated.dport === undefined ? '' : `:${dnat.translated.dport}`} but did not masquerade it${cidrContainsInt(ctx.topo.podCidr, ipToInt(dnat.orig.src)) ? ` (the source ${dnat.orig.src} lies in the cluster pod CIDR, which kube-proxy takes for pod traffic)` : ''}, so the endpoint answered ${dnat.orig.src} directly and ${translator} never saw the reply to undo its DNAT.`
      : 'The node that translated the request never saw this reply to undo its NAT: the reply took another path back.';
    drop(
      ctx,
      'reply-mismatch',
      at,
      kind,
      pkt,
      `The reply reaches ${name} from ${came}, but ${name} sent the request to ${wanted}: no socket is connected to ${came}, so ${closed(pkt)} and the connection fails. ${why}`,
      iface,
    );
  }
  deliver(ctx, at, kind, pkt, iface, `The reply reaches ${name}; the socket that sent the request (${pkt.dst}${pkt.dport === undefined ? '' : `:${pkt.dport}`}) receives it.`);
}

export function deliverToPod(ctx: TraceCtx, pod: Pod, pkt: PacketHeaders, iface = 'eth0'): never {
  deliverReply(ctx, pod.id, 'pod', pod.name, pkt, iface);
  if (pkt.proto === 'icmp') {
    deliver(ctx, pod.id, 'pod', pkt, iface, `${pod.name} (${pod.ip}) receives the ICMP echo request in its network namespace, held by the pause container, and answers it.`);
  }
  for (const c of pod.containers) {
    const port = c.ports.find((p) => p.containerPort === pkt.dport && p.protocol === l4(pkt));
    if (port) {
      deliver(ctx, pod.id, 'pod', pkt, iface, `Container ${c.name} of ${pod.name} listens on ${pkt.proto.toUpperCase()} ${pkt.dport}${port.name ? ` (${port.name})` : ''}: the packet is delivered.`, [
        { kind: 'listener', rule: `${l4(pkt)} *:${pkt.dport} ${c.name}` },
      ]);
    }
  }
  drop(ctx, 'port-closed', pod.id, 'pod', pkt, `No container of ${pod.name} listens on ${pkt.proto.toUpperCase()} ${pkt.dport}, so ${closed(pkt)}.`, iface);
}

export function deliverToNode(ctx: TraceCtx, node: Node, pkt: PacketHeaders, iface: string): never {
  deliverReply(ctx, node.id, 'node', node.name, pkt, iface);
  if (pkt.proto === 'icmp') deliver(ctx, node.id, 'node', pkt, iface, `${node.name} owns ${pkt.dst} and answers the ICMP echo request.`);
  const l = NODE_LISTENERS.find((x) => x.port === pkt.dport && x.protocol === l4(pkt));
  if (l) deliver(ctx, node.id, 'node', pkt, iface, `${node.name} owns ${pkt.dst}; ${l.process} listens on ${l.protocol} ${l.port}.`, [{ kind: 'listener', rule: `${l.protocol} *:${l.port} ${l.process}` }]);
  drop(ctx, 'port-closed', node.id, 'node', pkt, `${node.name} owns ${pkt.dst} but nothing listens on ${pkt.proto.toUpperCase()} ${pkt.dport}, so ${closed(pkt)}.`, iface);
}

export function deliverToClient(ctx: TraceCtx, client: ClientHost, pkt: PacketHeaders): never {
  deliverReply(ctx, client.id, 'client', client.name, pkt, 'eth0');
  if (pkt.proto === 'icmp') deliver(ctx, client.id, 'client', pkt, 'eth0', `${client.name} (${client.ip}) receives the ICMP echo request and answers it.`);
  const open = client.ports.find((p) => p.port === pkt.dport && p.protocol === l4(pkt));
  if (open) deliver(ctx, client.id, 'client', pkt, 'eth0', `${client.name} listens on ${open.protocol} ${open.port}: the packet is delivered.`, [{ kind: 'listener', rule: `${open.protocol} *:${open.port}` }]);
  drop(ctx, 'port-closed', client.id, 'client', pkt, `${client.name} does not listen on ${pkt.proto.toUpperCase()} ${pkt.dport}, so ${closed(pkt)}.`, 'eth0');
}
