/**
 * What answers at a destination: a pod's containers (all in the pause container's network
 * namespace), a node's host daemons, an outside host's servers. ICMP echo is answered by every host.
 */
import type { ClientHost, Node, Pod } from '../model/schema';
import { deliver, drop, type TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import { cidrContainsInt, ipToInt } from '../net/cidr';
import { msg } from '../messages/index';

/** Host daemons listening on every node's addresses. */
export const NODE_LISTENERS: { port: number; protocol: 'TCP' | 'UDP'; process: string }[] = [
  { port: 22, protocol: 'TCP', process: 'sshd' },
  { port: 10250, protocol: 'TCP', process: 'kubelet' },
  { port: 10256, protocol: 'TCP', process: 'kube-proxy (healthz)' },
];

function l4(pkt: PacketHeaders): 'TCP' | 'UDP' {
  return pkt.proto === 'udp' ? 'UDP' : 'TCP';
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
      ? msg('why.reply-not-masqueraded', {
          translator: translator!,
          to: `${dnat.translated.dst}${dnat.translated.dport === undefined ? '' : `:${dnat.translated.dport}`}`,
          src: dnat.orig.src,
          podCidr: cidrContainsInt(ctx.topo.podCidr, ipToInt(dnat.orig.src)),
        })
      : msg('why.reply-other-path');
    drop(ctx, 'reply-mismatch', at, kind, pkt, msg('drop.reply-mismatch', { name, came, wanted, tcp: pkt.proto === 'tcp', why }), iface);
  }
  deliver(ctx, at, kind, pkt, iface, msg('deliver.reply', { name, socket: `${pkt.dst}${pkt.dport === undefined ? '' : `:${pkt.dport}`}` }));
}

export function deliverToPod(ctx: TraceCtx, pod: Pod, pkt: PacketHeaders, iface = 'eth0'): never {
  deliverReply(ctx, pod.id, 'pod', pod.name, pkt, iface);
  if (pkt.proto === 'icmp') {
    deliver(ctx, pod.id, 'pod', pkt, iface, msg('deliver.pod-icmp', { pod: pod.name, ip: pod.ip }));
  }
  for (const c of pod.containers) {
    const port = c.ports.find((p) => p.containerPort === pkt.dport && p.protocol === l4(pkt));
    if (port) {
      deliver(
        ctx,
        pod.id,
        'pod',
        pkt,
        iface,
        msg('deliver.pod-listener', {
          container: c.name,
          pod: pod.name,
          proto: pkt.proto.toUpperCase(),
          port: pkt.dport ?? 0,
          ...(port.name ? { portName: port.name } : {}),
        }),
        [{ kind: 'listener', rule: `${l4(pkt)} *:${pkt.dport} ${c.name}` }],
      );
    }
  }
  drop(
    ctx,
    'port-closed',
    pod.id,
    'pod',
    pkt,
    msg('drop.pod-port-closed', { pod: pod.name, proto: pkt.proto.toUpperCase(), port: pkt.dport ?? 0, tcp: pkt.proto === 'tcp' }),
    iface,
  );
}

export function deliverToNode(ctx: TraceCtx, node: Node, pkt: PacketHeaders, iface: string): never {
  deliverReply(ctx, node.id, 'node', node.name, pkt, iface);
  if (pkt.proto === 'icmp') deliver(ctx, node.id, 'node', pkt, iface, msg('deliver.node-icmp', { node: node.name, dst: pkt.dst }));
  const l = NODE_LISTENERS.find((x) => x.port === pkt.dport && x.protocol === l4(pkt));
  if (l)
    deliver(
      ctx,
      node.id,
      'node',
      pkt,
      iface,
      msg('deliver.node-listener', { node: node.name, dst: pkt.dst, process: l.process, proto: l.protocol, port: l.port }),
      [{ kind: 'listener', rule: `${l.protocol} *:${l.port} ${l.process}` }],
    );
  drop(
    ctx,
    'port-closed',
    node.id,
    'node',
    pkt,
    msg('drop.node-port-closed', { node: node.name, dst: pkt.dst, proto: pkt.proto.toUpperCase(), port: pkt.dport ?? 0, tcp: pkt.proto === 'tcp' }),
    iface,
  );
}

export function deliverToClient(ctx: TraceCtx, client: ClientHost, pkt: PacketHeaders): never {
  deliverReply(ctx, client.id, 'client', client.name, pkt, 'eth0');
  if (pkt.proto === 'icmp') deliver(ctx, client.id, 'client', pkt, 'eth0', msg('deliver.client-icmp', { client: client.name, ip: client.ip }));
  const open = client.ports.find((p) => p.port === pkt.dport && p.protocol === l4(pkt));
  if (open)
    deliver(ctx, client.id, 'client', pkt, 'eth0', msg('deliver.client-listener', { client: client.name, proto: open.protocol, port: open.port }), [
      { kind: 'listener', rule: `${open.protocol} *:${open.port}` },
    ]);
  drop(
    ctx,
    'port-closed',
    client.id,
    'client',
    pkt,
    msg('drop.client-port-closed', { client: client.name, proto: pkt.proto.toUpperCase(), port: pkt.dport ?? 0, tcp: pkt.proto === 'tcp' }),
    'eth0',
  );
}
