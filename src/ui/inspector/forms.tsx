/** Inspector forms for subnets, routers, nodes, pods, clients, load balancers and ingresses. */
import {
  type ClientHost,
  type Ingress,
  type LoadBalancer,
  type Node,
  type Pod,
  type Subnet,
  bridgeGateway,
  vethName,
  vtepAddress,
  nodeBlocks,
  topology,
} from '../../sim/index';
import { endpointPods } from '../../layout/endpoints';
import { useT } from '../../i18n/useT';
import { PodReadiness } from './PodReadiness';
import { LoadBalancerMode } from './LoadBalancerMode';
import { useEditor, useEditorStore } from '../state';
import { CheckField, Fact, SelectField, TextField } from './fields';
import { formatContainerPorts, formatLabels, formatRules, parseContainerPorts, parseLabels, parseRules } from './fieldText';
import { selectNodes, selectSubnets, useEdit } from './useEdit';

export { useEdit } from './useEdit';
export { RouterForm } from './RouterForm';

export function SubnetForm({ subnet }: { subnet: Subnet }) {
  const t = useT();
  const edit = useEdit(subnet.id);
  return (
    <>
      <TextField label={t('field.name')} value={subnet.name} onCommit={(name) => edit({ name })} />
      <TextField label={t('field.cidr')} mono value={subnet.cidr} onCommit={(cidr) => edit({ cidr })} hint={t('inspector.subnetCidrHint')} />
      <TextField
        label={t('field.gateway')}
        mono
        value={subnet.gateway ?? ''}
        placeholder={t('inspector.none')}
        onCommit={(g) => edit({ gateway: g.trim() === '' ? undefined : g.trim() })}
        hint={t('inspector.gatewayHint')}
      />
    </>
  );
}

export function NodeForm({ node }: { node: Node }) {
  const t = useT();
  const store = useEditorStore();
  const edit = useEdit(node.id);
  const subnets = useEditor(selectSubnets);
  const calico = useEditor((s) => s.scenario.cluster.cni === 'calico');
  const vxlan = useEditor((s) => !calico && s.scenario.cluster.flannelBackend === 'vxlan');
  const scenario = useEditor((s) => s.scenario);
  const pods = scenario.pods.filter((p) => p.node === node.id);
  return (
    <>
      <TextField label={t('field.name')} value={node.name} onCommit={(name) => edit({ name })} />
      <SelectField
        label={t('element.subnet')}
        value={node.subnet}
        options={subnets.map((x) => ({ value: x.id, label: `${x.name} (${x.cidr})` }))}
        onCommit={(subnet) => edit({ subnet })}
        hint={t('inspector.nodeSubnetHint')}
      />
      <TextField label={t('inspector.eth0Ip')} mono value={node.ip} onCommit={(ip) => edit({ ip: ip.trim() })} />
      <TextField
        label={t('field.podCidr')}
        mono
        value={node.podCidr}
        onCommit={(podCidr) => edit({ podCidr: podCidr.trim() })}
        hint={t('inspector.podCidrHint')}
      />
      {calico ? (
        <>
          <Fact label={t('inspector.calicoBlocks')}>{nodeBlocks(topology(scenario), node).join(', ')}</Fact>
          {scenario.cluster.calicoMode !== 'vxlan' && (
            <CheckField
              label={t('inspector.routeReflector')}
              checked={node.routeReflector === true}
              onCommit={(routeReflector) => edit({ routeReflector })}
              hint={t('inspector.routeReflectorHint')}
            />
          )}
        </>
      ) : (
        <Fact label={t('inspector.cni0')}>{bridgeGateway(node.podCidr)}</Fact>
      )}
      {vxlan && <Fact label="flannel.1 VTEP">{vtepAddress(node)}/32 · VNI 1 · UDP 8472</Fact>}
      <Fact label={t('inspector.pods')}>{pods.length === 0 ? t('inspector.none') : pods.map((p) => `${p.name} ${p.ip}`).join(', ')}</Fact>
      <button type="button" className="btn" onClick={() => store.getState().add({ kind: 'pod', node: node.id })}>
        {t('inspector.addPodOn', { node: node.name })}
      </button>
    </>
  );
}

export function PodForm({ pod }: { pod: Pod }) {
  const t = useT();
  const edit = useEdit(pod.id);
  const nodes = useEditor(selectNodes);
  const scenario = useEditor((s) => s.scenario);
  const services = scenario.services.filter((svc) => endpointPods(scenario, svc).some((p) => p.id === pod.id));
  return (
    <>
      <TextField label={t('field.name')} value={pod.name} onCommit={(name) => edit({ name })} />
      <TextField label={t('field.namespace')} value={pod.namespace} onCommit={(namespace) => edit({ namespace })} />
      <SelectField
        label={t('element.node')}
        value={pod.node}
        options={nodes.map((n) => ({ value: n.id, label: `${n.name} (${n.podCidr})` }))}
        onCommit={(node) => edit({ node })}
        hint={t('inspector.podNodeHint')}
      />
      <TextField label={t('field.ip')} mono value={pod.ip} onCommit={(ip) => edit({ ip: ip.trim() })} />
      <PodReadiness pod={pod} edit={edit} />
      <TextField
        label={t('field.labels')}
        mono
        value={formatLabels(pod.labels)}
        placeholder="app=web, tier=frontend"
        onCommit={(text) => {
          const r = parseLabels(text);
          return r.ok ? edit({ labels: r.value }) : r.error;
        }}
      />
      {pod.containers.map((c, k) => (
        <TextField
          key={c.name}
          label={t('inspector.containerPorts', { name: c.name })}
          mono
          value={formatContainerPorts(c.ports)}
          placeholder="http=8080/TCP"
          onCommit={(text) => {
            const r = parseContainerPorts(text);
            return r.ok ? edit({ containers: pod.containers.map((x, j) => (j === k ? { ...x, ports: r.value } : x)) }) : r.error;
          }}
          hint={c.image ? t('inspector.image', { image: c.image }) : undefined}
        />
      ))}
      <Fact label={t('inspector.hostVeth')}>{vethName(pod)}</Fact>
      <Fact label={t('inspector.selectedBy')}>{services.length ? services.map((x) => `svc ${x.name}`).join(', ') : t('inspector.noService')}</Fact>
    </>
  );
}

export function ClientForm({ client }: { client: ClientHost }) {
  const t = useT();
  const edit = useEdit(client.id);
  const subnets = useEditor(selectSubnets);
  return (
    <>
      <TextField label={t('field.name')} value={client.name} onCommit={(name) => edit({ name })} />
      <SelectField
        label={t('element.subnet')}
        value={client.subnet}
        options={subnets.map((x) => ({ value: x.id, label: `${x.name} (${x.cidr})` }))}
        onCommit={(subnet) => edit({ subnet })}
      />
      <TextField label={t('field.ip')} mono value={client.ip} onCommit={(ip) => edit({ ip: ip.trim() })} />
      <TextField
        label={t('inspector.listeningPorts')}
        mono
        value={client.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}
        placeholder="80/TCP"
        onCommit={(text) => {
          const r = parseContainerPorts(text);
          return r.ok ? edit({ ports: r.value.map((p) => ({ port: p.containerPort, protocol: p.protocol })) }) : r.error;
        }}
      />
    </>
  );
}

export function LoadBalancerForm({ lb }: { lb: LoadBalancer }) {
  const t = useT();
  const edit = useEdit(lb.id);
  const subnets = useEditor(selectSubnets);
  const services = useEditor((s) => s.scenario.services);
  return (
    <>
      <TextField label={t('field.name')} value={lb.name} onCommit={(name) => edit({ name })} />
      <SelectField
        label={t('element.service')}
        value={lb.service}
        options={services.map((x) => ({ value: x.id, label: `${x.name} (${x.type})` }))}
        onCommit={(service) => edit({ service })}
      />
      <SelectField
        label={t('element.subnet')}
        value={lb.subnet}
        options={subnets.map((x) => ({ value: x.id, label: `${x.name} (${x.cidr})` }))}
        onCommit={(subnet) => edit({ subnet })}
      />
      <TextField label={t('inspector.publicIp')} mono value={lb.ip} onCommit={(ip) => edit({ ip: ip.trim() })} hint="status.loadBalancer.ingress[0].ip" />
      <LoadBalancerMode lb={lb} />
    </>
  );
}

export function IngressForm({ ingress }: { ingress: Ingress }) {
  const t = useT();
  const edit = useEdit(ingress.id);
  const services = useEditor((s) => s.scenario.services);
  return (
    <>
      <TextField label={t('field.name')} value={ingress.name} onCommit={(name) => edit({ name })} />
      <TextField label={t('field.namespace')} value={ingress.namespace} onCommit={(namespace) => edit({ namespace })} />
      <TextField
        label={t('inspector.ingressClass')}
        value={ingress.ingressClassName ?? ''}
        placeholder="nginx"
        onCommit={(c) => edit({ ingressClassName: c.trim() || undefined })}
      />
      <SelectField
        label={t('inspector.controllerService')}
        value={ingress.controllerService ?? ''}
        options={[{ value: '', label: t('inspector.none') }, ...services.map((x) => ({ value: x.id, label: `${x.name} (${x.type})` }))]}
        onCommit={(v) => edit({ controllerService: v || undefined })}
        hint={t('inspector.controllerServiceHint')}
      />
      <TextField
        label={t('inspector.rules')}
        mono
        multiline
        value={formatRules(ingress.rules)}
        placeholder="shop.example.com/api -> api:80"
        onCommit={(text) => {
          const r = parseRules(text);
          return r.ok ? edit({ rules: r.value }) : r.error;
        }}
        hint={t('inspector.rulesHint')}
      />
      <TextField
        label={t('inspector.defaultBackend')}
        mono
        value={ingress.defaultBackend ? `${ingress.defaultBackend.service}:${ingress.defaultBackend.port}` : ''}
        placeholder={t('inspector.none')}
        onCommit={(text) => {
          const v = text.trim();
          if (!v) return edit({ defaultBackend: undefined });
          const m = /^([a-z0-9-]+):([a-z0-9-]+)$/.exec(v);
          if (!m) return t('inspector.notServicePort', { text: v });
          return edit({ defaultBackend: { service: m[1]!, port: /^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]! } });
        }}
      />
    </>
  );
}
