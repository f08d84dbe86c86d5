/**
 * Inside a node, a router, an outside host or a pod: what each command prints there, generated from
 * the data the tracer walks. One front door for the CLI (`--node NAME --show TOOL`) and the app's
 * Inside view.
 */
import type { Scenario } from '../model/schema';
import { msg, type Message } from '../messages/index';
import { topology, type Topology } from '../model/topology';
import type { TraceResult } from '../trace/types';
import { clientRouteTable, nodeRouteTable, podRouteTable, routerRouteTable } from '../dataplane/routing';
import { clusterDnsIp, NDOTS, searchList } from '../dataplane/dns';
import { iptablesSaveAll } from './iptables-save';
import { ipvsadmList } from '../dataplane/kubeproxy-ipvs';
import { clientLinks, nodeLinks, podLinks, routerLinks } from './links';
import {
  formatBridgeFdb,
  formatBridgeLink,
  formatIpAddr,
  formatIpNeigh,
  formatIpRoute,
  formatVxlanLink,
  nodeNeighbours,
  podNeighbours,
  type Neighbour,
} from './iproute';
import { ipsetList } from './ipset';
import { conntrackList } from './conntrack';
import { ipvsConnections } from './ipvs-conns';
import { l2HostMac, senderDev } from '../dataplane/underlay';

export const NODE_TOOLS = [
  'ip-addr',
  'ip-route',
  'ip-neigh',
  'bridge-fdb',
  'bridge-link',
  'ip-link-flannel',
  'iptables-save',
  'ipvsadm',
  'ipvsadm-conns',
  'ipset',
  'conntrack',
] as const;
export const POD_TOOLS = ['ip-addr', 'ip-route', 'ip-neigh', 'resolv-conf'] as const;
export const HOST_TOOLS = ['ip-addr', 'ip-route', 'ip-neigh'] as const;
export type NodeTool = (typeof NODE_TOOLS)[number];
export type PodTool = (typeof POD_TOOLS)[number];
export type InsideTool = NodeTool | PodTool;

/** The command line each tool stands for, as an operator would type it. */
export const TOOL_COMMANDS: Record<InsideTool, string> = {
  'ip-addr': 'ip addr',
  'ip-route': 'ip route',
  'ip-neigh': 'ip neigh',
  'bridge-fdb': 'bridge fdb show',
  'bridge-link': 'bridge -d link',
  'ip-link-flannel': 'ip -d link show flannel.1',
  'iptables-save': 'iptables-save',
  ipvsadm: 'ipvsadm -Ln',
  'ipvsadm-conns': 'ipvsadm -Lnc',
  ipset: 'ipset list',
  conntrack: 'conntrack -L',
  'resolv-conf': 'cat /etc/resolv.conf',
};

export interface ToolOutput {
  command: string;
  stdout: string;
  stderr: string;
}

export interface ShowOptions {
  /** iptables-save: one table only (`-t nat`). */
  table?: 'nat' | 'filter';
  /** conntrack: the traces whose connections the table holds. */
  results?: TraceResult[];
}

/** An element or tool the caller asked for that is not there; `msg` says which, and what there is. */
export class InspectError extends Error {
  constructor(readonly msg: Message) {
    super(msg.code);
  }
}

function resolve(t: Topology, ref: string): string | undefined {
  return t.kindOf.has(ref) ? ref : t.byName.get(ref);
}

const ok = (command: string, stdout: string): ToolOutput => ({ command, stdout, stderr: '' });

/** The tools that make sense for an element (a node in iptables mode has no ipvsadm/ipset output worth a tab). */
export function toolsFor(s: Scenario, id: string): readonly InsideTool[] {
  const t = topology(s);
  switch (t.kindOf.get(id)) {
    case 'node': {
      const { cni, kubeProxyMode, flannelBackend } = s.cluster;
      return NODE_TOOLS.filter((x) =>
        x === 'ip-link-flannel'
          ? cni === 'flannel' && flannelBackend === 'vxlan'
          : x === 'bridge-link' || x === 'bridge-fdb'
            ? cni === 'flannel'
            : x === 'ipvsadm' || x === 'ipvsadm-conns' || x === 'ipset'
              ? kubeProxyMode === 'ipvs'
              : true,
      );
    }
    case 'pod':
      return POD_TOOLS;
    case 'router':
    case 'client':
      return HOST_TOOLS;
    default:
      return [];
  }
}

function hostNeighbours(t: Topology, id: string, subnets: string[]): Neighbour[] {
  const out: Neighbour[] = [];
  for (const subnet of subnets) {
    for (const [ip, host] of t.l2.get(subnet) ?? []) {
      if (host.id === id) continue;
      out.push({ ip, dev: senderDev(t, id, subnet), mac: l2HostMac(t, host, subnet), state: 'REACHABLE' });
    }
  }
  return out;
}

/** What `tool` prints on the node (or router, or outside host) `ref`. */
export function showNode(s: Scenario, ref: string, tool: string, opts: ShowOptions = {}): ToolOutput {
  const t = topology(s);
  const id = resolve(t, ref);
  const kind = id ? t.kindOf.get(id) : undefined;
  if (!id || (kind !== 'node' && kind !== 'router' && kind !== 'client')) {
    throw new InspectError(msg('inspect.unknown-node', { ref, nodes: s.nodes.map((n) => n.name), routers: s.routers.map((r) => r.name) }));
  }
  const allowed: readonly string[] = kind === 'node' ? NODE_TOOLS : HOST_TOOLS;
  if (!allowed.includes(tool)) throw new InspectError(msg('inspect.unknown-tool', { tool, kind, tools: allowed }));
  const command = TOOL_COMMANDS[tool as InsideTool];
  if (kind === 'router') {
    const r = t.routers.get(id)!;
    if (tool === 'ip-addr') return ok(command, formatIpAddr(routerLinks(t, r)));
    if (tool === 'ip-route') return ok(command, formatIpRoute(routerRouteTable(t, r)));
    return ok(
      command,
      formatIpNeigh(
        hostNeighbours(
          t,
          id,
          r.interfaces.map((i) => i.subnet),
        ),
      ),
    );
  }
  if (kind === 'client') {
    const c = t.clients.get(id)!;
    if (tool === 'ip-addr') return ok(command, formatIpAddr(clientLinks(t, c)));
    if (tool === 'ip-route') return ok(command, formatIpRoute(clientRouteTable(t, c)));
    // Its gateway and the hosts on its own subnet it reaches directly (a load balancer, a node's NodePort), as a node's table lists them.
    return ok(command, formatIpNeigh(hostNeighbours(t, id, [c.subnet])));
  }
  const node = t.nodes.get(id)!;
  switch (tool as NodeTool) {
    case 'ip-addr':
      return ok(command, formatIpAddr(nodeLinks(t, node)));
    case 'ip-route':
      return ok(command, formatIpRoute(nodeRouteTable(t, node)));
    case 'ip-neigh':
      return ok(command, formatIpNeigh(nodeNeighbours(t, node)));
    case 'bridge-fdb':
      return ok(command, formatBridgeFdb(t, node));
    case 'bridge-link':
      return ok(command, formatBridgeLink(t, node));
    case 'ip-link-flannel':
      return { command, ...formatVxlanLink(t, node) };
    case 'iptables-save':
      return ok(opts.table ? `iptables-save -t ${opts.table}` : command, iptablesSaveAll(t, node, opts.table));
    case 'ipvsadm':
      if (s.cluster.kubeProxyMode !== 'ipvs') {
        return ok(
          command,
          'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n',
        );
      }
      return ok(command, ipvsadmList(t, node));
    case 'ipvsadm-conns':
      return ok(command, ipvsConnections(opts.results ?? [], node.id));
    case 'ipset':
      return ok(command, ipsetList(t, node));
    case 'conntrack':
      return { command, ...conntrackList(opts.results ?? [], node.id) };
  }
}

/** What `tool` prints inside pod `ref`'s network namespace. */
export function showPod(s: Scenario, ref: string, tool: string): ToolOutput {
  const t = topology(s);
  const id = resolve(t, ref);
  if (!id || t.kindOf.get(id) !== 'pod') throw new InspectError(msg('inspect.unknown-pod', { ref, pods: s.pods.map((p) => p.name) }));
  if (!(POD_TOOLS as readonly string[]).includes(tool)) throw new InspectError(msg('inspect.unknown-tool', { tool, kind: 'pod', tools: POD_TOOLS }));
  const pod = t.pods.get(id)!;
  const command = TOOL_COMMANDS[tool as PodTool];
  switch (tool as PodTool) {
    case 'ip-addr':
      return ok(command, formatIpAddr(podLinks(t, pod)));
    case 'ip-route':
      return ok(command, formatIpRoute(podRouteTable(t, pod)));
    case 'ip-neigh':
      return ok(command, formatIpNeigh(podNeighbours(t, pod)));
    case 'resolv-conf':
      return ok(command, `search ${searchList(t, pod).join(' ')}\nnameserver ${clusterDnsIp(t)}\noptions ndots:${NDOTS}\n`);
  }
}
