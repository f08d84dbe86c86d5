/**
 * The inspector: the selected element's fields, several selected elements, or (nothing selected)
 * the cluster settings.
 */
import type { ClientHost, ElementKind, Ingress, LoadBalancer, Node, Pod, Router, Scenario, Service, Subnet } from '../../sim/model/schema';
import { COLLECTION_OF, kindOfElement } from '../../sim/model/edit';
import { useEditor, useEditorStore } from '../state';
import { KindIcon } from '../canvas/icons';
import { CheckField, errorOf, SelectField, TextField } from './fields';
import { ClientForm, IngressForm, LoadBalancerForm, NodeForm, PodForm, RouterForm, SubnetForm } from './forms';
import { ServiceForm } from './ServiceForm';

export const KIND_LABEL: Record<ElementKind, string> = {
  subnet: 'Subnet',
  router: 'Router',
  node: 'Cluster node',
  pod: 'Pod',
  client: 'Outside client',
  service: 'Service',
  loadBalancer: 'Load balancer',
  ingress: 'Ingress',
};

type AnyElement = Subnet | Router | Node | Pod | ClientHost | Service | LoadBalancer | Ingress;

export function findElement(s: Scenario, id: string): { kind: ElementKind; element: AnyElement } | undefined {
  const kind = kindOfElement(s, id);
  if (!kind) return undefined;
  const element = (s[COLLECTION_OF[kind]] as AnyElement[]).find((e) => e.id === id)!;
  return { kind, element };
}

function ElementInspector({ id }: { id: string }) {
  const store = useEditorStore();
  const kind = useEditor((s) => kindOfElement(s.scenario, id));
  const element = useEditor((s) => (kind ? (s.scenario[COLLECTION_OF[kind]] as AnyElement[]).find((e) => e.id === id) : undefined));
  if (!kind || !element) return null;
  const name = element.name;
  return (
    <section className="inspector-section" aria-label={`${KIND_LABEL[kind]} ${name}`}>
      <header className="inspector-head">
        <span className={`kind-badge kind-${kind}`}>
          <KindIcon kind={kind} size={16} />
          {KIND_LABEL[kind]}
        </span>
        <h2 className="inspector-title">{name}</h2>
        <button type="button" className="btn danger small" onClick={() => store.getState().deleteElements([id])} aria-label={`Delete ${KIND_LABEL[kind].toLowerCase()} ${name}`}>
          Delete
        </button>
      </header>
      <div className="inspector-fields">
        {kind === 'subnet' && <SubnetForm subnet={element as Subnet} />}
        {kind === 'router' && <RouterForm router={element as Router} />}
        {kind === 'node' && <NodeForm node={element as Node} />}
        {kind === 'pod' && <PodForm pod={element as Pod} />}
        {kind === 'client' && <ClientForm client={element as ClientHost} />}
        {kind === 'service' && <ServiceForm service={element as Service} />}
        {kind === 'loadBalancer' && <LoadBalancerForm lb={element as LoadBalancer} />}
        {kind === 'ingress' && <IngressForm ingress={element as Ingress} />}
      </div>
    </section>
  );
}

function ClusterInspector() {
  const store = useEditorStore();
  const cluster = useEditor((s) => s.scenario.cluster);
  const name = useEditor((s) => s.scenario.name);
  const description = useEditor((s) => s.scenario.description);
  const editCluster = (patch: Parameters<ReturnType<typeof store.getState>['editCluster']>[0]) => errorOf(store.getState().editCluster(patch));
  return (
    <section className="inspector-section" aria-label="Cluster settings">
      <header className="inspector-head">
        <span className="kind-badge">Scenario</span>
        <h2 className="inspector-title">{name}</h2>
      </header>
      {description && <p className="inspector-note">{description}</p>}
      <p className="inspector-note muted">Select an element on the canvas to edit it. Shift-drag selects several.</p>
      <div className="inspector-fields">
        <TextField label="Scenario name" value={name} onCommit={(n) => errorOf(store.getState().editInfo({ name: n }))} />
        <SelectField
          label="CNI (flannel backend)"
          value={cluster.cni}
          options={[
            { value: 'vxlan', label: 'vxlan: overlay, works across subnets' },
            { value: 'host-gw', label: 'host-gw: plain routes, one L2 subnet' },
          ]}
          onCommit={(cni) => editCluster({ cni })}
        />
        {cluster.cni === 'vxlan' && (
          <CheckField label="DirectRouting (plain routes to nodes on the same subnet)" checked={cluster.directRouting} onCommit={(directRouting) => editCluster({ directRouting })} />
        )}
        <SelectField
          label="kube-proxy mode"
          value={cluster.kubeProxyMode}
          options={[
            { value: 'iptables', label: 'iptables' },
            { value: 'ipvs', label: 'ipvs' },
          ]}
          onCommit={(kubeProxyMode) => editCluster({ kubeProxyMode })}
        />
        <TextField label="Cluster pod CIDR" mono value={cluster.podCidr} onCommit={(podCidr) => editCluster({ podCidr: podCidr.trim() })} hint="flannel Network; node pod CIDRs are carved from it." />
        <TextField
          label="Pod CIDR prefix per node"
          mono
          value={String(cluster.nodePodPrefix)}
          onCommit={(t) => (/^\d+$/.test(t.trim()) ? editCluster({ nodePodPrefix: Number(t.trim()) }) : `"${t}" is not a prefix length`)}
        />
        <TextField label="Service CIDR" mono value={cluster.serviceCidr} onCommit={(serviceCidr) => editCluster({ serviceCidr: serviceCidr.trim() })} />
        <TextField label="Underlay MTU" mono value={String(cluster.mtu)} onCommit={(t) => (/^\d+$/.test(t.trim()) ? editCluster({ mtu: Number(t.trim()) }) : `"${t}" is not a number`)} />
      </div>
    </section>
  );
}

function MultiInspector({ ids }: { ids: string[] }) {
  const store = useEditorStore();
  const scenario = useEditor((s) => s.scenario);
  const items = ids.flatMap((id) => {
    const f = findElement(scenario, id);
    return f ? [{ id, kind: f.kind, name: f.element.name }] : [];
  });
  return (
    <section className="inspector-section" aria-label="Selection">
      <header className="inspector-head">
        <span className="kind-badge">Selection</span>
        <h2 className="inspector-title">{items.length} elements</h2>
        <button type="button" className="btn danger small" onClick={() => store.getState().deleteSelection()}>
          Delete all
        </button>
      </header>
      <ul className="multi-list">
        {items.map((it) => (
          <li key={it.id}>
            <button type="button" className="link" onClick={() => store.getState().select([it.id])}>
              <KindIcon kind={it.kind} size={14} /> {KIND_LABEL[it.kind]} {it.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Inspector() {
  const selection = useEditor((s) => s.selection);
  return (
    <aside className="inspector" aria-label="Inspector">
      {selection.length === 0 ? <ClusterInspector /> : selection.length === 1 ? <ElementInspector key={selection[0]} id={selection[0]!} /> : <MultiInspector ids={selection} />}
    </aside>
  );
}
