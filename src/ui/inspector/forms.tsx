/** Inspector forms for subnets, routers, nodes, pods, clients, load balancers and ingresses. */
import { useState } from 'react';
import type { ClientHost, Ingress, LoadBalancer, Node, Pod, Router, Subnet } from '../../sim/model/schema';
import type { ElementPatch } from '../../sim/model/editFields';
import { bridgeGateway } from '../../sim/net/ipam';
import { vethName } from '../../sim/dataplane/bridge';
import { routerIfaceName, vtepAddress } from '../../sim/dataplane/routing';
import { endpointPods } from '../canvas/endpoints';
import { useEditor, useEditorStore } from '../state';
import { errorOf, Fact, SelectField, TextField } from './fields';
import { formatContainerPorts, formatLabels, formatRoutes, formatRules, parseContainerPorts, parseLabels, parseRoutes, parseRules } from './fieldText';

/** Commit a patch to one element; returns the inline error, if refused. */
export function useEdit(id: string): (patch: ElementPatch) => string | undefined {
  const store = useEditorStore();
  return (patch) => errorOf(store.getState().editElement(id, patch));
}

const selectSubnets = (s: { scenario: { subnets: Subnet[] } }) => s.scenario.subnets;
const selectNodes = (s: { scenario: { nodes: Node[] } }) => s.scenario.nodes;

export function SubnetForm({ subnet }: { subnet: Subnet }) {
  const edit = useEdit(subnet.id);
  return (
    <>
      <TextField label="Name" value={subnet.name} onCommit={(name) => edit({ name })} />
      <TextField label="CIDR" mono value={subnet.cidr} onCommit={(cidr) => edit({ cidr })} hint="Changing it renumbers the hosts on the subnet, keeping their host part." />
      <TextField
        label="Default gateway"
        mono
        value={subnet.gateway ?? ''}
        placeholder="none"
        onCommit={(g) => edit({ gateway: g.trim() === '' ? undefined : g.trim() })}
        hint="A router interface on this subnet; hosts send off-subnet traffic to it."
      />
    </>
  );
}

export function RouterForm({ router }: { router: Router }) {
  const store = useEditorStore();
  const edit = useEdit(router.id);
  const subnets = useEditor(selectSubnets);
  const free = subnets.filter((x) => !router.interfaces.some((i) => i.subnet === x.id));
  const [pick, setPick] = useState('');
  const [error, setError] = useState<string | undefined>();
  const name = (id: string) => subnets.find((x) => x.id === id)?.name ?? id;
  return (
    <>
      <TextField label="Name" value={router.name} onCommit={(n) => edit({ name: n })} />
      <fieldset className="group">
        <legend>Interfaces</legend>
        {router.interfaces.map((itf, k) => (
          <div key={itf.subnet} className="iface-row">
            <TextField
              label={`${routerIfaceName(router, itf.subnet)} on ${name(itf.subnet)}`}
              mono
              value={itf.ip}
              onCommit={(ip) => edit({ interfaces: router.interfaces.map((x, j) => (j === k ? { ...x, ip: ip.trim() } : x)) })}
            />
            <button
              type="button"
              className="btn small ghost"
              aria-label={`Remove interface on ${name(itf.subnet)}`}
              onClick={() => setError(errorOf(store.getState().removeRouterInterface(router.id, itf.subnet)))}
            >
              Remove
            </button>
          </div>
        ))}
        {free.length > 0 && (
          <div className="iface-add">
            <label className="field-label" htmlFor={`${router.id}-add-if`}>
              Connect to subnet
            </label>
            <select id={`${router.id}-add-if`} className="field-input" value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">choose…</option>
              {free.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.cidr})
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn small"
              disabled={!pick}
              onClick={() => {
                setError(errorOf(store.getState().addRouterInterface(router.id, pick)));
                setPick('');
              }}
            >
              Add interface
            </button>
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </fieldset>
      <TextField
        label="Static routes"
        mono
        multiline
        value={formatRoutes(router.routes)}
        placeholder="10.244.0.0/16 via 192.168.1.10"
        onCommit={(t) => {
          const r = parseRoutes(t);
          return r.ok ? edit({ routes: r.value }) : r.error;
        }}
        hint="One per line: CIDR via NEXT-HOP. Connected subnets need no route. Ctrl+Enter applies."
      />
    </>
  );
}

export function NodeForm({ node }: { node: Node }) {
  const store = useEditorStore();
  const edit = useEdit(node.id);
  const subnets = useEditor(selectSubnets);
  const vxlan = useEditor((s) => s.scenario.cluster.cni === 'vxlan');
  const pods = useEditor((s) => s.scenario.pods).filter((p) => p.node === node.id);
  return (
    <>
      <TextField label="Name" value={node.name} onCommit={(name) => edit({ name })} />
      <SelectField
        label="Subnet"
        value={node.subnet}
        options={subnets.map((x) => ({ value: x.id, label: `${x.name} (${x.cidr})` }))}
        onCommit={(subnet) => edit({ subnet })}
        hint="Moving the node gives it a free address on the new subnet."
      />
      <TextField label="eth0 IP" mono value={node.ip} onCommit={(ip) => edit({ ip: ip.trim() })} />
      <TextField label="Pod CIDR" mono value={node.podCidr} onCommit={(podCidr) => edit({ podCidr: podCidr.trim() })} hint="spec.podCIDR; its pods are readdressed into it." />
      <Fact label="cni0 bridge">{bridgeGateway(node.podCidr)}</Fact>
      {vxlan && <Fact label="flannel.1 VTEP">{vtepAddress(node)}/32 · VNI 1 · UDP 8472</Fact>}
      <Fact label="Pods">{pods.length === 0 ? 'none' : pods.map((p) => `${p.name} ${p.ip}`).join(', ')}</Fact>
      <button type="button" className="btn" onClick={() => store.getState().add({ kind: 'pod', node: node.id })}>
        Add a pod on {node.name}
      </button>
    </>
  );
}

export function PodForm({ pod }: { pod: Pod }) {
  const edit = useEdit(pod.id);
  const nodes = useEditor(selectNodes);
  const scenario = useEditor((s) => s.scenario);
  const services = scenario.services.filter((svc) => endpointPods(scenario, svc).some((p) => p.id === pod.id));
  return (
    <>
      <TextField label="Name" value={pod.name} onCommit={(name) => edit({ name })} />
      <TextField label="Namespace" value={pod.namespace} onCommit={(namespace) => edit({ namespace })} />
      <SelectField
        label="Node"
        value={pod.node}
        options={nodes.map((n) => ({ value: n.id, label: `${n.name} (${n.podCidr})` }))}
        onCommit={(node) => edit({ node })}
        hint="Rescheduling gives the pod a new IP from that node's pod CIDR."
      />
      <TextField label="IP" mono value={pod.ip} onCommit={(ip) => edit({ ip: ip.trim() })} />
      <TextField
        label="Labels"
        mono
        value={formatLabels(pod.labels)}
        placeholder="app=web, tier=frontend"
        onCommit={(t) => {
          const r = parseLabels(t);
          return r.ok ? edit({ labels: r.value }) : r.error;
        }}
      />
      {pod.containers.map((c, k) => (
        <TextField
          key={c.name}
          label={`Container ${c.name} ports`}
          mono
          value={formatContainerPorts(c.ports)}
          placeholder="http=8080/TCP"
          onCommit={(t) => {
            const r = parseContainerPorts(t);
            return r.ok ? edit({ containers: pod.containers.map((x, j) => (j === k ? { ...x, ports: r.value } : x)) }) : r.error;
          }}
          hint={c.image ? `image ${c.image}` : undefined}
        />
      ))}
      <Fact label="Host-side veth">{vethName(pod)}</Fact>
      <Fact label="Selected by">{services.length ? services.map((x) => `svc ${x.name}`).join(', ') : 'no Service'}</Fact>
    </>
  );
}

export function ClientForm({ client }: { client: ClientHost }) {
  const edit = useEdit(client.id);
  const subnets = useEditor(selectSubnets);
  return (
    <>
      <TextField label="Name" value={client.name} onCommit={(name) => edit({ name })} />
      <SelectField label="Subnet" value={client.subnet} options={subnets.map((x) => ({ value: x.id, label: `${x.name} (${x.cidr})` }))} onCommit={(subnet) => edit({ subnet })} />
      <TextField label="IP" mono value={client.ip} onCommit={(ip) => edit({ ip: ip.trim() })} />
      <TextField
        label="Listening ports"
        mono
        value={client.ports.map((p) => `${p.port}/${p.protocol}`).join(', ')}
        placeholder="80/TCP"
        onCommit={(t) => {
          const r = parseContainerPorts(t);
          return r.ok ? edit({ ports: r.value.map((p) => ({ port: p.containerPort, protocol: p.protocol })) }) : r.error;
        }}
      />
    </>
  );
}

export function LoadBalancerForm({ lb }: { lb: LoadBalancer }) {
  const edit = useEdit(lb.id);
  const subnets = useEditor(selectSubnets);
  const services = useEditor((s) => s.scenario.services);
  return (
    <>
      <TextField label="Name" value={lb.name} onCommit={(name) => edit({ name })} />
      <SelectField label="Service" value={lb.service} options={services.map((x) => ({ value: x.id, label: `${x.name} (${x.type})` }))} onCommit={(service) => edit({ service })} />
      <SelectField label="Subnet" value={lb.subnet} options={subnets.map((x) => ({ value: x.id, label: `${x.name} (${x.cidr})` }))} onCommit={(subnet) => edit({ subnet })} />
      <TextField label="Public IP" mono value={lb.ip} onCommit={(ip) => edit({ ip: ip.trim() })} hint="status.loadBalancer.ingress[0].ip" />
    </>
  );
}

export function IngressForm({ ingress }: { ingress: Ingress }) {
  const edit = useEdit(ingress.id);
  const services = useEditor((s) => s.scenario.services);
  return (
    <>
      <TextField label="Name" value={ingress.name} onCommit={(name) => edit({ name })} />
      <TextField label="Namespace" value={ingress.namespace} onCommit={(namespace) => edit({ namespace })} />
      <TextField label="Ingress class" value={ingress.ingressClassName ?? ''} placeholder="nginx" onCommit={(c) => edit({ ingressClassName: c.trim() || undefined })} />
      <SelectField
        label="Controller Service"
        value={ingress.controllerService ?? ''}
        options={[{ value: '', label: 'none' }, ...services.map((x) => ({ value: x.id, label: `${x.name} (${x.type})` }))]}
        onCommit={(v) => edit({ controllerService: v || undefined })}
        hint="The Service in front of the ingress controller pods."
      />
      <TextField
        label="Rules"
        mono
        multiline
        value={formatRules(ingress.rules)}
        placeholder="shop.example.com/api -> api:80"
        onCommit={(t) => {
          const r = parseRules(t);
          return r.ok ? edit({ rules: r.value }) : r.error;
        }}
        hint="One per line: HOST/PATH -> SERVICE:PORT (* for any host). Ctrl+Enter applies."
      />
      <TextField
        label="Default backend"
        mono
        value={ingress.defaultBackend ? `${ingress.defaultBackend.service}:${ingress.defaultBackend.port}` : ''}
        placeholder="none"
        onCommit={(t) => {
          const v = t.trim();
          if (!v) return edit({ defaultBackend: undefined });
          const m = /^([a-z0-9-]+):([a-z0-9-]+)$/.exec(v);
          if (!m) return `"${v}" is not SERVICE:PORT`;
          return edit({ defaultBackend: { service: m[1]!, port: /^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]! } });
        }}
      />
    </>
  );
}
