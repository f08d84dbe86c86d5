/** The Service inspector: type, ClusterIP, ports, selector and traffic policies; endpoints from the sim. */
import { useState } from 'react';
import type { Service, ServicePort } from '../../sim/index';
import { useT } from '../../i18n/useT';
import type { Translator } from '../../i18n/index';
import { useEditor } from '../state';
import { endpointPods, endpointsByPort } from '../../layout/endpoints';
import { ErrorText, Fact, SelectField, TextField, useFieldError } from './fields';
import { formatLabels, parseLabels } from './fieldText';
import { useEdit } from './useEdit';
import { EndpointSlicesView } from './EndpointSlicesView';

const TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] as const;
const policies = (t: Translator) =>
  [
    { value: 'Cluster', label: t('inspector.policy.cluster') },
    { value: 'Local', label: t('inspector.policy.local') },
  ] as const;
const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'lblcr', 'sh', 'dh', 'sed', 'nq'] as const;

function PortsTable({ service }: { service: Service }) {
  const t = useT();
  const edit = useEdit(service.id);
  const [error, setError] = useFieldError(t('field.ports'));
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
      <legend>{t('field.ports')}</legend>
      <table className="ports">
        <thead>
          <tr>
            <th scope="col">{t('inspector.portColumn.name')}</th>
            <th scope="col">{t('inspector.portColumn.port')}</th>
            <th scope="col">targetPort</th>
            <th scope="col">{t('inspector.portColumn.protocol')}</th>
            {withNodePort && <th scope="col">nodePort</th>}
            <th scope="col">
              <span className="sr-only">{t('inspector.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {service.ports.map((p, k) => (
            <tr key={k}>
              <td>
                <CellInput
                  label={t('inspector.portCell', { n: k + 1, field: 'name' })}
                  value={p.name ?? ''}
                  onCommit={(text) => update(k, text.trim() ? { name: text.trim() } : { clear: 'name' })}
                />
              </td>
              <td>
                <CellInput
                  label={t('inspector.portCell', { n: k + 1, field: 'port' })}
                  value={String(p.port)}
                  onCommit={(text) => (num(text) === undefined ? setError(t('inspector.notPort', { text })) : update(k, { port: num(text)! }))}
                />
              </td>
              <td>
                <CellInput
                  label={t('inspector.portCell', { n: k + 1, field: 'targetPort' })}
                  value={String(p.targetPort ?? p.port)}
                  onCommit={(text) => update(k, { targetPort: num(text) ?? text.trim() })}
                />
              </td>
              <td>
                <select
                  aria-label={t('inspector.portCell', { n: k + 1, field: 'protocol' })}
                  className="cell-input"
                  value={p.protocol}
                  onChange={(e) => update(k, { protocol: e.target.value as ServicePort['protocol'] })}
                >
                  <option>TCP</option>
                  <option>UDP</option>
                  <option>SCTP</option>
                </select>
              </td>
              {withNodePort && (
                <td>
                  <CellInput
                    label={t('inspector.portCell', { n: k + 1, field: 'nodePort' })}
                    value={p.nodePort === undefined ? '' : String(p.nodePort)}
                    onCommit={(text) =>
                      text.trim() === ''
                        ? update(k, { clear: 'nodePort' })
                        : num(text) === undefined
                          ? setError(t('inspector.notPort', { text }))
                          : update(k, { nodePort: num(text)! })
                    }
                  />
                </td>
              )}
              <td>
                <button
                  type="button"
                  className="btn small ghost"
                  aria-label={t('inspector.removePort', { n: k + 1 })}
                  onClick={() => setError(edit({ ports: service.ports.filter((_, j) => j !== k) }))}
                >
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
        {t('inspector.addPort')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          <ErrorText error={error} />
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
  const t = useT();
  const edit = useEdit(service.id);
  const scenario = useEditor((s) => s.scenario);
  const ipvs = scenario.cluster.kubeProxyMode === 'ipvs';
  const endpoints = endpointPods(scenario, service);
  const external = service.type === 'NodePort' || service.type === 'LoadBalancer';
  return (
    <>
      <TextField label={t('field.name')} value={service.name} onCommit={(name) => edit({ name })} />
      <TextField label={t('field.namespace')} value={service.namespace} onCommit={(namespace) => edit({ namespace })} />
      <SelectField label={t('field.type')} value={service.type} options={TYPES.map((x) => ({ value: x, label: x }))} onCommit={(type) => edit({ type })} />
      {service.type === 'ExternalName' ? (
        <TextField
          label={t('inspector.externalName')}
          value={service.externalName ?? ''}
          onCommit={(externalName) => edit({ externalName: externalName.trim() || undefined })}
        />
      ) : (
        <TextField
          label={t('field.clusterIP')}
          mono
          value={service.clusterIP ?? ''}
          onCommit={(ip) => edit({ clusterIP: ip.trim() || undefined })}
          hint={t('inspector.clusterIpHint')}
        />
      )}
      <PortsTable service={service} />
      <TextField
        label={t('field.selector')}
        mono
        value={formatLabels(service.selector)}
        placeholder="app=web"
        onCommit={(text) => {
          const r = parseLabels(text);
          return r.ok ? edit({ selector: r.value }) : r.error;
        }}
        hint={t('inspector.selectorHint')}
      />
      <Fact label={t('inspector.selectedPods')}>
        {endpoints.length === 0 ? t('inspector.noSelectedPods') : endpoints.map((p) => `${p.name} ${p.ip}`).join(', ')}
      </Fact>
      {endpoints.length > 0 &&
        endpointsByPort(scenario, service).map((e) => (
          <Fact key={e.port} label={t('inspector.endpointsOf', { port: e.port })}>
            {e.endpoints.length ? e.endpoints.join(', ') : t('inspector.noEndpoints')}
          </Fact>
        ))}
      <EndpointSlicesView service={service} />
      <SelectField
        label={t('field.sessionAffinity')}
        value={service.sessionAffinity}
        options={[
          { value: 'None', label: 'None' },
          { value: 'ClientIP', label: t('inspector.affinity.clientIp') },
        ]}
        onCommit={(sessionAffinity) => edit({ sessionAffinity })}
      />
      {external && (
        <SelectField
          label={t('field.externalTrafficPolicy')}
          value={service.externalTrafficPolicy}
          options={policies(t)}
          onCommit={(externalTrafficPolicy) => edit({ externalTrafficPolicy })}
        />
      )}
      <SelectField
        label={t('field.internalTrafficPolicy')}
        value={service.internalTrafficPolicy}
        options={policies(t)}
        onCommit={(internalTrafficPolicy) => edit({ internalTrafficPolicy })}
      />
      {ipvs && (
        <SelectField
          label={t('inspector.ipvsScheduler')}
          value={service.ipvsScheduler}
          options={SCHEDULERS.map((x) => ({ value: x, label: x }))}
          onCommit={(ipvsScheduler) => edit({ ipvsScheduler })}
        />
      )}
    </>
  );
}
