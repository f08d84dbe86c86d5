/**
 * `--show endpointslices [--service NAME]`: the Services' EndpointSlices as
 * `kubectl get endpointslices -o yaml` prints them (a List), the objects kube-proxy reads.
 */
import { stringify } from 'yaml';
import { topology, type Scenario } from '../sim/index';
import { endpointSliceObject, endpointSlices } from '../sim/editing';
import type { CliOutcome } from './outcome';
import type { Locale } from '../i18n/locale';
import { nameList, say } from './words';

export function showEndpointSlices(s: Scenario, service?: string, lang: Locale = 'en'): CliOutcome {
  const t = topology(s);
  let services = s.services;
  if (service !== undefined) {
    const ref = service.includes('/') ? service : `svc/${service}`;
    const id = t.kindOf.get(service) === 'service' ? service : t.byName.get(ref);
    const svc = id ? t.services.get(id) : undefined;
    if (!svc)
      return {
        code: 2,
        stdout: '',
        stderr: `${say(lang, 'error', {
          text: say(lang, 'unknownService', {
            name: service,
            names: nameList(
              lang,
              s.services.map((x) => x.name),
            ),
          }),
        })}\n`,
      };
    services = [svc];
  }
  const items = services.flatMap((svc) => endpointSlices(t, svc).map(endpointSliceObject));
  return { code: 0, stdout: stringify({ apiVersion: 'v1', kind: 'List', items }, { lineWidth: 0 }), stderr: '' };
}
