/**
 * A Service's EndpointSlices as kube-proxy reads them: per slice its ports, and per endpoint its
 * address, conditions {ready, serving, terminating}, nodeName and pod. Computed by the simulation.
 */
import { topology, type Scenario, type Service } from '../../sim/index';
import { endpointSlices } from '../../sim/editing';
import { useT } from '../../i18n/useT';
import { useEditor } from '../state';
import './slices.css';

const selectScenario = (s: { scenario: Scenario }) => s.scenario;

export function EndpointSlicesView({ service }: { service: Service }) {
  const t = useT();
  const scenario = useEditor(selectScenario);
  const slices = endpointSlices(topology(scenario), service);
  if (slices.length === 0) return null;
  const yn = (b: boolean) => (b ? t('inspector.slice.yes') : t('inspector.slice.no'));
  return (
    <fieldset className="group slices" data-testid="endpoint-slices">
      <legend>{t('inspector.endpointSlices')}</legend>
      {slices.map((s) => (
        <div key={s.name} className="slice">
          <div className="slice-head mono">
            {s.name} · {s.ports.length ? s.ports.map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol}`).join(', ') : '—'}
          </div>
          {s.endpoints.length === 0 ? (
            <p className="muted">{t('inspector.slice.empty')}</p>
          ) : (
            <table className="slice-table">
              <thead>
                <tr>
                  <th>{t('inspector.slice.address')}</th>
                  <th>{t('inspector.slice.conditions')}</th>
                  <th>{t('inspector.slice.node')}</th>
                  <th>{t('inspector.slice.pod')}</th>
                </tr>
              </thead>
              <tbody>
                {s.endpoints.map((e) => (
                  <tr
                    key={e.address}
                    className={e.conditions.ready ? 'ready' : e.conditions.terminating ? 'terminating' : 'not-ready'}
                    data-testid="slice-endpoint"
                  >
                    <td className="mono">{e.address}</td>
                    <td>
                      {yn(e.conditions.ready)} / {yn(e.conditions.serving)} / {yn(e.conditions.terminating)}
                    </td>
                    <td className="mono">{e.nodeName ?? '—'}</td>
                    <td className="mono">{e.targetRef?.name ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </fieldset>
  );
}
