/**
 * 模拟器消息的简体中文。术语按 Kubernetes 中文文档的用法：节点、服务、端点、网桥、封装/解封装、
 * 源地址转换（SNAT）/目的地址转换（DNAT）；接口名、链名、规则和命令输出保持工具打印的原样（作为代码参数传入）。
 * 每个句子按中文习惯重写，不逐词对译英文。
 */
import type { SimDictionary } from './format';
import type { TRACE_CODES } from '../../sim/messages/codes-trace';
import { KIND } from './zh-CN-kinds';

type TraceCode = keyof typeof TRACE_CODES;

const closed = (tcp: boolean) => (tcp ? '内核回复 TCP RST' : '内核回复 ICMP 端口不可达');

/** 追踪的句子：随追踪器一起加载（./trace-messages.ts），不在语言包里，中文读者首屏之前不必下载。 */
export const zhTrace: Pick<SimDictionary, TraceCode> = {
  'reason.no-route': () => '没有路由匹配目的地址，数据包无法转发（ICMP 网络不可达）。',
  'reason.not-l2-adjacent': (_p, f) =>
    `flannel 的 host-gw 模式要求节点位于同一个二层子网：它写入的路由“${f.code('podCIDR via nodeIP')}”只能以直连网络上的地址作为下一跳。`,
  'reason.host-unreachable': () => '该网段上没有主机响应下一跳的 ARP 请求（ICMP 主机不可达）。',
  'reason.ttl-exceeded': () => '转发途中 TTL 减到了零（ICMP 超时），通常说明存在路由环路。',
  'reason.port-closed': () => '目的地上没有进程监听这个端口（TCP RST 或 ICMP 端口不可达）。',
  'reason.no-endpoints': () => '该服务没有就绪的端点，kube-proxy 以 REJECT 拒绝连接（ICMP 端口不可达）。',
  'reason.no-local-endpoints': (_p, f) => `流量策略为 ${f.code('Local')}（externalTrafficPolicy 或 internalTrafficPolicy），而本节点上没有端点，数据包被丢弃。`,
  'reason.nxdomain': () => '该域名不存在（DNS NXDOMAIN）。',
  'reason.dns-unavailable': () => '没有 DNS 服务器应答：集群 DNS 服务没有端点，或者根本不存在。',
  'reason.unknown-destination': () => '目的地既不是地址，也不是本场景中的元素。',
  'reason.reply-mismatch': () => '回复的源地址或端口与请求发往的不一致：返回途中有一次地址转换没有被撤销（回复走了另一条路），没有哪个套接字在等它。',
  'reason.loop-detected': () => '数据包以相同的状态回到了经过的地方：出现了转发环路。',

  'reason.hairpin-disabled': (_p, f) =>
    `Pod 通过自己的服务访问自己，但它的 veth 所在的网桥端口关闭了 ${f.code('hairpin_mode')}，cni0 不会把帧从进来的端口再发回去。`,
  'reason.policy-denied': () => '有 NetworkPolicy 在这个方向上隔离了该 Pod，而它的规则都不允许这个数据包，于是 CNI（Calico）把它丢弃。',

  'hop.veth-out': (p, f) =>
    `帧从 ${p.pod} 的 ${f.code('eth0')} 发出，从 veth 对的另一端 ${p.veth} 出现在节点的根网络命名空间里；这一端是网桥 ${p.bridge} 的一个端口。`,
  'hop.bridge-up': (p) =>
    `目的地址不在 Pod 所在的子网内，所以 Pod 把帧发给了网关 ${p.gw}，也就是网桥 ${p.bridge} 的地址；网桥把它交给 ${p.node} 的 IP 协议栈去做路由。`,
  'hop.bridge-up-node-address': (p, f) =>
    `${p.ip} 是 ${p.node} 自己的地址，位于 Pod 子网 ${p.cidr} 内：节点在网桥 ${p.bridge} 上用 ${p.bridge} 的 MAC 地址回应 Pod 的 ARP 请求（${f.code('arp_ignore=0')} 时内核为任何本机地址应答），网桥再把帧交给 ${p.node} 的 IP 协议栈。`,
  'hop.bridge-routed': (p, f) =>
    `${p.node} 把数据包路由到 ${p.bridge}；ARP 查到 ${p.ip} 的 MAC 地址，网桥的转发表显示它在端口 ${p.veth} 后面。` +
    `${p.hairpin ? `它从进来的端口原路出去：${p.veth} 开启了 ${f.code('hairpin_mode')}（bridge 插件的 hairpinMode: true）。` : ''}`,
  'hop.bridge-switched': (p, f) =>
    `网桥 ${p.bridge} 在二层交换这个帧：转发表显示 ${p.mac}（${p.pod}）在端口 ${p.veth} 后面。不经过路由，TTL 不变。` +
    `${p.hairpin ? `它从进来的端口原路出去：${p.veth} 开启了 ${f.code('hairpin_mode')}（bridge 插件的 hairpinMode: true）。` : ''}`,
  'hop.bridge-br-netfilter': (p, f) =>
    `帧从网桥 ${p.bridge} 进来，br_netfilter（${f.code('net.bridge.bridge-nf-call-iptables=1')}）让它经过 PREROUTING，目的地址被改成 ${p.dst}。去往这个地址的路由就是 ${p.bridge} 本身，所以内核把帧换上 ${p.pod} 的 MAC 地址交回网桥，而不是路由它（FORWARD 和 POSTROUTING 照样生效）；转发表显示它在端口 ${p.veth} 后面。是桥接而不是路由：TTL 不变。` +
    `${p.hairpin ? `它从进来的端口原路出去：${p.veth} 开启了 ${f.code('hairpin_mode')}（bridge 插件的 hairpinMode: true）。` : ''}`,
  'drop.hairpin-off': (p, f) =>
    `${p.pod} 在通过自己的服务访问自己：帧必须从进来的端口 ${p.veth} 离开网桥 ${p.bridge}，而这个端口关闭了 ${f.code('hairpin_mode')}（bridge 插件的 hairpinMode 为 false），于是网桥丢弃了它。`,
  'hop.veth-in': (p, f) => `帧进入 ${p.veth}（${p.pod} 的 veth 对在主机上的一端），从 Pod 的 ${f.code('eth0')} 出来。`,
  'drop.bridge-no-arp': (p) => `${p.node} 的网桥 ${p.bridge} 上没有 Pod 响应 ${p.ip} 的 ARP 请求：这个地址属于 ${p.cidr}，但没有哪个 Pod 在使用它。`,

  'drop.pod-unscheduled': (p) => `${p.pod} 没有调度到现存的节点上，因此没有网络。`,
  'hop.pod-loopback': (p, f) =>
    `${p.ip} 是 Pod 自己的地址：数据包在 pause 容器持有的网络命名空间内回环，${p.pod} 的所有容器共享这个命名空间，数据包不会到达 ${f.code('eth0')}。`,
  'drop.pod-no-route': (p) => `${p.pod} 没有去往 ${p.dst} 的路由。`,
  'hop.pod-send-gateway': (p, f) => `${p.pod} 在路由表中查找 ${p.dst}：它不在本子网内，于是发往默认网关 ${p.gw}（${p.node} 上的 ${f.code('cni0')}）。`,
  'hop.pod-send-direct': (p, f) => `${p.dst} 与 ${p.pod} 同在子网 ${p.cidr} 内：Pod 直接对它发 ARP 请求，并从 ${f.code('eth0')} 发出帧。`,

  'hop.unsnat': (p) => `连接跟踪（conntrack）认出这是 ${p.node} 做过源地址转换（${p.target}）的连接的回复，把目的地址改回 ${p.dst}。`,
  'hop.undnat': (p) => `连接跟踪（conntrack）撤销 ${p.node} 做过的目的地址转换（DNAT），把回复的源地址改回客户端当初连接的 ${p.src}。`,
  'hop.flannel-masquerade': (p) =>
    `数据包要离开 Pod 网络，${p.calico ? 'Calico 的 natOutgoing 规则' : 'flannel 的伪装规则'}对它做源地址转换（SNAT）：源地址从 Pod IP ${p.src} 改为 ${p.dev} 的地址 ${p.newSrc}；连接跟踪记下这个映射，供回复使用。`,
  'drop.host-gw-not-adjacent': (p) =>
    `host-gw 要求节点位于同一个二层子网：flannel 想在 ${p.node} 上写入路由“${p.wanted}”以到达 ${p.remote} 上的 Pod，但${p.why}。要跨子网，请改用 vxlan 后端（或开启 DirectRouting）。`,
  'route.refused-gateway': (p, f) => `${p.gw} 不在 ${p.node} 的 ${f.code('eth0')} 子网${p.cidr ? ` ${p.cidr} ` : ''}内，内核拒绝添加这条路由（${p.error}）`,
  'drop.node-no-route': (p) => `${p.node} 没有去往 ${p.dst} 的路由（没有匹配的路由，也没有默认网关）。`,
  'drop.node-ttl': (p) => `TTL 在 ${p.node} 上耗尽（ICMP 超时）。`,
  'hop.node-send': (p) => `${p.node} 以 ${p.src} 为源地址发送；路由表选中“${p.route}”。`,
  'hop.node-forward': (p, f) => `${p.node} 转发这个数据包（${f.code('ip_forward=1')}，TTL ${p.ttlIn} → ${p.ttlOut}）；最长前缀匹配的路由是“${p.route}”。`,
  'drop.no-vtep': (p) => `${p.dev} 上没有通往 ${p.dst} 的 VTEP。`,
  'drop.no-underlay-route': (p) => `${p.node} 没有去往 ${p.remote}（${p.ip}）的底层网络路由，VXLAN 数据包发不出去。`,

  'drop.subnet-missing': (p) => `${p.sender} 连接在子网 ${p.subnet} 上，但这个子网不存在。`,
  'drop.subnet-no-arp': (p) => `${p.subnet}（${p.cidr}）上没有主机响应 ${p.nextHop} 的 ARP 请求，帧发不出去（ICMP 主机不可达）。`,
  'hop.switch': (p) =>
    `在 ${p.subnet}（${p.cidr}）上，ARP 把下一跳 ${p.nextHop} 解析为 MAC 地址，帧被交换到那里${p.dst ? `（IP 目的地址仍是 ${p.dst}）` : ''}。`,
  'drop.vxlan-not-for-me': (p) => `${p.node} 收到一个发往 ${p.dst} 的 VXLAN 数据包，但目的地址不是它自己。`,
  'drop.no-tunnel': (p) => `${p.node} 收到一个发往 ${p.dst} 的封装数据包，但它没有对应的隧道。`,
  'drop.router-no-route-no-mesh': (p) =>
    `${p.router} 没有去往 ${p.dst} 的路由：Calico 节点之间没有学到彼此 Pod 地址块的路由（节点间 BGP 全互联已关闭，也没有节点充当路由反射器），所以数据包按默认路由离开了节点，而 ${p.router} 也不是它们的 BGP 对等体。请重新打开全互联、把一个节点设为路由反射器，或者把路由器设为 BGP 对等体。`,
  'drop.router-no-route-bgp': (p) =>
    `${p.router} 没有去往 ${p.dst} 的路由：Calico 的 BGP 模式下，节点只把自己的 Pod 地址块通告给 BGP 对等体，而 ${p.router} 并没有与它们建立对等关系。请把路由器设为 BGP 对等体（bgpPeer），或者改用 IPIP 或 VXLAN（CrossSubnet），让路由器只看到节点地址。`,
  'drop.client-not-router': (p, f) => `${p.client} 是普通主机，不是路由器（${f.code('ip_forward=0')}），它丢弃发往 ${p.dst} 的数据包。`,
  'drop.router-no-route-pod': (p) => `${p.router} 没有去往 ${p.dst} 的路由：Pod IP（${p.cidr}）只有各节点自己的路由知道，集群外的路由器并不知道。`,
  'drop.router-no-route-service': (p) => `${p.router} 没有去往 ${p.dst} 的路由：ClusterIP（${p.cidr}）是虚拟地址，只存在于各节点上 kube-proxy 写下的规则里。`,
  'drop.router-no-route': (p) => `${p.router} 没有去往 ${p.dst} 的路由（ICMP 网络不可达）。`,
  'deliver.router-icmp': (p) => `${p.dst} 是 ${p.router} 自己的地址，它回复 ICMP 回显请求。`,
  'drop.router-port-closed': (p) => `${p.dst} 是 ${p.router} 自己的地址，但它在这个端口上没有运行任何服务。`,
  'drop.router-ttl': (p) => `TTL 在 ${p.router} 上耗尽（ICMP 超时）。`,
  'hop.router-forward': (p) =>
    `${p.router} 按路由“${p.route}”转发发往 ${p.dst} 的数据包${p.outer === 'none' ? '' : `（看的是 ${p.outer === 'ipip' ? 'IP-in-IP' : 'VXLAN'} 外层头部，它根本看不到里面的 Pod 地址）`}${p.ttlIn === undefined ? '' : `，TTL ${p.ttlIn} → ${p.ttlOut}`}。`,
  'drop.client-no-route': (p) => `${p.client} 没有去往 ${p.dst} 的路由（所在子网没有默认网关）。`,
  'hop.client-send-gateway': (p) => `${p.client} 通过默认网关 ${p.gw} 发往 ${p.dst}。`,
  'hop.client-send-direct': (p) => `${p.dst} 与 ${p.client} 在同一子网，直接发送。`,

  'hop.vxlan-encap': (p) =>
    `${p.dev}（VXLAN，VNI ${p.vni}，MTU ${p.mtu}）把 Pod 的数据包封装进外层 IP/UDP 头部：从 ${p.src} 发往 ${p.remote} 的 ${p.remoteIp}，UDP 端口 ${p.port}；FDB 表项把 ${p.remote} 的 VTEP MAC 地址映射到它的节点 IP。`,
  'hop.vxlan-decap': (p, f) =>
    `VNI 为 ${p.vni} 的 UDP ${p.port} 数据包到达 ${p.node} 的 ${f.code('eth0')}；内核的 VXLAN 套接字剥掉外层头部完成解封装，里面的 Pod 数据包出现在 ${p.dev} 上。`,

  'deliver.reply': (p) => `回复到达 ${p.name}，由当初发出请求的套接字（${p.socket}）接收。`,
  'drop.reply-mismatch': (p) =>
    `回复从 ${p.came} 到达 ${p.name}，但 ${p.name} 的请求是发往 ${p.wanted} 的：没有套接字连着 ${p.came}，${closed(p.tcp)}，连接失败。${p.why}`,
  'why.reply-not-masqueraded': (p) =>
    `${p.translator} 把请求做了目的地址转换（DNAT），改为 ${p.to}，却没有对它做伪装${p.podCidr ? `（源地址 ${p.src} 在集群的 Pod CIDR 内，kube-proxy 把它当作 Pod 流量）` : ''}，于是端点直接回复 ${p.src}，${p.translator} 根本看不到这个回复，也就无法撤销它的目的地址转换。`,
  'why.reply-other-path': () => '转换过请求的那个节点没有看到这个回复，无法撤销它做的地址转换：回复走了另一条路。',
  'deliver.pod-icmp': (p) => `${p.pod}（${p.ip}）在 pause 容器持有的网络命名空间中收到 ICMP 回显请求，并作出回复。`,
  'deliver.pod-listener': (p) => `${p.pod} 的容器 ${p.container} 正在监听 ${p.proto} ${p.port}${p.portName ? `（${p.portName}）` : ''}，数据包送达。`,
  'drop.pod-port-closed': (p) => `${p.pod} 没有容器监听 ${p.proto} ${p.port}，${closed(p.tcp)}。`,
  'deliver.node-icmp': (p) => `${p.dst} 是 ${p.node} 自己的地址，它回复 ICMP 回显请求。`,
  'deliver.node-listener': (p) => `${p.dst} 是 ${p.node} 自己的地址；${p.process} 在监听 ${p.proto} ${p.port}。`,
  'drop.node-port-closed': (p) => `${p.dst} 是 ${p.node} 自己的地址，但没有进程监听 ${p.proto} ${p.port}，${closed(p.tcp)}。`,
  'deliver.client-icmp': (p) => `${p.client}（${p.ip}）收到 ICMP 回显请求并作出回复。`,
  'deliver.client-listener': (p) => `${p.client} 正在监听 ${p.proto} ${p.port}，数据包送达。`,
  'drop.client-port-closed': (p) => `${p.client} 没有监听 ${p.proto} ${p.port}，${closed(p.tcp)}。`,
  'drop.loop': (p, f) => `经过 ${f.count(p.hops)} 跳之后，数据包带着完全相同的头部又回到了 ${p.at}${p.iface ? ` ${p.iface}` : ''}：出现了转发环路。`,
  'drop.hop-limit': (p, f) => `追踪在一个方向上走到了 ${f.count(p.max)} 跳的上限仍没有结论：视为数据包陷入了转发环路。`,

  'mark.hairpin': () => 'Pod 在通过自己的服务访问自己（发夹），回复必须经由节点返回',
  'mark.node-is-client': () => '客户端就是节点本身',
  'mark.external-cluster': (_p, f) => `externalTrafficPolicy 为 ${f.code('Cluster')} 时端点可能在别的节点上，改写源地址才能让回复沿原路返回`,
  'mark.outside-pod-cidr': (p) => `源地址不在集群的 Pod CIDR ${p.cidr} 之内`,
  'mark.kube-proxy': () => 'kube-proxy 给它打上了伪装标记',
  'mark.ipset': () => '命中了一个 ipset',
  'choice.affinity': (p) =>
    `recent 列表 ${p.sep} 记得 ${p.src} 之前连接过（sessionAffinity ClientIP${p.seconds === undefined ? '' : `，--seconds ${p.seconds}`}），所以 ${p.chain} 仍把它送往同一个端点`,
  'choice.single': (p) => `${p.chain} 只有一个端点`,
  'choice.probability': (p) =>
    `${p.chain} 选中了 ${p.n} 个端点中的第 ${p.k} 个：这条规则的“--probability”随机抽中（n 条规则中第 i 条的命中概率为 1/(n-i)，所以每个端点都得到 1/${p.n}）`,
  'choice.last-rule': (p) => `${p.chain} 前面带概率的规则都没有命中，于是由最后一条不带概率的规则选中 ${p.n} 个端点中的第 ${p.k} 个`,
  'choice.ipvs-persistence': (p) => `持久化模板让 ${p.src} 继续使用 ${p.rs}（sessionAffinity ClientIP，持久 ${p.seconds} 秒）`,
  'choice.ipvs-scheduler': (p) => `${p.scheduler} 调度器从 ${p.n} 个真实服务器中选中 ${p.rs}`,
  'hop.iptables-dnat': (p) =>
    `${p.node} 上 kube-proxy 的 nat 规则（${p.hook} → KUBE-SERVICES${p.nodePorts ? ' → KUBE-NODEPORTS' : ''}）匹配到 ${p.target}；${p.choice ? `${p.choice}；` : ''}${p.sep} 对数据包做目的地址转换（DNAT），改为 ${p.to}${p.pod ? `（${p.podNode} 上的 ${p.pod}）` : p.slice ? '（EndpointSlice 中直接给出的地址，不是 Pod）' : ''}${p.mark ? `。它还被打上伪装标记 0x4000，因为${p.mark}` : ''}。`,
  'deliver.ipvs-icmp': (p) =>
    `在 IPVS 模式下，${p.dst} 是 ${p.node} 的虚拟网卡 ${p.dev} 上的地址，所以由节点自己回复 ping（iptables 模式下 ClusterIP 不回应 ping）。`,
  'drop.ipvs-no-virtual-server': (p) => `${p.dst} 在 ${p.dev} 上，但没有 IPVS 虚拟服务器监听 ${p.proto} ${p.port}；KUBE-IPVS-FILTER 拒绝这个新连接。`,
  'drop.ipvs-no-local-real-server': (p) =>
    `${p.node} 上的 IPVS 虚拟服务器 ${p.vs} 没有真实服务器：${p.service} 的流量策略为 Local，而它的端点都不在 ${p.node} 上。IPVS 回复 ICMP 端口不可达。`,
  'drop.ipvs-no-real-server': (p) => `IPVS 虚拟服务器 ${p.vs} 没有真实服务器，因为 ${p.service} 没有就绪的端点：${p.why}。IPVS 回复 ICMP 端口不可达。`,
  'hop.ipvs-unnat': (p) =>
    `${p.node} 上的 IPVS 自己对回复做反向转换：在 ${p.hook} 钩子处，它在自己的连接表（即 ipvsadm -Lnc 打印的那一行）中找到这个连接，把源地址从真实服务器 ${p.from} 改回虚拟服务器 ${p.src}（masquerade 转发模式）。conntrack 只是随之记录，并没有哪条 iptables 规则做这件事。`,
  'hop.ipvs-local-in': (p) =>
    `${p.node} 收到发往 ${p.dst} 的数据包，这个地址绑定在 ${p.dev} 上（一个处于 DOWN 状态、只用来挂服务地址的 dummy 网卡，数据包从不经过它）：经过 PREROUTING 后，路由决策命中本地路由，交给本机；INPUT 链的 KUBE-IPVS-FILTER ${p.virtual ? '因为它是某个虚拟服务器的地址和端口而放行。数据包到达 LOCAL_IN，IPVS 在那里等着它' : '找不到对应的虚拟服务器'}。`,
  'hop.ipvs-dnat': (p) =>
    `${p.node} 上的 IPVS 在 ${p.hook} 处接手数据包${p.hook === 'LOCAL_OUT' ? `（这是节点自己发起的连接${p.dummy ? `，目的地址绑定在 ${p.dev} 上` : ''}）` : ''}：${p.dst} 是虚拟服务器“${p.vs}”（${p.nodePort ? `${p.service} 的 NodePort` : p.service}）；${p.choice}（${p.pod ?? 'EndpointSlice 中直接给出的地址'}），并改写目的地址（masquerade 转发方式），同时把这个连接记进它自己的连接表（ipvsadm -Lnc）；随后数据包经 LOCAL_OUT 和 POSTROUTING 继续发出${p.mark ? `。iptables 还给它打上伪装标记 0x4000，因为${p.mark}` : ''}。`,
  'drop.kube-proxy-reject': (p) =>
    `kube-proxy 找不到可以转发的端点（${p.note}）：${p.why}。${p.hook} → ${p.chain} 中的 filter 规则以 REJECT 拒绝连接，回复 ICMP 端口不可达。`,
  'drop.kube-proxy-no-local': (p) =>
    `流量策略为 Local，而 ${p.node} 上没有这个服务的端点（${p.note}）：${p.hook} → ${p.chain} 中 kube-proxy 的 filter 规则以 DROP 丢弃数据包。`,
  'drop.kube-proxy-filter': (p) => `${p.hook} → ${p.chain} 中 kube-proxy 的 filter 规则以 ${p.verdict} 处理了这个数据包。`,
  'why.no-ready-endpoint': () => '该服务没有就绪的端点',
  'why.no-selector-no-endpoints': (p) => `${p.service} 没有选择算符，也没有给出端点`,
  'why.given-endpoints-not-ready': (p, f) => `为 ${p.service} 给出的 ${f.count(p.n)} 个端点都没有就绪`,
  'why.selector-matches-nothing': (p) => `命名空间 ${p.namespace} 中没有 Pod 匹配它的选择算符 ${p.selector}`,
  'why.no-target-port': (p, f) => `有 ${f.count(p.n)} 个 Pod 匹配选择算符 ${p.selector}，但都没有目标端口 ${p.port}`,
  'why.none-ready': (p, f) => {
    const parts = [p.notReady ? `${f.count(p.notReady)} 个未就绪` : '', p.terminating ? `${f.count(p.terminating)} 个正在终止、不再提供服务` : ''].filter(
      Boolean,
    );
    return `选中了 ${f.count(p.n)} 个 Pod（${p.selector}），但没有一个就绪${parts.length ? `（${f.list(parts)}）` : ''}`;
  },
  'hop.kube-proxy-masquerade-hairpin': (p) =>
    `Pod 在通过自己的服务访问自己（KUBE-LOOP-BACK ipset 同时匹配目的和源），所以 KUBE-POSTROUTING 用 MASQUERADE 做源地址转换（SNAT），把源地址 ${p.src} 改为 ${p.newSrc}（${p.dev}），回复经由 ${p.node} 返回。`,
  'hop.kube-proxy-masquerade': (p) =>
    `数据包带有 kube-proxy 的标记 0x4000，于是 KUBE-POSTROUTING 清除标记并用 MASQUERADE 做源地址转换（SNAT）：源地址 ${p.src} 改为 ${p.dev} 的地址 ${p.newSrc}。回复会回到 ${p.node}，由连接跟踪撤销这两次转换。`,
  'hop.bridged-undnat': (p, f) =>
    `回复在 ${f.code('cni0')} 上被二层转发，但 br_netfilter（${f.code('bridge-nf-call-iptables=1')}）让网桥转发的帧也经过 netfilter：连接跟踪把源地址改回 ${p.src}，也就是客户端当初连接的服务地址。`,

  'drop.lb-no-gateway': (p) => `${p.lb} 没有去往 ${p.dst} 的路由：它所在的子网没有网关。`,
  'drop.lb-not-router': (p) => `${p.lb} 不是路由器，它丢弃发往 ${p.dst} 的数据包。`,
  'drop.lb-no-service': (p) => `${p.lb} 前面对应的服务 ${p.service} 不存在，所以它没有监听器。`,
  'drop.lb-no-listener': (p, f) =>
    `${p.lb} 没有 ${p.proto}${p.port === undefined ? '' : ` ${p.port}`} 的监听器：${p.service} 暴露的是${p.ports.length ? ` ${f.list(p.ports)}` : '空的端口列表'}。`,
  'drop.lb-no-healthy-local': (p) =>
    `对 healthCheckNodePort ${p.port ?? '?'} 的健康检查全部失败：没有节点运行 ${p.service} 的端点，${p.lb} 没有健康的后端，只能丢弃连接。`,
  'drop.lb-no-nodes': (p) => `${p.lb} 没有可以转发的节点。`,
  'drop.lb-ttl': (p) => `TTL 在 ${p.lb} 上耗尽。`,
  'hop.lb-forward': (p, f) =>
    `${p.lb} 在 ${p.vip} 上接受连接，从健康的节点中选中 ${p.node}${p.skipped.length ? `（${f.list(p.skipped)} 健康检查失败：externalTrafficPolicy 为 Local，而它们上面没有本地端点）` : ''}；它转发到服务的 NodePort ${p.to}，并保留客户端的源地址 ${p.src}。`,
  'hop.lb-return': (p) => `这个回复属于 ${p.lb} 转发过的连接；云网络把它交回负载均衡器，由它跟踪这条流（客户端只知道 ${p.ip}）。`,
  'hop.lb-fail-open': (p) =>
    `${p.lb} 在 ${p.vip} 上接受连接，但所有健康检查都失败了${p.local ? '（没有节点运行该服务的端点）' : ''}，于是它像 AWS NLB 和 GCP 直通负载均衡器那样“失败开放”，把流量发给任意节点：${p.node}。它转发到服务的 NodePort ${p.to}，并保留客户端的源地址 ${p.src}；该节点上的 kube-proxy 照常处理。`,
  'hop.lb-vip': (p, f) =>
    `${p.lb} 在 ${p.vip} 上接受连接，${p.failOpen ? `发现所有健康检查都失败了${p.local ? '（没有节点运行该服务的端点）' : ''}，于是“失败开放”，任选一个节点` : `从健康的节点中选一个${p.skipped.length ? `（${f.list(p.skipped)} 健康检查失败：externalTrafficPolicy 为 Local，而它们上面没有本地端点）` : ''}`}：${p.node}（${p.nodeIp}）。它像 GCP 直通负载均衡器或 MetalLB 那样原样转交数据包，目的地址仍是 ${p.vip}；节点上 kube-proxy 在 KUBE-SERVICES 中为负载均衡器 IP 写的规则接住它，回复则直接从节点发往客户端。`,
  'hop.lb-unnat': (p) => `${p.lb} 把回复的源地址从 ${p.from} 改回它自己的 ${p.to}，也就是客户端连接的地址。`,

  'hop.ingress-404': (p, f) =>
    `Ingress 控制器（${p.pod}）读到“${p.request}”：${f.list(p.ingresses)} 中没有规则匹配这个主机名和路径，也没有默认后端，于是由控制器自己的默认后端回复 ${f.code('HTTP 404 Not Found')}。请求已送达（到控制器的 TCP 连接是成功的）：响应沿原路返回客户端。`,
  'hop.ingress-503': (p, f) =>
    `Ingress 控制器（${p.pod}）按 ${p.rule} 路由“${p.request}”，但${p.why}，没有可以连接的上游，于是控制器自己回复 ${f.code('HTTP 503 Service Temporarily Unavailable')}。请求已送达（到控制器的 TCP 连接是成功的）：响应沿原路返回客户端。`,
  'backend.no-service': (p) => `服务 ${p.service} 不存在`,
  'backend.no-port': (p) => `服务 ${p.service} 没有端口 ${p.port}`,
  'backend.no-endpoints': (p) => `服务 ${p.service} 没有就绪的端点（${p.why}）`,
  'hop.ingress-proxy': (p) =>
    `Ingress 控制器（${p.pod}）终结客户端的连接，读到“${p.request}”；${p.path ? `最长匹配的规则是 ${p.path}（${p.pathType}）` : '没有规则匹配，由默认后端接收'}，对应服务 ${p.service}:${p.port}。它从自己的 Pod 向端点 ${p.endpoint}（${p.endpointPod ?? 'EndpointSlice 中直接给出的地址'}）新建一个连接，在端点间轮询，不经过 ClusterIP。${p.tls === 'secret' ? `TLS 在这里终结，使用 Secret ${p.tlsSecret ?? '（未命名）'} 中的证书。` : p.tls === 'self-signed' ? '没有 tls 条目覆盖这个主机名，控制器用它默认的自签名证书完成 TLS 握手。' : ''}`,
  'dest.ingress-no-host': (p) => `没有 Ingress 有主机名 ${p.host} 的规则（也没有兜底规则或默认后端）。`,
  'dest.ingress-no-controller': (p) => `Ingress ${p.ingress} 没有指定 controllerService，没有谁接收它的流量。`,
  'dest.ingress-controller-no-ports': (p) => `Ingress 控制器的服务 ${p.service} 没有端口。`,
  'dest.ingress-unreachable': (p) => `Ingress 控制器的服务 ${p.service} 既没有负载均衡器，也没有可从集群外访问的 NodePort。`,

  'hop.calico-pod-send': (p) =>
    `${p.pod} 只有两条路由：“${p.defaultRoute}”和“${p.gwRoute}”。任何目的地，哪怕是同一节点上的 Pod，都要发给网关 ${p.gw}，而这个地址并不属于任何人。主机上的 ${p.cali} 以代理 ARP 应答它的 ARP 请求，给出 ${p.mac}。`,
  'hop.calico-veth-out': (p) => `帧从 ${p.cali}（${p.pod} 的 veth 对在主机上的一端）出来。这里没有网桥：由 ${p.node} 的 IP 协议栈路由这个数据包。`,
  'drop.calico-no-pod': (p) => `${p.node} 上没有 Pod 使用 ${p.ip}。`,
  'hop.calico-to-pod': (p, f) => `/32 路由“${p.route}”把数据包从 ${p.dev} 送出，进入 veth 对另一端 ${p.pod} 的 ${f.code('eth0')}。`,
  'drop.calico-blackhole': (p) =>
    `${p.ip} 属于 ${p.node} 自己的 Calico IPAM 地址块 ${p.block}，但这里没有 Pod 使用它：该地址块的黑洞路由丢弃了这个数据包（这样它就不会顺着默认路由漏出去）。`,
  'hop.ipip-encap': (p) =>
    `${p.dev}（IP-in-IP，MTU ${p.mtu}）在 Pod 数据包前面再加一个 IP 头完成封装：${p.src} → ${p.remote} 的 ${p.remoteIp}，协议号 4（IPIP）。里面没有 UDP，也没有 MAC：就是 IP 套 IP。`,
  'hop.ipip-decap': (p, f) =>
    `协议号为 4 的 IP 数据包到达 ${p.node} 的 ${f.code('eth0')}；内核的 ipip 模块剥掉外层头部完成解封装，Pod 数据包出现在 ${p.dev} 上。`,
  'hop.calico-vxlan-encap': (p) =>
    `${p.dev}（VXLAN，VNI ${p.vni}，MTU ${p.mtu}）把 Pod 的数据包封装进外层 IP/UDP 头部：从 ${p.src} 发往 ${p.remote} 的 ${p.remoteIp}，UDP 端口 ${p.port}（IANA 分配的 VXLAN 端口；flannel 用的是内核默认的 8472）。`,
  'hop.policy-established': (p, f) =>
    `${p.pod} 在${p.direction === 'ingress' ? '入站' : '出站'}方向被 ${f.list(p.policies)} 隔离，但这是策略已经放行的连接的回复：连接跟踪认得它（ESTABLISHED），所以 ${p.chain} 在查看任何策略之前就接受了它。`,
  'hop.policy-node-local': (p) =>
    `${p.pod} 在${p.direction === 'ingress' ? '入站' : '出站'}方向被隔离，但另一端是它所在的节点 ${p.node}：Kubernetes 规定 Pod 与所在节点之间的流量始终放行（kubelet 的探针要用），Calico 默认也放行。`,
  'hop.policy-allowed': (p, f) =>
    `Calico 在 ${p.chain} 中检查 ${p.pod} 的${p.direction === 'ingress' ? '入站' : '出站'}策略：${f.list(p.policies)} 隔离了它，而 ${p.by} 的规则“${p.rule}”允许 ${p.flow}。`,
  'drop.policy-denied': (p, f) =>
    `Calico 在 ${p.chain} 中丢弃了 ${p.flow}：${p.pod} 在${p.direction === 'ingress' ? '入站' : '出站'}方向被 ${f.list(p.policies)} 隔离，而这些策略没有一条规则允许它。NetworkPolicy 只做放行：要添加一条允许这个${p.direction === 'ingress' ? '来源' : '目的地'}和端口的规则。`,
  'note.policy-not-enforced': (p, f) => `flannel 不实现 NetworkPolicy，这些策略不起作用（${f.list(p.policies)}）。`,
  'drop.dns-denied': (p) => `发往 ${p.server} 的 ${p.name} DNS 查询被拒绝：${p.why}`,
  'drop.dns-not-coredns': (p) => `${p.at} 收到了 DNS 查询，但它不是 kube-system/kube-dns 的 CoreDNS Pod，不会有应答。`,
  'hop.dns-answer': (p, f) =>
    `CoreDNS（${p.pod}）应答 ${p.name}：${p.answer}。${p.tried.length ? `在此之前解析器已经查过 ${f.list(p.tried)}（NXDOMAIN）：域名中的点少于 5 个时，resolv.conf 会先依次加上 ${p.namespace}.svc、svc 和集群域名后缀去查。` : ''}`,
  'answer.nxdomain': () => 'NXDOMAIN（域名不存在）',
  'answer.service': (p) => `服务 ${p.service} 的 ClusterIP ${p.ip}`,
  'answer.headless': (p, f) => `Pod IP ${f.list(p.ips)}：${p.service} 是无头服务（clusterIP None），没有虚拟 IP，也没有目的地址转换`,
  'answer.headless-empty': (p) => `没有地址：无头服务 ${p.service} 没有就绪的端点`,
  'answer.external-name': (p) => `指向 ${p.target} 的 CNAME（ExternalName 服务只做 DNS，不做代理）${p.ip ? `，上游解析器再把它解析为 ${p.ip}` : ''}`,
  'answer.pod': (p) => `Pod 地址 ${p.ip}`,
  'answer.upstream': (p) => `${p.ip}，由上游解析器给出（该域名不在集群域内，已转发出去）`,
  'drop.dns-no-answer': (p) => `发往 ${p.server} 的 ${p.name} DNS 查询没有得到应答${p.why ? `：${p.why}` : '。'}`,
  'drop.dns-no-coredns': (p, f) =>
    `发往 ${p.server} 的 ${p.name} DNS 查询没有得到应答：这个集群没有 CoreDNS。kube-system 中没有 kube-dns 服务，所以 ${p.nameserver}（kubelet 写进每个 Pod 的 resolv.conf 的域名服务器）上没有谁应答${p.why ? `（途中：${f.clause(p.why)}）` : ''}。添加集群 DNS 即可安装 CoreDNS。`,
  'drop.dns-no-coredns-pods': (p, f) =>
    `发往 ${p.server} 的 ${p.name} DNS 查询没有得到应答：kube-system/kube-dns 后面没有 CoreDNS Pod 应答。它的选择算符是 ${f.code('k8s-app=kube-dns')}，而 kube-system 中没有 Pod 带这个标签，所以该服务没有端点${p.why ? `（途中：${f.clause(p.why)}）` : ''}。添加集群 DNS 即可恢复 CoreDNS。`,
  'drop.dns-nxdomain': (p, f) => `${p.name} 不存在：CoreDNS 对 ${f.list(p.names)} 都回答了 NXDOMAIN。`,
  'drop.dns-cname-unresolved': (p) =>
    `${p.name} 是指向 ${p.target} 的 CNAME，但在本场景中上游解析器无法解析它（添加一个名为 ${p.target} 的集群外主机即可解析）。`,
  'drop.dns-headless-empty': (p) => `${p.name} 是没有就绪端点的无头服务：DNS 返回不了可连接的地址。`,

  'dest.invalid-url': (p) => `${p.to} 不是有效的 URL。`,
  'dest.unknown': (p) => `${p.to} 既不是 IPv4 地址，也不是本场景中的元素。`,
  'dest.service-no-cluster-ip': (p) => `服务 ${p.service} 没有可以发往的 ClusterIP。`,
  'dest.no-address': (p) => `${p.to} 是${KIND[p.kind]}，没有可以发往的地址。`,
};
