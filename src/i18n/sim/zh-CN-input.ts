/** 从外部读入的内容（场景文件和链接、清单、网络策略的 YAML）的中文消息（见 codes-input.ts）。 */
import type { INPUT_CODES } from '../../sim/messages/codes-input';
import type { SimDictionary } from './format';

const OBJECT: Record<string, string> = {
  metadata: '带名称的对象（metadata）',
  'pod-spec': '包含容器的 Pod spec',
  'pod-template': 'Pod 模板（metadata、spec）',
  selector: '标签选择器（matchLabels）',
  'workload-spec': '包含 selector 和 template 的 spec',
  'job-spec': '包含 template 的 spec',
  backend: '指向某个服务的后端',
  'backend-service': '形如 service: { name, port } 的后端服务',
  'policy-spec': 'NetworkPolicy 的 spec',
};

export const zhInput: Pick<SimDictionary, keyof typeof INPUT_CODES> = {
  'input.not-object': () => '场景必须是一个 JSON 对象',
  'input.not-json': (p) => `不是合法的 JSON：${p.detail}`,
  'input.version-missing': (p) => `缺少版本号；本应用读取的是第 ${p.version} 版`,
  'input.version-invalid': (p) => `必须是整数（本应用读取的是第 ${p.version} 版）`,
  'input.version-newer': (p) => `第 ${p.given} 版比本应用能读懂的版本（${p.version}）更新，请更新应用`,
  'input.too-many-elements': (p, f) =>
    `场景里有 ${f.count(p.elements)} 个元素（子网、路由器、节点、Pod、客户端、服务、负载均衡器、Ingress），最多只能打开 ${f.count(p.max)} 个`,
  'input.too-many-values': (p, f) => `场景里的值（标签、端口、规则等）超过了 ${f.count(p.max)} 个，最多只能打开 ${f.count(p.max)} 个`,
  'input.file-too-large': (p) => `文件超过了 ${p.mb} MB`,
  'input.file-unreadable': () => '浏览器无法读取这个文件',
  'input.not-lesson-id': () => '不是课程编号',
  'input.no-free-pod-cidr': (p) => `集群的 Pod CIDR ${p.podCidr} 里已经没有空闲的 /${p.prefix}${p.node ? ` 可以分给节点 ${p.node}` : ''}`,
  'input.pod-node-missing': (p) => `Pod ${p.pod} 所在的节点 ${p.node} 不存在`,
  'input.no-free-pod-ip': (p) => `${p.pod ? `Pod ${p.pod}：` : ''}节点 ${p.node} 的 ${p.podCidr} 里已经没有空闲地址`,
  'input.calico-pool-full': (p) => `Pod ${p.pod}：Calico IP 池 ${p.pool} 里已经没有空闲地址`,
  'input.service-cidr-full': (p) => `服务 CIDR ${p.serviceCidr} 已经分配完了`,
  'input.node-ports-full': (_p, f) => `NodePort 范围 ${f.code('30000-32767')} 已经分配完了`,
  'input.no-variant': (p) => `不是有效的值${p.given ? `（${p.given}）` : ''}`,
  'input.at': (p) => `${p.path}：${p.issue}`,

  'manifest.at': (p) =>
    `${p.source ? `${p.source}：` : ''}第 ${p.doc} 个文档${p.ref ? `（${p.ref}）` : ''}${p.line ? `，第 ${p.line} 行` : ''}：${p.path ? `${p.path}：` : ''}${p.issue}`,
  'manifest.not-yaml': (p) => `不是合法的 YAML：${p.detail}`,
  'manifest.not-object': (_p, f) => `这里应当是一个 Kubernetes 对象（包含 ${f.code('apiVersion')}、${f.code('kind')} 和 ${f.code('metadata')} 的映射）`,
  'manifest.list-items': () => '这里应当是一个对象列表',
  'manifest.list-item': () => '这里应当是一个 Kubernetes 对象',
  'manifest.needs-kind': (_p, f) => `缺少字段：每个对象都需要 ${f.code('apiVersion')} 和 ${f.code('kind')}`,
  'manifest.ignored-kind': (p) => `已忽略：${p.kind} 类型与网络无关`,
  'manifest.api-version': (p, f) => `${p.kind} 的 apiVersion 是 ${f.or(p.versions)}，而不是 ${p.given}`,
  'manifest.duplicate': (p) => `重复：${p.source ? `${p.source} 的` : ''}第 ${p.doc} 个文档已经定义了 ${p.ref}`,
  'manifest.schema.dns-label': () => '应当是 DNS-1123 标签：小写字母、数字和“-”，最多 63 个字符',
  'manifest.schema.dns-subdomain': () => '应当是 DNS-1123 子域名：小写字母、数字、“-”和“.”',
  'manifest.schema.string-value': () => '值必须是字符串（数字和布尔值要加引号）',
  'manifest.schema.string-map': () => '应当是字符串到字符串的映射',
  'manifest.schema.port-name': () => '端口名最多 15 个字符',
  'manifest.schema.port-or-name': () => '应当是 1-65535 的端口号或端口名',
  'manifest.schema.needs-container': () => 'Pod 至少需要一个容器',
  'manifest.schema.path-slash': () => '路径必须以“/”开头',
  'manifest.schema.needs-path': () => '至少需要一条路径',
  'manifest.schema.endpoint-address': () => '端点至少要有一个地址',
  'manifest.schema.object': (p) => `这里应当是${OBJECT[p.what]}`,
  'manifest.scenario-invalid': (p) => `导入后得到的场景无效：${p.issue}`,
  'manifest.node-no-subnet': (p) => (p.ip ? `集群里没有哪个子网包含这个节点的 InternalIP ${p.ip}` : '这个节点没有 InternalIP，无法放进集群'),
  'manifest.external-name-missing': (_p, f) => `缺少字段：ExternalName 类型的服务需要 ${f.code('externalName')}`,
  'manifest.lb-not-provisioned': () => 'LoadBalancer 类型：导入时不会创建云负载均衡器（它的 NodePort 可以正常使用；可以从组件栏添加一个负载均衡器）',
  'manifest.slice-no-service': (p, f) => `清单里没有服务 ${p.namespace}/${p.service ?? `（缺少 ${f.code('kubernetes.io/service-name')} 标签）`}，已略过`,
  'manifest.slice-has-selector': (p) => `服务 ${p.service} 有选择器，它的端点由 EndpointSlice 控制器根据 Pod 计算，这个对象已略过`,
  'manifest.slice-address-type': (p) => `addressType 为 ${p.type}：这里只模拟 IPv4，已略过`,
  'manifest.unschedulable': (p) => `Pod ${p.pod} 无法调度：${p.why}`,
  'manifest.no-such-node': (p) => `集群里没有节点 ${p.node}`,
  'manifest.scheduler-event': (p) => `调度器报告 ${p.event}`,
  'manifest.host-network': (p) => `Pod ${p.pod}：这里不模拟 hostNetwork，它会得到一个 Pod 地址`,
  'manifest.selector-mismatch': (p, f) => `选择器与模板的标签不匹配（缺少 ${f.list(p.missing)}）`,
  'manifest.ingress-rule-no-paths': () => '没有 http 路径的规则不路由任何请求，已略过',
  'manifest.ingress-port': () => '应当是端口号或端口名',
  'manifest.no-ingress-controller': () => '集群里没有 Ingress 控制器的服务（ingress-nginx），暂时没有控制器处理这个 Ingress',
  'manifest.service-selects-nothing': (p) => `服务 ${p.service} 的选择器（${p.selector}）没有选中任何 Pod：它没有端点`,
  'manifest.pod-ip-reassigned': (p) => `Pod ${p.pod}：status.podIP ${p.ip} 在所在节点的 Pod CIDR ${p.podCidr} 里不可用，改为分配 ${p.got}`,
  'manifest.cluster-ip-reassigned': (p) => `spec.clusterIP ${p.ip} 在本集群的服务 CIDR ${p.serviceCidr} 里不可用，服务改为分配 ${p.got}`,
  'manifest.node-port-reassigned': (p, f) => `${p.field} ${p.port} 已被占用或不在 ${f.code('30000-32767')} 范围内，服务改为分配 ${p.got}`,

  'inspect.unknown-node': (p, f) =>
    `没有节点 ${p.ref}；已有的节点：${p.nodes.length ? f.list(p.nodes) : '无'}${p.routers.length ? `；路由器：${f.list(p.routers)}` : ''}`,
  'inspect.unknown-pod': (p, f) => `没有 Pod ${p.ref}；已有的 Pod：${p.pods.length ? f.list(p.pods) : '无'}`,
  'inspect.unknown-tool': (p, f) =>
    `${{ node: '节点', router: '路由器', client: '外部主机', pod: 'Pod ' }[p.kind]}上没有工具 ${p.tool}；可用的有：${f.or(p.tools)}`,

  'match.missing': () => '路由表里没有这一条：节点需要这条路由，但内核拒绝添加',

  'match.no-ingress-rule': () => '没有规则匹配，也没有 defaultBackend',
  'match.no-endpoints': () => '后端没有可以转发的端点',

  'policy-yaml.not-object': () => '这里应当是一个 NetworkPolicy 对象',
  'policy-yaml.wrong-field': (p) => `${p.field}：应当是 ${p.expected}，而不是 ${p.given}`,
};
