/** The Service inspector: type, ClusterIP, ports, selector and traffic policies; endpoints from the sim. */
import { useState } from 'react';
import type { Service, ServicePort } from '../../sim/model/schema';
import { useEditor } from '../state';
import { endpointPods, endpointsByPort } from '../canvas/endpoints';
import { Fact, SelectField, TextField } from './fields';
import { formatLabels, parseLabels } from './fieldText';
import { useEdit } from './forms';

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
const POLICIES = [
  { value: 'Cluster', label: 'Cluster (any node\u2019s endpoints)' },
  { value: 'Local', label: 'Local (this node\u2019s endpoints only)' },
] as const;
const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq'] as const;

function PortsTable({ service }: { service: Service }) {
  const edit = useEdit(service.id);
  const [error, setError] = useState<string | undefined>();
  const withNodePort = service.type === 'NodePort' || service.type === 'LoadBalancer';
  const update = (k: number, patch: Partial<ServicePort> & { clear?: 'nodePort' | 'name' }) => {
    const ports = service.ports.map((p, j) => {
      if (j !== k) return p;
      const { clear, ...rest } = patch;
      const next = { ...p, ...rest };
      if (clear) delete next[clear];
      return next;
    });
    setError(edit({ ports }));
  };
  const num = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
  return (
    <fieldset className="group">
      <legend>Ports</legend>
      <table className="ports">
        <thead>
          <tr>
            <th scope="col">name</th>
            <th scope="col">port</th>
            <th scope="col">targetPort</th>
            <th scope="col">proto</th>
            {withNodePort && <th scope="col">nodePort</th>}
            <th scope="col">
              <span className="sr-only">remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {service.ports.map((p, k) => (
            <tr key={k}>
              <td>
                <CellInput label={`Port ${k + 1} name`} value={p.name ?? ''} onCommit={(t) => update(k, t.trim() ? { name: t.trim() } : { clear: 'name' })} />
              </td>
              <td>
                <CellInput
                  label={`Port ${k + 1} port`}
                  value={String(p.port)}
                  onCommit={(t) => (num(t) === undefined ? setError(`"${t}" is not a port number`) : update(k, { port: num(t)! }))}
                />
              </td>
              <td>
                <CellInput
                  label={`Port ${k + 1} targetPort`}
                  value={String(p.targetPort ?? p.port)}
                  onCommit={(t) => update(k, { targetPort: num(t) ?? t.trim() })}
                />
              </td>
              <td>
                <select aria-label={`Port ${k + 1} protocol`} className="cell-input" value={p.protocol} onChange={(e) => update(k, { protocol: e.target.value as ServicePort['protocol'] })}>
                  <option>TCP</option>
                  <option>UDP</option>
                  <option>SCTP</option>
                </select>
              </td>
              {withNodePort && (
                <td>
                  <CellInput
                    label={`Port ${k + 1} nodePort`}
                    value={p.nodePort === undefined ? '' : String(p.nodePort)}
                    onCommit={(t) => (t.trim() === '' ? update(k, { clear: 'nodePort' }) : num(t) === undefined ? setError(`"${t}" is not a port number`) : update(k, { nodePort: num(t)! }))}
                  />
                </td>
              )}
              <td>
                <button type="button" className="btn small ghost" aria-label={`Remove port ${k + 1}`} onClick={() => setError(edit({ ports: service.ports.filter((_, j) => j !== k) }))}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        className="btn small"
        onClick={() => {
          const used = new Set(service.ports.map((p) => p.port));
          let port = 80;
          while (used.has(port)) port += 1;
          setError(edit({ ports: [...service.ports, { port, targetPort: port, protocol: 'TCP', ...(service.ports.length ? { name: `p${port}` } : {}) }] }));
        }}
      >
        Add port
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function CellInput({ label, value, onCommit }: { label: string; value: string; onCommit: (t: string) => void }) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setText(value);
  }
  return (
    <input
      aria-label={label}
      className="cell-input mono"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => text !== value && onCommit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && text !== value) onCommit(text);
        if (e.key === 'Escape') setText(value);
      }}
    />
  );
}

export function ServiceForm({ service }: { service: Service }) {
  const edit = useEdit(service.id);
  const scenario = useEditor((s) => s.scenario);
  const ipvs = scenario.cluster.kubeProxyMode === 'ipvs';
  const endpoints = endpointPods(scenario, service);
  const external = service.type === 'NodePort' || service.type === 'LoadBalancer';
  return (
    <>
      <TextField label="Name" value={service.name} onCommit={(name) => edit({ name })} />
      <TextField label="Namespace" value={service.namespace} onCommit={(namespace) => edit({ namespace })} />
      <SelectField label="Type" value={service.type} options={TYPES.map((t) => ({ value: t, label: t }))} onCommit={(type) => edit({ type })} />
      {service.type === 'ExternalName' ? (
        <TextField label="External name" value={service.externalName ?? ''} onCommit={(externalName) => edit({ externalName: externalName.trim() || undefined })} />
      ) : (
        <TextField label="ClusterIP" mono value={service.clusterIP ?? ''} onCommit={(ip) => edit({ clusterIP: ip.trim() || undefined })} hint='From the service CIDR; "None" makes it headless; empty allocates one.' />
      )}
      <PortsTable service={service} />
      <TextField
        label="Selector"
        mono
        value={formatLabels(service.selector)}
        placeholder="app=web"
        onCommit={(t) => {
          const r = parseLabels(t);
          return r.ok ? edit({ selector: r.value }) : r.error;
        }}
        hint="Pods in the same namespace with all these labels become endpoints."
      />
      <Fact label="Selected pods">{endpoints.length === 0 ? 'none: no pod in the namespace has these labels' : endpoints.map((p) => `${p.name} ${p.ip}`).join(', ')}</Fact>
      {endpoints.length > 0 &&
        endpointsByPort(scenario, service).map((e) => (
          <Fact key={e.port} label={`Endpoints ${e.port}`}>
            {e.endpoints.length ? e.endpoints.join(', ') : 'none: no selected pod serves this targetPort'}
          </Fact>
        ))}
      <SelectField
        label="Session affinity"
        value={service.sessionAffinity}
        options={[
          { value: 'None', label: 'None' },
          { value: 'ClientIP', label: 'ClientIP (same client, same pod)' },
        ]}
        onCommit={(sessionAffinity) => edit({ sessionAffinity })}
      />
      {external && (
        <SelectField label="externalTrafficPolicy" value={service.externalTrafficPolicy} options={POLICIES} onCommit={(externalTrafficPolicy) => edit({ externalTrafficPolicy })} />
      )}
      <SelectField label="internalTrafficPolicy" value={service.internalTrafficPolicy} options={POLICIES} onCommit={(internalTrafficPolicy) => edit({ internalTrafficPolicy })} />
      {ipvs && (
        <SelectField label="IPVS scheduler" value={service.ipvsScheduler} options={SCHEDULERS.map((x) => ({ value: x, label: x }))} onCommit={(ipvsScheduler) => edit({ ipvsScheduler })} />
      )}
    </>
  );
}
