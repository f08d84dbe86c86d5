/** 句子里的元素类型（校验、发送表单和追踪的句子共用）。 */
export const KIND: Record<string, string> = {
  subnet: '子网',
  router: '路由器',
  node: '节点',
  pod: 'Pod',
  client: '集群外客户端',
  service: '服务',
  loadBalancer: '负载均衡器',
  ingress: 'Ingress',
  element: '元素',
};
