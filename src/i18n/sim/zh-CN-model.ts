/** 校验问题和编辑错误的简体中文（见 zh-CN.ts）。 */
import type { MODEL_CODES } from '../../sim/messages/codes-model';
import type { SimDictionary } from './format';
import { KIND } from './zh-CN-kinds';

export { KIND } from './zh-CN-kinds';

const FOR: Record<string, string> = { router: '可分配给 {name}', node: '可分配给新节点', host: '可分配给新主机', loadBalancer: '可分配给负载均衡器', any: '' };

export const zhModel: Pick<SimDictionary, keyof typeof MODEL_CODES> = {
  'problem.duplicate-id': (p) => `id ${p.id} 被使用了两次`,
  'problem.duplicate-name': (p) => `已经有一个${KIND[p.kind]}叫 ${p.name}`,
  'problem.service-cidr-overlaps-pod-cidr': (p) => `服务 CIDR ${p.serviceCidr} 与 Pod CIDR ${p.podCidr} 重叠`,
  'problem.node-prefix-too-big': (p) => `Pod CIDR ${p.podCidr} 放不下每个节点一个 /${p.prefix}`,
  'problem.cidr-not-aligned': (p) => `${p.cidr} 不是网络地址，是不是想写 ${p.suggestion}？`,
  'problem.subnets-overlap': (p) => `子网 ${p.subnet}（${p.cidr}）与子网 ${p.other}（${p.otherCidr}）重叠`,
  'problem.subnet-overlaps-cluster': (p) => `子网 ${p.subnet}（${p.cidr}）与集群的${p.range === 'pod' ? ' Pod ' : '服务 '}CIDR ${p.rangeCidr} 重叠`,
  'problem.gateway-outside-subnet': (p) => `网关 ${p.gateway} 不在 ${p.cidr} 内`,
  'problem.gateway-not-router': (p) => `${p.subnet} 上没有路由器使用 ${p.gateway}，这个子网里的主机出不去`,
  'problem.subnet-missing': (p) => `${p.name} 所在的子网 ${p.subnet} 不存在`,
  'problem.ip-outside-subnet': (p) => `${p.name} 的地址 ${p.ip} 不在它的子网 ${p.subnet}（${p.cidr}）内`,
  'problem.ip-network-or-broadcast': (p) => `${p.ip} 是 ${p.cidr} 的网络地址或广播地址`,
  'problem.ip-in-use': (p) => `${p.ip} 已被 ${p.subnet} 上的 ${p.owner} 使用`,
  'problem.route-via-unreachable': (p) => `去往 ${p.dst} 的下一跳 ${p.via} 不在 ${p.router} 连接的任何子网上`,
  'problem.pod-cidr-outside-cluster': (p) => `${p.node} 的 Pod CIDR ${p.podCidr} 不在集群的 Pod CIDR ${p.clusterCidr} 内`,
  'problem.pod-cidrs-overlap': (p) => `${p.node} 的 Pod CIDR ${p.podCidr} 与 ${p.other} 的 ${p.otherCidr} 重叠`,
  'problem.pod-node-missing': (p) => `Pod ${p.pod} 被调度到的节点 ${p.node} 不存在`,
  'problem.pod-ip-outside-node-cidr': (p) => `Pod ${p.pod} 的 IP ${p.ip} 不在 ${p.node} 的 Pod CIDR ${p.podCidr} 内`,
  'problem.pod-ip-reserved': (p, f) => `${p.ip} 在 ${p.node} 上是保留地址（网络地址、广播地址或 ${f.code('cni0')} 网关 ${p.gateway}）`,
  'problem.pod-ip-outside-pool': (p) => `Pod ${p.pod} 的 IP ${p.ip} 不在 Calico IP 池 ${p.pool} 内`,
  'problem.pod-ip-in-use': (p) => `Pod IP ${p.ip} 已被 Pod ${p.owner} 使用`,
  'problem.address-in-use': (p, f) =>
    `${p.what === 'podIp' ? 'Pod IP ' : p.what === 'clusterIp' ? 'ClusterIP ' : ''}${p.ip} 已被${p.subnet ? ` ${p.subnet} 上的` : ''}${p.what === 'podIp' ? ' Pod' : p.what === 'clusterIp' ? '服务' : ''} ${f.list(p.others)} 使用`,
  'problem.no-cluster-dns': () => '这个集群没有 CoreDNS（kube-system 中没有 kube-dns 服务），Pod 无法按名称查找服务；“添加集群 DNS”可以安装它',
  'problem.no-coredns-pods': () => 'kube-system/kube-dns 后面没有运行 CoreDNS Pod，Pod 无法按名称查找服务；“添加集群 DNS”可以把它们恢复',
  'problem.not-an-ingress-controller': (p, f) =>
    `Ingress ${p.ingress} 的控制器服务必须指向一个 Ingress 控制器（例如 ingress-nginx），但服务 ${p.service} ${p.wrong.length === 0 ? '没有选中任何 Pod' : `选中的 ${f.list(p.wrong)} 不是 Ingress 控制器 Pod`}；请从组件面板添加一个 Ingress 控制器，并选择它的服务`,
  'problem.port-conflict': (p) => `容器 ${p.first} 和 ${p.second} 都监听 ${p.port}；它们共享 Pod 的网络命名空间，不能绑定同一个端口`,
  'problem.cluster-ip-outside-range': (p) => `ClusterIP ${p.ip} 不在服务 CIDR ${p.serviceCidr} 内`,
  'problem.cluster-ip-in-use': (p) => `ClusterIP ${p.ip} 已被服务 ${p.owner} 使用`,
  'problem.node-port-outside-range': (p, f) => `${f.code(p.field)} ${p.port} 超出了 ${p.min}-${p.max} 的范围`,
  'problem.node-port-in-use': (p) => `nodePort ${p.port} 已被服务 ${p.owner} 使用`,
  'problem.health-check-port-in-use': (p) => `healthCheckNodePort ${p.port} 已经是服务 ${p.owner} 的 nodePort`,
  'problem.lb-service-missing': (p) => `负载均衡器 ${p.lb} 对应的服务 ${p.service} 不存在`,
  'problem.external-name-missing': (p) => `ExternalName 服务 ${p.service} 需要填写 externalName（它的 CNAME 指向的域名）`,
  'problem.headless-wrong-type': (p) => `无头服务（clusterIP None）的类型必须是 ClusterIP，而不是 ${p.type}`,
  'problem.service-no-ports': (p) => `服务 ${p.service} 没有端口，kube-proxy 不会为它写任何规则`,
  'problem.target-port-unresolved': (p, f) => `targetPort ${p.targetPort} 不是 ${f.list(p.pods)} 的 ${p.protocol} 容器端口，这些 Pod 不会出现在端点中`,
  'problem.lb-service-wrong-type': (p) =>
    `负载均衡器 ${p.lb} 对应的 ${p.service} 类型是 ${p.type}，不是 LoadBalancer（${p.nodePorts ? '它有' : '它没有'}可转发的 NodePort）`,
  'problem.ingress-no-controller': (p) => `Ingress ${p.ingress} 没有指定 controllerService，没有控制器为它服务`,
  'problem.ingress-controller-missing': (p) => `为 Ingress ${p.ingress} 服务的服务 ${p.service} 不存在`,
  'problem.ingress-backend-missing': (p) => `后端服务 ${p.service} 不存在（Ingress 只能访问同一命名空间中的服务）`,
  'problem.ingress-backend-no-port': (p) => `服务 ${p.service} 没有端口 ${p.port}`,

  'edit.no-such': (p) => `没有${KIND[p.kind]} ${p.id}`,
  'edit.no-free-subnet': (_p, f) => `${f.code('192.168.0.0/16')} 和 ${f.code('172.16.0.0/12')} 中已经没有空闲的 /24 可用作新子网`,
  'edit.router-needs-subnet': () => '路由器要接在子网上：请先添加一个子网',
  'edit.router-has-interface': (p) => `${p.router} 在 ${p.subnet} 上已经有一个接口`,
  'edit.router-no-interface': (p) => `${p.router} 在 ${p.subnet} 上没有接口`,
  'edit.router-last-interface': (p) => `路由器至少要有一个接口；如果不需要了，请直接删除 ${p.router}`,
  'edit.subnet-full': (p) => `${p.subnet}（${p.cidr}）中没有空闲地址${FOR[p.for]!.replace('{name}', p.name ?? '')}`,
  'edit.node-needs-subnet': (_p, f) => `节点的 ${f.code('eth0')} 要接在子网上：请先添加一个子网`,
  'edit.no-pod-cidr-left': (p) => `集群的 Pod CIDR ${p.cidr} 中已经没有空闲的 /${p.prefix} 可分给新节点`,
  'edit.pod-needs-node': () => 'Pod 运行在节点上：请先添加一个集群节点',
  'edit.pod-drop-on-node': () => '请把 Pod 拖到某个集群节点上：Pod 的 IP 来自所在节点的 Pod CIDR',
  'edit.node-pod-cidr-full': (p) => `${p.node} 的 Pod CIDR ${p.cidr} 中已经没有空闲地址`,
  'edit.not-on-subnet': () => '只有节点、集群外客户端和负载均衡器才接在子网上',
  'edit.client-needs-subnet': () => '集群外客户端需要一个子网：请先添加一个子网',
  'edit.node-ports-full': (p) => `NodePort 范围 ${p.min}-${p.max} 已经用完`,
  'edit.service-cidr-full': (p) => `服务 CIDR ${p.cidr} 已经用完`,
  'edit.lb-needs-service': () => '负载均衡器要对应一个服务：请先添加一个服务',
  'edit.lb-needs-subnet': () => '负载均衡器的公网 IP 需要一个子网：请先添加一个子网',
  'edit.subnet-too-small': (p) => `${p.cidr} 太小，放不下 ${p.subnet} 上已有的主机`,
  'edit.pod-cidr-too-small': (p) => `Pod CIDR ${p.cidr} 太小，放不下这个节点上的 Pod`,
  'edit.pod-cidr-too-few-blocks': (p, f) => `${p.cidr} 中的 /${p.prefix} 地址块不够分给 ${f.count(p.nodes)} 个节点`,
  'edit.service-cidr-too-small': (p, f) => `服务 CIDR ${p.cidr} 太小，放不下 ${f.count(p.services)} 个服务`,
  'edit.name-too-long': (p, f) => `场景名称最多 ${f.count(p.max)} 个字符`,
  'edit.description-too-long': (p, f) => `描述最多 ${f.count(p.max)} 个字符`,
  'edit.dns-address-taken': (p) => `DNS 地址 ${p.ip} 已被服务 ${p.service} 占用：请先修改它的 ClusterIP`,
  'edit.dns-present': () => '这个集群已经有 CoreDNS 了：kube-dns 服务和它的 Pod 都在',
  'edit.ingress-controller-needs-node': () => 'Ingress 控制器以 Pod 的形式运行在节点上：请先添加一个集群节点',
  'edit.policy-name-taken': (p) => `已经有一个 NetworkPolicy 叫 ${p.name}`,
  'edit.id-taken': (p) => `id ${p.id} 已被另一个元素使用`,
  'edit.no-policy': (p) => `没有 id 为 ${p.id} 的 NetworkPolicy`,
  'edit.field': (p) => `${p.field}：${p.issue}`,

  'schema.ipv4': (_p, f) => `不是 IPv4 地址（应类似 ${f.code('192.168.1.10')}）`,
  'schema.cidr': (_p, f) => `不是 IPv4 CIDR（应类似 ${f.code('10.244.0.0/16')}）`,
  'schema.dns-domain': (_p, f) => `不是合法的 DNS 域名（应类似 ${f.code('cluster.local')}：由小写字母、数字和“-”组成的标签，用“.”连接）`,
  'schema.k8s-name': () => 'Kubernetes 名称只能由小写字母、数字和“-”组成（RFC 1123 标签）',
  'schema.peer-empty': () => '对端至少要有 podSelector、namespaceSelector 或 ipBlock 之一（API 的要求）',
  'schema.peer-ipblock-mixed': () => '同一个对端里，ipBlock 不能和 podSelector 或 namespaceSelector 同时出现',
  'schema.end-port': () => 'endPort 要求 port 是数字，且不能小于 port',
  'schema.id': () => 'id 只能由字母、数字和“-”“_”“.”“:”组成',
  'schema.reserved-key': (p) => `${p.key} 在这里不能用作标签键（它是 JavaScript 对象的内置属性名），请换个名字`,
  'schema.too-small': (p, f) =>
    p.origin === 'string'
      ? `至少需要${p.inclusive ? '' : '多于'} ${f.count(p.min)} 个字符`
      : p.origin === 'array'
        ? `至少需要${p.inclusive ? '' : '多于'} ${f.count(p.min)} 项`
        : `必须${p.inclusive ? '大于等于' : '大于'} ${p.min}`,
  'schema.too-big': (p, f) =>
    p.origin === 'string'
      ? `最多${p.inclusive ? '' : '少于'} ${f.count(p.max)} 个字符`
      : p.origin === 'array'
        ? `最多${p.inclusive ? '' : '少于'} ${f.count(p.max)} 项`
        : `必须${p.inclusive ? '小于等于' : '小于'} ${p.max}`,
  'schema.not-integer': () => '必须是整数',
  'schema.required': () => '不能缺少',
  'schema.not-empty': () => '不能为空',
  'schema.number': (p) => {
    const what = p.int ? '整数' : '数字';
    const range =
      p.min !== undefined && p.max !== undefined
        ? `${p.min} 到 ${p.max} 之间的${what}`
        : p.min !== undefined
          ? `不小于 ${p.min} 的${what}`
          : p.max !== undefined
            ? `不大于 ${p.max} 的${what}`
            : what;
    return `必须是${/^\d/.test(range) ? ' ' : ''}${range}${p.given ? `（而不是 ${p.given}）` : ''}`;
  },
  'schema.invalid-type': (p) =>
    `类型不对，应当是${{ string: '文本', number: '数字', boolean: ' true 或 false', array: '列表', object: '映射（对象）', other: '其他类型' }[p.expected]}${p.given ? `（而不是 ${p.given}）` : ''}`,
  'schema.invalid-value': (p, f) =>
    `必须是 ${f.or(p.values.map((v) => `“${v}”`))}${p.values.length > 1 ? ' 之一' : ''}${p.given ? `（而不是 ${p.given}）` : ''}`,
  'schema.unknown-keys': (p, f) => `未知字段 ${f.list(p.keys)}`,
  'schema.invalid': (p) => `无效（${p.detail}）`,

  'text.not-key-value': (p) => `${p.item} 不是 key=value 的形式`,
  'text.bad-label-key': (p) => `${p.key} 不是合法的标签键（只能用字母、数字、“-”、“_”、“.”，可带一个“前缀/”）`,
  'text.bad-label-value': (p) => `${p.value} 不是合法的标签值（只能用字母、数字、“-”、“_”、“.”，且以字母或数字开头和结尾）`,
  'text.duplicate-label': (p) => `标签 ${p.key} 写了两次`,
  'text.not-a-port': (p) => `${p.item} 不是端口（例如 ${p.example}）`,
  'text.port-range': (p) => `${p.port} 不是合法的端口号（1-65535）`,
  'text.not-a-route': (p, f) => `${p.line} 不是 ${f.code('CIDR via NEXT-HOP')} 的形式（例如 ${p.example}）`,
  'text.not-a-rule': (p, f) => `${p.line} 不是 ${f.code('HOST/PATH -> SERVICE:PORT')} 的形式（例如 ${p.example}）`,
  'text.namespace-name-label': (p, f) => `${f.code('kubernetes.io/metadata.name')} 由控制平面设置为命名空间自己的名字（${p.namespace}），不能修改`,
};
