/** Adding elements: each palette drop as the pure `sim` edit that allocates its addresses (part of the editing code, src/store/editing-code.ts). */
import {
  addClient,
  addIngress,
  addIngressController,
  addLoadBalancer,
  addNode,
  addPod,
  addRouter,
  addService,
  addSubnet,
  scheduleSystemPods,
} from '../sim/editing';
import { ingressControllerServices, type EditResult, type Scenario } from '../sim/index';
import type { AddRequest } from './editorTypes';

/** The edit a drop asks for; an Ingress is wired to the cluster's ingress controller when there is one. */
export function applyAdd(s: Scenario, req: AddRequest): EditResult {
  switch (req.kind) {
    case 'subnet':
      return addSubnet(s, { position: req.position });
    case 'router':
      return addRouter(s, { subnets: req.subnets, position: req.position });
    case 'node': {
      const r = addNode(s, { subnet: req.subnet, position: req.position });
      // The cluster's first node: CoreDNS's pending pods are scheduled on it.
      return r.ok ? { ...r, scenario: scheduleSystemPods(s, r.scenario) } : r;
    }
    case 'pod':
      return addPod(s, { node: req.node });
    case 'client':
      return addClient(s, { subnet: req.subnet, position: req.position });
    case 'service':
      return addService(s, { position: req.position, selector: req.selector });
    case 'loadBalancer':
      return addLoadBalancer(s, { service: req.service, subnet: req.subnet, position: req.position });
    case 'ingress': {
      const r = addIngress(s, { position: req.position, service: req.service });
      // An Ingress is served by the cluster's ingress controller.
      const controller = ingressControllerServices(s)[0];
      if (!r.ok || !controller || !r.id) return r;
      const id = r.id;
      return {
        ...r,
        scenario: {
          ...r.scenario,
          ingresses: r.scenario.ingresses.map((i) => (i.id === id ? { ...i, controllerService: controller.id, ingressClassName: 'nginx' } : i)),
        },
      };
    }
    case 'ingressController':
      return addIngressController(s, { node: req.node, subnet: req.subnet, position: req.position });
  }
}
