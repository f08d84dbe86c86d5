/**
 * The inspector: the selected element's fields, several selected elements, or (nothing selected)
 * the cluster settings.
 */
import {
  type ClientHost,
  type ElementKind,
  type Ingress,
  type LoadBalancer,
  type Node,
  type Pod,
  type Router,
  type Scenario,
  type Service,
  type Subnet,
  COLLECTION_OF,
  kindOfElement,
} from '../../sim/index';
import { useEditor, useEditorStore } from '../state';
import { useOptionalPacketStore } from '../packets/PacketsContext';
import { KindIcon } from '../canvas/icons';
import { CheckField, errorOf, SelectField, TextField } from './fields';
import { ClientForm, IngressForm, LoadBalancerForm, NodeForm, PodForm, RouterForm, SubnetForm } from './forms';
import { ServiceForm } from './ServiceForm';
import { elementKindKey } from '../../i18n/index';
import { useLocale, useT } from '../../i18n/useT';
import { scenarioText } from '../scenarioText';

type AnyElement = Subnet | Router | Node | Pod | ClientHost | Service | LoadBalancer | Ingress;

export function findElement(s: Scenario, id: string): { kind: ElementKind; element: AnyElement } | undefined {
  const kind = kindOfElement(s, id);
  if (!kind) return undefined;
  const element = (s[COLLECTION_OF[kind]] as AnyElement[]).find((e) => e.id === id)!;
  return { kind, element };
}

function ElementInspector({ id }: { id: string }) {
  const t = useT();
  const store = useEditorStore();
  const packets = useOptionalPacketStore();
  const kind = useEditor((s) => kindOfElement(s.scenario, id));
  const element = useEditor((s) => (kind ? (s.scenario[COLLECTION_OF[kind]] as AnyElement[]).find((e) => e.id === id) : undefined));
  if (!kind || !element) return null;
  const name = element.name;
  const kindLabel = t(elementKindKey(kind));
  return (
    <section className="inspector-section" aria-label={`${kindLabel} ${name}`}>
      <header className="inspector-head">
        <span className={`kind-badge kind-${kind}`}>
          <KindIcon kind={kind} size={16} />
          {kindLabel}
        </span>
        <h2 className="inspector-title">{name}</h2>
        {packets && (kind === 'pod' || kind === 'node' || kind === 'client') && (
          // The way to the Packets tab from what is selected: this element becomes the sender.
          <button type="button" className="btn small primary send-here" onClick={() => packets.getState().pickFrom(id)}>
            {t('inspector.sendFromHere')}
          </button>
        )}
        <button
          type="button"
          className="btn danger small"
          onClick={() => store.getState().deleteElements([id])}
          aria-label={t('inspector.deleteElement', { kind: kindLabel.toLowerCase(), name })}
        >
          {t('toolbar.delete')}
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
  const t = useT();
  const store = useEditorStore();
  const cluster = useEditor((s) => s.scenario.cluster);
  const [locale] = useLocale();
  const name = scenarioText(
    useEditor((s) => s.scenario.name),
    locale,
  );
  const storedDescription = useEditor((s) => s.scenario.description);
  const description = storedDescription === undefined ? undefined : scenarioText(storedDescription, locale);
  const editCluster = (patch: Parameters<ReturnType<typeof store.getState>['editCluster']>[0]) => errorOf(store.getState().editCluster(patch));
  return (
    <section className="inspector-section" aria-label={t('inspector.clusterSettings')}>
      <header className="inspector-head">
        <span className="kind-badge">{t('inspector.scenario')}</span>
        <h2 className="inspector-title">{name}</h2>
      </header>
      {description && <p className="inspector-note">{description}</p>}
      <p className="inspector-note muted">{t('panel.nothingSelected')}</p>
      <div className="inspector-fields">
        <TextField label={t('inspector.scenarioName')} value={name} onCommit={(n) => errorOf(store.getState().editInfo({ name: n }))} />
        <SelectField
          label={t('field.cni')}
          value={cluster.cni}
          options={[
            { value: 'flannel', label: t('inspector.cni.flannel') },
            { value: 'calico', label: t('inspector.cni.calico') },
          ]}
          onCommit={(cni) => editCluster({ cni })}
        />
        {cluster.cni === 'flannel' && (
          <SelectField
            label={t('field.flannelBackend')}
            value={cluster.flannelBackend}
            options={[
              { value: 'vxlan', label: t('inspector.cni.vxlan') },
              { value: 'host-gw', label: t('inspector.cni.hostGw') },
            ]}
            onCommit={(flannelBackend) => editCluster({ flannelBackend })}
          />
        )}
        {cluster.cni === 'flannel' && cluster.flannelBackend === 'vxlan' && (
          <CheckField label={t('inspector.directRouting')} checked={cluster.directRouting} onCommit={(directRouting) => editCluster({ directRouting })} />
        )}
        {cluster.cni === 'flannel' && (
          <CheckField
            label={t('inspector.hairpinMode')}
            checked={cluster.hairpinMode}
            onCommit={(hairpinMode) => editCluster({ hairpinMode })}
            hint={t('inspector.hairpinModeHint')}
          />
        )}
        {cluster.cni === 'calico' && (
          <SelectField
            label={t('field.calicoMode')}
            value={cluster.calicoMode}
            options={[
              { value: 'bgp', label: t('inspector.calico.bgp') },
              { value: 'ipip', label: t('inspector.calico.ipip') },
              { value: 'vxlan', label: t('inspector.calico.vxlan') },
            ]}
            onCommit={(calicoMode) => editCluster({ calicoMode })}
          />
        )}
        {cluster.cni === 'calico' && cluster.calicoMode !== 'bgp' && (
          <CheckField label={t('inspector.crossSubnet')} checked={cluster.crossSubnet} onCommit={(crossSubnet) => editCluster({ crossSubnet })} />
        )}
        {cluster.cni === 'calico' && cluster.calicoMode !== 'vxlan' && (
          <CheckField
            label={t('inspector.bgpMesh')}
            checked={cluster.bgpMesh}
            onCommit={(bgpMesh) => editCluster({ bgpMesh })}
            hint={t('inspector.bgpMeshHint')}
          />
        )}
        <SelectField
          label={t('field.kubeProxyMode')}
          value={cluster.kubeProxyMode}
          options={[
            { value: 'iptables', label: 'iptables' },
            { value: 'ipvs', label: 'ipvs' },
          ]}
          onCommit={(kubeProxyMode) => editCluster({ kubeProxyMode })}
        />
        <TextField
          label={t('inspector.clusterPodCidr')}
          mono
          value={cluster.podCidr}
          onCommit={(podCidr) => editCluster({ podCidr: podCidr.trim() })}
          hint={t(cluster.cni === 'calico' ? 'inspector.clusterPodCidrHintCalico' : 'inspector.clusterPodCidrHint')}
        />
        <TextField
          label={t('inspector.nodePodPrefix')}
          mono
          value={String(cluster.nodePodPrefix)}
          onCommit={(text) => (/^\d+$/.test(text.trim()) ? editCluster({ nodePodPrefix: Number(text.trim()) }) : t('inspector.notPrefix', { text }))}
        />
        <TextField
          label={t('field.serviceCidr')}
          mono
          value={cluster.serviceCidr}
          onCommit={(serviceCidr) => editCluster({ serviceCidr: serviceCidr.trim() })}
        />
        <TextField
          label={t('inspector.mtu')}
          mono
          value={String(cluster.mtu)}
          onCommit={(text) => (/^\d+$/.test(text.trim()) ? editCluster({ mtu: Number(text.trim()) }) : t('inspector.notNumber', { text }))}
        />
      </div>
    </section>
  );
}

function MultiInspector({ ids }: { ids: string[] }) {
  const t = useT();
  const store = useEditorStore();
  const scenario = useEditor((s) => s.scenario);
  const items = ids.flatMap((id) => {
    const f = findElement(scenario, id);
    return f ? [{ id, kind: f.kind, name: f.element.name }] : [];
  });
  return (
    <section className="inspector-section" aria-label={t('inspector.selection')}>
      <header className="inspector-head">
        <span className="kind-badge">{t('inspector.selection')}</span>
        <h2 className="inspector-title">{t('inspector.elements', { count: items.length })}</h2>
        <button type="button" className="btn danger small" onClick={() => store.getState().deleteSelection()}>
          {t('inspector.deleteAll')}
        </button>
      </header>
      <ul className="multi-list">
        {items.map((it) => (
          <li key={it.id}>
            <button type="button" className="link" onClick={() => store.getState().select([it.id])}>
              <KindIcon kind={it.kind} size={14} /> {t(elementKindKey(it.kind))} {it.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Inspector() {
  const t = useT();
  const selection = useEditor((s) => s.selection);
  return (
    <aside className="inspector" aria-label={t('panel.inspector')}>
      {selection.length === 0 ? (
        <ClusterInspector />
      ) : selection.length === 1 ? (
        <ElementInspector key={selection[0]} id={selection[0]!} />
      ) : (
        <MultiInspector ids={selection} />
      )}
    </aside>
  );
}
