/** Element kinds as English sentences name them (shared by the editor's, the send form's and the tracer's sentences). */
export const KIND: Record<string, string> = {
  subnet: 'subnet',
  router: 'router',
  node: 'node',
  pod: 'pod',
  client: 'outside client',
  service: 'Service',
  loadBalancer: 'load balancer',
  ingress: 'Ingress',
  element: 'element',
};
