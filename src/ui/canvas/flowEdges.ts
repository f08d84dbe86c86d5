/**
 * Scenario -> React Flow edges. Edge ids are the tracer's hop `link` ids, built by the same helpers
 * (vethLink, hostLink, routerLink from the sim) plus `ep:<service>:<pod>` (or `epg:<service>:<node>`
 * past ENDPOINT_LINES_MAX), `lb:<lb>:<node>` and `ing:<ingress>:<service>`, so a packet can be
 * animated along them. Rebuilt only when one of the scenario's element lists changes.
 */
import { type Scenario, hostLink, isPodReady, routerIfaceName, routerLink, vethLink } from '../../sim/index';
import type { Translator } from '../../i18n';
import { appColor } from './colors';
import { endpointPods } from '../../layout/endpoints';
import { ENDPOINT_LINES_MAX, type AppEdge } from './flowTypes';
import { same } from './flowCache';

/** An edge builder with its cache; `endpointCounts` (ready endpoints per Service) is filled by the last build. */
export function createEdgeBuilder(t: Translator) {
  let edgeKey: unknown[] = [];
  let edges: AppEdge[] = [];
  let endpointCounts = new Map<string, number>();

  /** Ready endpoints per Service id, as of the last build. */
  const counts = (s: Scenario): ReadonlyMap<string, number> => {
    buildEdges(s);
    return endpointCounts;
  };

  function buildEdges(s: Scenario): AppEdge[] {
    const key = [s.subnets, s.routers, s.nodes, s.pods, s.clients, s.services, s.loadBalancers, s.ingresses];
    if (same(key, edgeKey)) return edges;
    edgeKey = key;
    const out: AppEdge[] = [];
    for (const p of s.pods) {
      out.push({
        id: vethLink(p.id),
        type: 'veth',
        source: p.id,
        sourceHandle: 'veth',
        target: p.node,
        targetHandle: 'cni0',
        ariaLabel: t('canvas.aria.veth', { pod: p.name }),
        selectable: false,
      });
    }
    for (const h of [...s.nodes, ...s.clients, ...s.loadBalancers]) {
      out.push({
        id: hostLink(h.id),
        type: 'uplink',
        source: h.id,
        sourceHandle: 'eth0',
        target: h.subnet,
        targetHandle: 'bus',
        ariaLabel: t('canvas.aria.uplink', { host: h.name }),
        selectable: false,
      });
    }
    for (const r of s.routers) {
      for (const i of r.interfaces) {
        out.push({
          id: routerLink(r.id, i.subnet),
          type: 'link',
          source: r.id,
          sourceHandle: 'if',
          target: i.subnet,
          targetHandle: 'top',
          data: { label: `${routerIfaceName(r, i.subnet)} ${i.ip}` },
          ariaLabel: `${r.name} ${routerIfaceName(r, i.subnet)} ${i.ip}`,
          selectable: false,
        });
      }
    }
    endpointCounts = new Map();
    const nodeNames = new Map(s.nodes.map((n) => [n.id, n.name]));
    for (const svc of s.services) {
      const pods = endpointPods(s, svc);
      // Ready endpoints: what kube-proxy sends to (a not-Ready pod is selected but no endpoint).
      endpointCounts.set(svc.id, pods.filter(isPodReady).length);
      const color = appColor(svc.selector.app ?? svc.name);
      if (pods.length > ENDPOINT_LINES_MAX) {
        // One line per node that runs some of its pods, with the count, instead of one per pod.
        const perNode = new Map<string, number>();
        for (const p of pods) perNode.set(p.node, (perNode.get(p.node) ?? 0) + 1);
        for (const [node, count] of perNode) {
          if (!nodeNames.has(node)) continue;
          out.push({
            id: `epg:${svc.id}:${node}`,
            type: 'endpoint',
            source: svc.id,
            sourceHandle: 'ep',
            target: node,
            targetHandle: 'cni0',
            data: { color, label: t(count === 1 ? 'canvas.endpointGroup.one' : 'canvas.endpointGroup.other', { count }) },
            ariaLabel: t(count === 1 ? 'canvas.aria.endpointGroup.one' : 'canvas.aria.endpointGroup.other', {
              service: svc.name,
              node: nodeNames.get(node)!,
              count,
            }),
            selectable: false,
          });
        }
        continue;
      }
      for (const p of pods) {
        out.push({
          id: `ep:${svc.id}:${p.id}`,
          type: 'endpoint',
          source: svc.id,
          sourceHandle: 'ep',
          target: p.id,
          targetHandle: 'ep',
          data: { color },
          ariaLabel: t('canvas.aria.endpoint', { service: svc.name, pod: p.name }),
          selectable: false,
        });
      }
    }
    for (const lb of s.loadBalancers) {
      for (const n of s.nodes) {
        out.push({
          id: `lb:${lb.id}:${n.id}`,
          type: 'lbLink',
          source: lb.id,
          sourceHandle: 'nodes',
          target: n.id,
          targetHandle: 'nodeport',
          ariaLabel: t('canvas.aria.lbLink', { lb: lb.name, node: n.name }),
          selectable: false,
        });
      }
    }
    for (const ing of s.ingresses) {
      const names = new Set([...ing.rules.flatMap((r) => r.paths.map((p) => p.backend.service)), ...(ing.defaultBackend ? [ing.defaultBackend.service] : [])]);
      for (const svc of s.services) {
        if (svc.namespace !== ing.namespace || !names.has(svc.name)) continue;
        out.push({
          id: `ing:${ing.id}:${svc.id}`,
          type: 'ingressLink',
          source: ing.id,
          sourceHandle: 'backends',
          target: svc.id,
          targetHandle: 'ingress',
          ariaLabel: t('canvas.aria.ingressLink', { ingress: ing.name, service: svc.name }),
          selectable: false,
        });
      }
    }
    edges = out;
    return edges;
  }

  return { edges: buildEdges, endpointCounts: counts };
}
