/**
 * Why a Service has no endpoint to send to, in the tracer's words (kube-proxy's REJECT, an IPVS
 * virtual server without real servers, an ingress backend without endpoints). Apart from
 * endpoints.ts, which the editor uses too: these sentences are the tracer's and load with it.
 */
import type { Service, ServicePort } from '../model/schema';
import type { Topology } from '../model/topology';
import { msg, type Message } from '../messages/index';
import { resolveTargetPort, selectPods } from './endpoints';

/**
 * Why a Service has no endpoint to send to, for the drop: "3 pods match its selector app=web, none
 * of them Ready (2 not Ready, 1 terminating)", or that its selector matches no pod.
 */
export function noEndpointsWhy(t: Topology, svc: Service, port?: ServicePort): Message {
  const selector = Object.entries(svc.selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  if (Object.keys(svc.selector).length === 0) {
    const n = svc.endpoints?.length ?? 0;
    return n === 0 ? msg('why.no-selector-no-endpoints', { service: svc.name }) : msg('why.given-endpoints-not-ready', { n, service: svc.name });
  }
  const pods = selectPods(t, svc);
  if (pods.length === 0) return msg('why.selector-matches-nothing', { namespace: svc.namespace, selector });
  const serving = port ? pods.filter((p) => resolveTargetPort(p, port) !== undefined) : pods;
  if (serving.length === 0) return msg('why.no-target-port', { n: pods.length, selector, port: String(port?.targetPort ?? port?.port) });
  const notReady = serving.filter((p) => p.readiness === 'NotReady').length;
  const terminating = serving.filter((p) => p.readiness === 'Terminating').length;
  return msg('why.none-ready', { n: serving.length, selector, notReady, terminating });
}
