/** Ingress controllers as the scenario holds them: which pods run one and which Services front them (the add edit is in ingress-controller.ts). */
import type { Pod, Scenario, Service } from './schema';

export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
export const INGRESS_NGINX_IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.11.2';
export const INGRESS_NGINX_LABELS: Readonly<Record<string, string>> = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};

/** Images of well-known ingress controllers (ingress-nginx, NGINX Inc's, Traefik, HAProxy, Contour's Envoy, Kong). */
const CONTROLLER_IMAGE =
  /(^|\/)(ingress-nginx\/controller|nginx-ingress|traefik|haproxy-ingress|kubernetes-ingress|contour|kong|kubernetes-ingress-controller)(:|@|$)/;
const CONTROLLER_NAMES = new Set(['ingress-nginx', 'nginx-ingress', 'traefik', 'haproxy-ingress', 'kubernetes-ingress', 'contour', 'kong']);

/** A pod that runs an ingress controller (by its image, or the app.kubernetes.io/name its chart gives it). */
export function isIngressControllerPod(p: Pick<Pod, 'labels' | 'containers'>): boolean {
  const name = p.labels['app.kubernetes.io/name'];
  return (name !== undefined && CONTROLLER_NAMES.has(name)) || p.containers.some((c) => c.image !== undefined && CONTROLLER_IMAGE.test(c.image));
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

/** Services whose pods are all ingress controllers (and there is at least one): what an Ingress's controllerService may be. */
export function ingressControllerServices(s: Pick<Scenario, 'services' | 'pods'>): Service[] {
  return s.services.filter((svc) => {
    if (svc.type === 'ExternalName') return false;
    const pods = s.pods.filter((p) => p.namespace === svc.namespace && selects(svc.selector, p.labels));
    return pods.length > 0 && pods.every(isIngressControllerPod);
  });
}
