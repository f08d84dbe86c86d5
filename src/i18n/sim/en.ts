/**
 * Simulator messages in English (the reference wording). The sentences of a trace are here and load
 * with the tracer (./trace-messages.ts); what the editor and the send form need before that is in
 * en-model.ts, en-input.ts and en-send.ts, built in. Parameters arrive marked as code; nested
 * messages arrive rendered. Every code of src/sim/messages must be here (the compiler checks it).
 */
import type { SimDictionary } from './format';
import { enModel, KIND } from './en-model';
import { enInput } from './en-input';
import { enManifest } from './en-manifest';
import { enSend } from './en-send';

const closed = (tcp: boolean) => (tcp ? 'the kernel answers TCP RST' : 'the kernel answers ICMP port unreachable');

export const enSim: SimDictionary = {
  'reason.no-route': () => 'No route matches the destination, so the packet cannot be forwarded (ICMP net unreachable).',
  'reason.not-l2-adjacent': () =>
    'flannel host-gw needs the nodes on one L2 subnet: its route "podCIDR via nodeIP" can only use a next hop on a directly connected network.',
  'reason.host-unreachable': () => 'Nobody answers ARP for the next hop on that segment (ICMP host unreachable).',
  'reason.ttl-exceeded': () => 'The TTL reached zero while forwarding (ICMP time exceeded), usually a routing loop.',
  'reason.port-closed': () => 'Nothing listens on that port at the destination (TCP RST or ICMP port unreachable).',
  'reason.no-endpoints': () => 'The Service has no ready endpoints; kube-proxy REJECTs it (ICMP port unreachable).',
  'reason.no-local-endpoints': () => 'externalTrafficPolicy/internalTrafficPolicy Local and no endpoint on this node: dropped.',
  'reason.nxdomain': () => 'The name does not exist (DNS NXDOMAIN).',
  'reason.dns-unavailable': () => 'No DNS server answers: the cluster DNS Service has no endpoints or does not exist.',
  'reason.unknown-destination': () => 'The destination is not an address or element this scenario knows.',
  'reason.reply-mismatch': () =>
    'The reply comes from another address or port than the request was sent to: a NAT was not undone on the way back (the reply took another path), so no socket expects it.',
  'reason.loop-detected': () => 'The packet came back to a place it had been in the same state: a forwarding loop.',

  'reason.hairpin-disabled': (_p, f) =>
    `A pod reached itself through its Service, but its veth's bridge port has ${f.code('hairpin_mode')} off, so cni0 will not send the frame back out of the port it came in on.`,
  'reason.policy-denied': () => 'A NetworkPolicy isolates the pod in this direction and none of its rules allows the packet; the CNI (Calico) drops it.',

  'hop.veth-out': (p) =>
    `The frame leaves ${p.pod}'s eth0 and comes out of the other end of its veth pair, ${p.veth}, in the node's root namespace; that end is a port of ${p.bridge}.`,
  'hop.bridge-up': (p) =>
    `The destination is off the pod's subnet, so the pod sent the frame to its gateway ${p.gw}, the address of ${p.bridge}; the bridge passes it up to ${p.node}'s IP stack for routing.`,
  'hop.bridge-up-node-address': (p, f) =>
    `${p.ip} is an address of ${p.node} itself, inside the pod subnet ${p.cidr}: the node answers the pod's ARP on ${p.bridge} with ${p.bridge}'s MAC (${f.code('arp_ignore=0')} answers for any local address), and the bridge passes the frame up to ${p.node}'s IP stack.`,
  'hop.bridge-routed': (p, f) =>
    `${p.node} routed the packet out ${p.bridge}; ARP gives ${p.ip}'s MAC and the bridge's forwarding table says it lives behind port ${p.veth}.` +
    `${p.hairpin ? ` It leaves by the port it came in on: ${p.veth} has ${f.code('hairpin_mode')} on (the bridge plugin's hairpinMode: true).` : ''}`,
  'hop.bridge-switched': (p, f) =>
    `${p.bridge} switches the frame at layer 2: its forwarding table says ${p.mac} (${p.pod}) is behind port ${p.veth}. No routing, TTL unchanged.` +
    `${p.hairpin ? ` It leaves by the port it came in on: ${p.veth} has ${f.code('hairpin_mode')} on (the bridge plugin's hairpinMode: true).` : ''}`,
  'hop.bridge-br-netfilter': (p, f) =>
    `The frame came in on ${p.bridge}, and br_netfilter (${f.code('net.bridge.bridge-nf-call-iptables=1')}) ran it through PREROUTING, which rewrote its destination to ${p.dst}. The route to that address is ${p.bridge} itself, so the kernel hands the frame back to the bridge with ${p.pod}'s MAC instead of routing it (FORWARD and POSTROUTING still apply); the forwarding table says it is behind port ${p.veth}. Bridged, not routed: TTL unchanged.` +
    `${p.hairpin ? ` It leaves by the port it came in on: ${p.veth} has ${f.code('hairpin_mode')} on (the bridge plugin's hairpinMode: true).` : ''}`,
  'drop.hairpin-off': (p, f) =>
    `${p.pod} reaches itself through its Service: the frame must leave ${p.bridge} by the port it came in on, ${p.veth}, and that port has ${f.code('hairpin_mode')} off (the bridge plugin's hairpinMode is false), so the bridge drops it.`,
  'hop.veth-in': (p) => `The frame enters ${p.veth}, the host end of ${p.pod}'s veth pair, and comes out of the pod's eth0.`,
  'drop.bridge-no-arp': (p) => `No pod on ${p.node}'s ${p.bridge} answers ARP for ${p.ip}: the address is in ${p.cidr} but no pod has it.`,

  'drop.pod-unscheduled': (p) => `${p.pod} is not scheduled on an existing node, so it has no network.`,
  'hop.pod-loopback': (p) =>
    `${p.ip} is the pod's own address: the packet loops back inside the network namespace the pause container holds, which every container of ${p.pod} shares; it never reaches eth0.`,
  'drop.pod-no-route': (p) => `${p.pod} has no route to ${p.dst}.`,
  'hop.pod-send-gateway': (p) =>
    `${p.pod} looks up ${p.dst} in its routing table: not on its subnet, so it goes to the default gateway ${p.gw} (cni0 on ${p.node}).`,
  'hop.pod-send-direct': (p) => `${p.dst} is on ${p.pod}'s own subnet ${p.cidr}: the pod ARPs for it directly and sends the frame out eth0.`,

  'hop.unsnat': (p) => `conntrack recognises the reply to a connection ${p.node} source-NATed (${p.target}) and rewrites the destination back to ${p.dst}.`,
  'hop.undnat': (p) => `conntrack rewrites the reply's source back to ${p.src}, the address the client connected to, reversing the DNAT ${p.node} applied.`,
  'hop.flannel-masquerade': (p) =>
    `The packet leaves the pod network, so ${p.calico ? "Calico's natOutgoing rule" : "flannel's masquerade rule"} rewrites its source from the pod IP ${p.src} to ${p.newSrc}, the address of ${p.dev}; conntrack remembers the mapping for the reply.`,
  'drop.host-gw-not-adjacent': (p) =>
    `host-gw needs the nodes on one L2 subnet: flannel wanted "${p.wanted}" on ${p.node} to reach ${p.remote}'s pods, but ${p.why}. Use the vxlan backend (or DirectRouting) to cross subnets.`,
  'route.refused-gateway': (p) => `${p.gw} is not on ${p.node}'s eth0 subnet${p.cidr ? ` ${p.cidr}` : ''}, so the kernel refuses the route (${p.error})`,
  'drop.node-no-route': (p) => `${p.node} has no route to ${p.dst} (no matching route and no default gateway).`,
  'drop.node-ttl': (p) => `The TTL ran out on ${p.node} (ICMP time exceeded).`,
  'hop.node-send': (p) => `${p.node} sends from ${p.src}; its routing table picks "${p.route}".`,
  'hop.node-forward': (p, f) =>
    `${p.node} forwards the packet (${f.code('ip_forward=1')}, TTL ${p.ttlIn} -> ${p.ttlOut}); the longest matching route is "${p.route}".`,
  'drop.no-vtep': (p) => `${p.dev} has no VTEP for ${p.dst}.`,
  'drop.no-underlay-route': (p) => `${p.node} has no underlay route to ${p.remote}'s ${p.ip} for the VXLAN packet.`,

  'drop.subnet-missing': (p) => `${p.sender} is attached to subnet ${p.subnet}, which does not exist.`,
  'drop.subnet-no-arp': (p) => `Nobody on ${p.subnet} (${p.cidr}) answers ARP for ${p.nextHop}, so the frame cannot be sent (ICMP host unreachable).`,
  'hop.switch': (p) =>
    `On ${p.subnet} (${p.cidr}) ARP resolves the next hop ${p.nextHop} to its MAC and the frame is switched to it${p.dst ? ` (the IP destination stays ${p.dst})` : ''}.`,
  'drop.vxlan-not-for-me': (p) => `${p.node} received a VXLAN packet addressed to ${p.dst}, not to itself.`,
  'drop.no-tunnel': (p) => `${p.node} received an encapsulated packet addressed to ${p.dst} that it has no tunnel for.`,
  'drop.router-no-route-no-mesh': (p) =>
    `${p.router} has no route to ${p.dst}: the Calico nodes learned no routes to each other's pod blocks (the node-to-node BGP mesh is off and no node is a route reflector), so the packet left its node by the default route, and ${p.router} is not their BGP peer either. Turn the mesh back on, make a node a route reflector, or make the router a BGP peer.`,
  'drop.router-no-route-bgp': (p) =>
    `${p.router} has no route to ${p.dst}: in Calico BGP mode the nodes advertise their pod blocks only to their BGP peers, and ${p.router} does not peer with them. Make the router a BGP peer (bgpPeer), or use IPIP or VXLAN (CrossSubnet) so that the router only sees node addresses.`,
  'drop.client-not-router': (p, f) => `${p.client} is a host, not a router (${f.code('ip_forward=0')}): it drops a packet for ${p.dst}.`,
  'drop.router-no-route-pod': (p) =>
    `${p.router} has no route to ${p.dst}: pod IPs (${p.cidr}) are known only to the nodes' own routes, not to routers outside the cluster.`,
  'drop.router-no-route-service': (p) =>
    `${p.router} has no route to ${p.dst}: ClusterIPs (${p.cidr}) are virtual, they exist only in kube-proxy's rules on the nodes.`,
  'drop.router-no-route': (p) => `${p.router} has no route to ${p.dst} (ICMP net unreachable).`,
  'deliver.router-icmp': (p) => `${p.router} owns ${p.dst} and answers the ICMP echo request.`,
  'drop.router-port-closed': (p) => `${p.router} owns ${p.dst} but runs no service on that port.`,
  'drop.router-ttl': (p) => `The TTL ran out at ${p.router} (ICMP time exceeded).`,
  'hop.router-forward': (p) =>
    `${p.router} forwards ${p.dst}${p.outer === 'none' ? '' : ` (the outer ${p.outer === 'ipip' ? 'IP-in-IP' : 'VXLAN'} header: it never sees the pod addresses inside)`} by the route "${p.route}"${p.ttlIn === undefined ? '' : `, TTL ${p.ttlIn} -> ${p.ttlOut}`}.`,
  'drop.client-no-route': (p) => `${p.client} has no route to ${p.dst} (no default gateway on its subnet).`,
  'hop.client-send-gateway': (p) => `${p.client} sends to ${p.dst} through its default gateway ${p.gw}.`,
  'hop.client-send-direct': (p) => `${p.client} sends to ${p.dst} directly on its own subnet.`,

  'hop.vxlan-encap': (p) =>
    `${p.dev} (VXLAN, VNI ${p.vni}, MTU ${p.mtu}) wraps the pod packet in outer IP/UDP headers from ${p.src} to ${p.remote}'s ${p.remoteIp}, UDP port ${p.port}; the FDB entry maps ${p.remote}'s VTEP MAC to its node IP.`,
  'hop.vxlan-decap': (p) =>
    `UDP ${p.port} with VNI ${p.vni} arrives on ${p.node}'s eth0; the kernel's VXLAN socket strips the outer headers and the inner pod packet appears on ${p.dev}.`,

  'deliver.reply': (p) => `The reply reaches ${p.name}; the socket that sent the request (${p.socket}) receives it.`,
  'drop.reply-mismatch': (p) =>
    `The reply reaches ${p.name} from ${p.came}, but ${p.name} sent the request to ${p.wanted}: no socket is connected to ${p.came}, so ${closed(p.tcp)} and the connection fails. ${p.why}`,
  'why.reply-not-masqueraded': (p) =>
    `${p.translator} DNATed the request to ${p.to} but did not masquerade it${p.podCidr ? ` (the source ${p.src} lies in the cluster pod CIDR, which kube-proxy takes for pod traffic)` : ''}, so the endpoint answered ${p.src} directly and ${p.translator} never saw the reply to undo its DNAT.`,
  'why.reply-other-path': () => 'The node that translated the request never saw this reply to undo its NAT: the reply took another path back.',
  'deliver.pod-icmp': (p) => `${p.pod} (${p.ip}) receives the ICMP echo request in its network namespace, held by the pause container, and answers it.`,
  'deliver.pod-listener': (p) =>
    `Container ${p.container} of ${p.pod} listens on ${p.proto} ${p.port}${p.portName ? ` (${p.portName})` : ''}: the packet is delivered.`,
  'drop.pod-port-closed': (p) => `No container of ${p.pod} listens on ${p.proto} ${p.port}, so ${closed(p.tcp)}.`,
  'deliver.node-icmp': (p) => `${p.node} owns ${p.dst} and answers the ICMP echo request.`,
  'deliver.node-listener': (p) => `${p.node} owns ${p.dst}; ${p.process} listens on ${p.proto} ${p.port}.`,
  'drop.node-port-closed': (p) => `${p.node} owns ${p.dst} but nothing listens on ${p.proto} ${p.port}, so ${closed(p.tcp)}.`,
  'deliver.client-icmp': (p) => `${p.client} (${p.ip}) receives the ICMP echo request and answers it.`,
  'deliver.client-listener': (p) => `${p.client} listens on ${p.proto} ${p.port}: the packet is delivered.`,
  'drop.client-port-closed': (p) => `${p.client} does not listen on ${p.proto} ${p.port}, so ${closed(p.tcp)}.`,
  'drop.loop': (p, f) =>
    `The packet reached ${p.at}${p.iface ? ` ${p.iface}` : ''} again with the same headers after ${f.count(p.hops)} ${f.plural(p.hops, { one: 'hop', other: 'hops' })}: a forwarding loop.`,
  'drop.hop-limit': (p, f) =>
    `The trace stopped at its limit of ${f.count(p.max)} hops in one direction without reaching a verdict: the packet is taken to be in a forwarding loop.`,

  'mark.hairpin': () => 'the pod is reaching itself through its Service (hairpin), so the reply must come back through the node',
  'mark.node-is-client': () => 'the node itself is the client',
  'mark.external-cluster': () =>
    'with externalTrafficPolicy Cluster the endpoint may be on another node, so the source is rewritten to keep the reply on this path',
  'mark.outside-pod-cidr': (p) => `the source is outside the cluster pod CIDR ${p.cidr}`,
  'mark.kube-proxy': () => 'kube-proxy marks it for masquerading',
  'mark.ipset': () => 'an ipset matched',
  'choice.affinity': (p) =>
    `the recent list ${p.sep} remembers ${p.src} from an earlier connection (sessionAffinity ClientIP${p.seconds === undefined ? '' : `, --seconds ${p.seconds}`}), so ${p.chain} sends it to the same endpoint again`,
  'choice.single': (p) => `${p.chain} has a single endpoint`,
  'choice.probability': (p) =>
    `${p.chain} picks endpoint ${p.k} of ${p.n}: that rule's "--probability" draw matched (each rule i of n matches with 1/(n-i), so every endpoint gets 1/${p.n})`,
  'choice.last-rule': (p) => `${p.chain}'s earlier probability rules did not match, so its last rule, with no probability, takes endpoint ${p.k} of ${p.n}`,
  'choice.ipvs-persistence': (p) => `the persistence template keeps ${p.src} on ${p.rs} (sessionAffinity ClientIP, persistent ${p.seconds} s)`,
  'choice.ipvs-scheduler': (p) => `the ${p.scheduler} scheduler picks real server ${p.rs} of ${p.n}`,
  'hop.iptables-dnat': (p) =>
    `kube-proxy's nat rules on ${p.node} (${p.hook} -> KUBE-SERVICES${p.nodePorts ? ' -> KUBE-NODEPORTS' : ''}) match ${p.target}; ${p.choice ? `${p.choice}; ` : ''}${p.sep} DNATs the packet to ${p.to}${p.pod ? ` (${p.pod} on ${p.podNode})` : p.slice ? ' (an address given in its EndpointSlice, not a pod)' : ''}${p.mark ? `; it is marked 0x4000 for masquerading because ${p.mark}` : ''}.`,
  'deliver.ipvs-icmp': (p) =>
    `In IPVS mode ${p.dst} is an address of ${p.node}'s dummy interface ${p.dev}, so the node itself answers the ping (in iptables mode a ClusterIP answers no ping).`,
  'drop.ipvs-no-virtual-server': (p) =>
    `${p.dst} is on ${p.dev} but no IPVS virtual server listens on ${p.proto} ${p.port}; KUBE-IPVS-FILTER rejects the new connection.`,
  'drop.ipvs-no-local-real-server': (p) =>
    `IPVS virtual server ${p.vs} on ${p.node} has no real server: ${p.service} uses a Local traffic policy and none of its endpoints runs on ${p.node}. IPVS answers ICMP port unreachable.`,
  'drop.ipvs-no-real-server': (p) =>
    `IPVS virtual server ${p.vs} has no real servers because ${p.service} has no ready endpoints: ${p.why}. IPVS answers ICMP port unreachable.`,
  'hop.ipvs-unnat': (p) =>
    `IPVS on ${p.node} un-NATs the reply itself: at ${p.hook} it finds the connection in its own table (the line ipvsadm -Lnc prints) and rewrites the source from the real server ${p.from} back to the virtual server ${p.src} (masquerade forwarding). Conntrack only follows along; no iptables rule does this.`,
  'hop.ipvs-local-in': (p) =>
    `${p.node} receives a packet for ${p.dst}, an address bound to ${p.dev} (a DOWN dummy that only holds the Service addresses; packets never cross it): PREROUTING, then the routing decision finds the local route and delivers it locally, and INPUT's KUBE-IPVS-FILTER ${p.virtual ? "accepts it because it is a virtual server's address and port. It reaches LOCAL_IN, where IPVS waits" : 'finds no virtual server for it'}.`,
  'hop.ipvs-dnat': (p) =>
    `IPVS on ${p.node} takes the packet at ${p.hook}${p.hook === 'LOCAL_OUT' ? ` (a connection the node opens itself${p.dummy ? `, to an address bound to ${p.dev}` : ''})` : ''}: ${p.dst} is virtual server "${p.vs}" (${p.nodePort ? `NodePort of ${p.service}` : p.service}); ${p.choice} (${p.pod ?? 'an address given in its EndpointSlice'}) and rewrites the destination (masquerade forwarding), remembering the connection in its own table (ipvsadm -Lnc); it then sends the packet on through LOCAL_OUT and POSTROUTING${p.mark ? `; iptables marked it 0x4000 for masquerading because ${p.mark}` : ''}.`,
  'drop.kube-proxy-reject': (p) =>
    `kube-proxy has no endpoint to send this to (${p.note}): ${p.why}. Its filter rule in ${p.hook} -> ${p.chain} REJECTs the connection with ICMP port unreachable.`,
  'drop.kube-proxy-no-local': (p) =>
    `The traffic policy is Local and ${p.node} runs no endpoint of this Service (${p.note}): kube-proxy's filter rule in ${p.hook} -> ${p.chain} DROPs the packet.`,
  'drop.kube-proxy-filter': (p) => `kube-proxy's filter rule in ${p.hook} -> ${p.chain} ${p.verdict}s the packet.`,
  'why.no-ready-endpoint': () => 'the Service has no ready endpoint',
  'why.no-selector-no-endpoints': (p) => `${p.service} has no selector and no endpoints were given`,
  'why.given-endpoints-not-ready': (p, f) => `none of the ${f.count(p.n)} endpoints given for ${p.service} is ready`,
  'why.selector-matches-nothing': (p) => `no pod in namespace ${p.namespace} matches its selector ${p.selector}`,
  'why.no-target-port': (p, f) =>
    `${f.count(p.n)} ${f.plural(p.n, { one: 'pod matches', other: 'pods match' })} its selector ${p.selector}, but none has the target port ${p.port}`,
  'why.none-ready': (p, f) => {
    const parts = [p.notReady ? `${f.count(p.notReady)} not Ready` : '', p.terminating ? `${f.count(p.terminating)} terminating and not serving` : ''].filter(
      Boolean,
    );
    return `${f.count(p.n)} ${f.plural(p.n, { one: 'pod is', other: 'pods are' })} selected (${p.selector}), none ready${parts.length ? ` (${f.list(parts)})` : ''}`;
  },
  'hop.kube-proxy-masquerade-hairpin': (p) =>
    `The pod reaches itself through its Service (the KUBE-LOOP-BACK ipset matches destination and source), so KUBE-POSTROUTING MASQUERADEs the source ${p.src} to ${p.newSrc} (${p.dev}) and the reply returns through ${p.node}.`,
  'hop.kube-proxy-masquerade': (p) =>
    `The packet carries kube-proxy's mark 0x4000, so KUBE-POSTROUTING clears it and MASQUERADEs the source ${p.src} to ${p.newSrc}, the address of ${p.dev}; the reply will come back to ${p.node}, where conntrack reverses both translations.`,
  'hop.bridged-undnat': (p) =>
    `The reply is bridged on cni0, but br_netfilter (bridge-nf-call-iptables=1) passes bridged frames through netfilter: conntrack rewrites the source back to ${p.src}, the Service address the client connected to.`,

  'drop.lb-no-gateway': (p) => `${p.lb} has no route to ${p.dst}: its subnet has no gateway.`,
  'drop.lb-not-router': (p) => `${p.lb} is not a router; it drops a packet for ${p.dst}.`,
  'drop.lb-no-service': (p) => `${p.lb} fronts Service ${p.service}, which does not exist, so it has no listener.`,
  'drop.lb-no-listener': (p, f) =>
    `${p.lb} has no listener for ${p.proto}${p.port === undefined ? '' : ` ${p.port}`}: ${p.service} exposes ${p.ports.length ? f.list(p.ports) : 'no ports'}.`,
  'drop.lb-no-healthy-local': (p) =>
    `Every health check on healthCheckNodePort ${p.port ?? '?'} fails: no node runs an endpoint of ${p.service}, so ${p.lb} has no healthy backend and drops the connection.`,
  'drop.lb-no-nodes': (p) => `${p.lb} has no nodes to send to.`,
  'drop.lb-ttl': (p) => `The TTL ran out at ${p.lb}.`,
  'hop.lb-forward': (p, f) =>
    `${p.lb} accepts the connection on ${p.vip} and picks ${p.node} among the healthy nodes${p.skipped.length ? ` (${f.list(p.skipped)} failed the health check: no local endpoint under externalTrafficPolicy Local)` : ''}; it forwards to ${p.to}, the Service's NodePort, keeping the client's source address ${p.src}.`,
  'hop.lb-return': (p) =>
    `The reply belongs to a connection ${p.lb} forwarded; the cloud network hands it back to the balancer, which tracks the flow (the client only knows ${p.ip}).`,
  'hop.lb-fail-open': (p) =>
    `${p.lb} accepts the connection on ${p.vip}, but every health check fails${p.local ? ' (no node runs an endpoint of the Service)' : ''}, so it fails open and sends to any node, as AWS NLB and GCP passthrough load balancers do: ${p.node}. It forwards to ${p.to}, the Service's NodePort, keeping the client's source address ${p.src}; kube-proxy there answers as it would.`,
  'hop.lb-vip': (p, f) =>
    `${p.lb} accepts the connection on ${p.vip} and ${p.failOpen ? `finds every health check failing${p.local ? ' (no node runs an endpoint of the Service)' : ''}, so it fails open and picks any node` : `picks one of the healthy nodes${p.skipped.length ? ` (${f.list(p.skipped)} failed the health check: no local endpoint under externalTrafficPolicy Local)` : ''}`}: ${p.node} (${p.nodeIp}). It hands the packet over unchanged, still addressed to ${p.vip}, as a GCP passthrough load balancer or MetalLB does; on the node kube-proxy's KUBE-SERVICES rule for the load balancer IP takes it, and the reply leaves the node straight for the client.`,
  'hop.lb-unnat': (p) => `${p.lb} rewrites the reply's source from ${p.from} to its own ${p.to}, the address the client connected to.`,

  'hop.ingress-404': (p, f) =>
    `The ingress controller (${p.pod}) reads "${p.request}": no rule of ${f.list(p.ingresses)} matches that host and path and there is no default backend, so its own default backend answers HTTP 404 Not Found. The request was delivered (the TCP connection to the controller succeeded): the response goes back to the client.`,
  'hop.ingress-503': (p) =>
    `The ingress controller (${p.pod}) routes "${p.request}" by ${p.rule}, but ${p.why}, so it has no upstream to open a connection to and answers HTTP 503 Service Temporarily Unavailable itself. The request was delivered (the TCP connection to the controller succeeded): the response goes back to the client.`,
  'backend.no-service': (p) => `Service ${p.service} does not exist`,
  'backend.no-port': (p) => `Service ${p.service} has no port ${p.port}`,
  'backend.no-endpoints': (p) => `Service ${p.service} has no ready endpoints (${p.why})`,
  'hop.ingress-proxy': (p) =>
    `The ingress controller (${p.pod}) terminates the client's connection and reads "${p.request}"; ${p.path ? `the longest matching rule is ${p.path} (${p.pathType})` : 'no rule matches, so the default backend takes it'} -> Service ${p.service}:${p.port}. It opens a new connection from its own pod to endpoint ${p.endpoint} (${p.endpointPod ?? 'an address given in its EndpointSlice'}), round robin over the endpoints, without the ClusterIP.${p.tls === 'secret' ? ` TLS terminates here with the certificate of secret ${p.tlsSecret ?? '(unnamed)'}.` : p.tls === 'self-signed' ? ' No tls entry covers this host, so the controller answers TLS with its default self-signed certificate.' : ''}`,
  'dest.ingress-no-host': (p) => `No Ingress has a rule for host ${p.host} (and none has a catch-all rule or default backend).`,
  'dest.ingress-no-controller': (p) => `Ingress ${p.ingress} names no controllerService, so nothing receives its traffic.`,
  'dest.ingress-controller-no-ports': (p) => `The ingress controller Service ${p.service} has no ports.`,
  'dest.ingress-unreachable': (p) => `The ingress controller Service ${p.service} has neither a load balancer nor a NodePort reachable from outside.`,

  'hop.calico-pod-send': (p) =>
    `${p.pod}'s only routes are "${p.defaultRoute}" and "${p.gwRoute}": every destination, even a pod on the same node, goes to the gateway ${p.gw}, an address nobody has. ${p.cali} on the host answers its ARP request by proxy ARP with ${p.mac}.`,
  'hop.calico-veth-out': (p) =>
    `The frame comes out of ${p.cali}, the host end of ${p.pod}'s veth pair. There is no bridge: ${p.node}'s IP stack routes the packet.`,
  'drop.calico-no-pod': (p) => `No pod on ${p.node} has ${p.ip}.`,
  'hop.calico-to-pod': (p, f) =>
    `The /32 route "${p.route}" sends the packet out ${p.dev}, into ${p.pod}'s ${f.code('eth0')} at the other end of the veth pair.`,
  'drop.calico-blackhole': (p) =>
    `${p.ip} is in ${p.block}, one of ${p.node}'s own Calico IPAM blocks, but no pod here has it: the blackhole route for the block discards the packet (so it never leaks out to the default route).`,
  'hop.ipip-encap': (p) =>
    `${p.dev} (IP-in-IP, MTU ${p.mtu}) puts a second IP header in front of the pod packet: ${p.src} -> ${p.remote}'s ${p.remoteIp}, protocol 4 (IPIP). No UDP, no MAC inside: just IP in IP.`,
  'hop.ipip-decap': (p) =>
    `An IP packet of protocol 4 arrives on ${p.node}'s eth0; the kernel's ipip module strips the outer header and the pod packet appears on ${p.dev}.`,
  'hop.calico-vxlan-encap': (p) =>
    `${p.dev} (VXLAN, VNI ${p.vni}, MTU ${p.mtu}) wraps the pod packet in outer IP/UDP headers from ${p.src} to ${p.remote}'s ${p.remoteIp}, UDP port ${p.port} (IANA's VXLAN port; flannel uses the kernel's 8472).`,
  'hop.policy-established': (p, f) =>
    `${p.pod} is isolated for ${p.direction} (${f.list(p.policies)}), but this is the reply of a connection the policies allowed: conntrack knows it (ESTABLISHED), so ${p.chain} accepts it before any policy is looked at.`,
  'hop.policy-node-local': (p) =>
    `${p.pod} is isolated for ${p.direction}, but the other end is ${p.node}, the pod's own node: Kubernetes says traffic to and from the node a pod runs on is always allowed (kubelet probes use it), and Calico allows it by default.`,
  'hop.policy-allowed': (p, f) =>
    `Calico checks ${p.pod}'s ${p.direction} policy in ${p.chain}: ${f.list(p.policies)} ${f.plural(p.policies.length, { one: 'isolates', other: 'isolate' })} it, and ${p.by} allows ${p.flow} by its rule "${p.rule}".`,
  'drop.policy-denied': (p, f) =>
    `Calico drops ${p.flow} in ${p.chain}: ${p.pod} is isolated for ${p.direction} by ${f.list(p.policies)}, and no rule of ${f.plural(p.policies.length, { one: 'that policy', other: 'those policies' })} allows it. NetworkPolicy is allow-only: add a rule that allows this ${p.direction === 'ingress' ? 'source' : 'destination'} and port.`,
  'note.policy-not-enforced': (p, f) => `flannel does not implement NetworkPolicy; this policy has no effect (${f.list(p.policies)}).`,
  'drop.dns-denied': (p) => `The DNS query for ${p.name} to ${p.server} was denied: ${p.why}`,
  'drop.dns-not-coredns': (p) => `${p.at} got the DNS query but is not a CoreDNS pod of kube-system/kube-dns, so no answer comes back.`,
  'hop.dns-answer': (p, f) =>
    `CoreDNS (${p.pod}) answers ${p.name}: ${p.answer}.${p.tried.length ? ` The resolver had already asked ${f.list(p.tried)} (NXDOMAIN): resolv.conf searches ${p.namespace}.svc, svc and the cluster domain first when a name has fewer than 5 dots.` : ''}`,
  'answer.nxdomain': () => 'NXDOMAIN',
  'answer.service': (p) => `the ClusterIP ${p.ip} of Service ${p.service}`,
  'answer.headless': (p, f) => `the pod IPs ${f.list(p.ips)}: ${p.service} is headless (clusterIP None), so there is no virtual IP and no DNAT`,
  'answer.headless-empty': (p) => `no address: headless Service ${p.service} has no ready endpoints`,
  'answer.external-name': (p) =>
    `a CNAME to ${p.target} (ExternalName Service: no proxying, only DNS)${p.ip ? `, which the upstream resolver turns into ${p.ip}` : ''}`,
  'answer.pod': (p) => `the pod address ${p.ip}`,
  'answer.upstream': (p) => `${p.ip}, forwarded to the upstream resolver (the name is outside the cluster domain)`,
  'drop.dns-no-answer': (p) => `The DNS query for ${p.name} to ${p.server} got no answer${p.why ? `: ${p.why}` : '.'}`,
  'drop.dns-no-coredns': (p, f) =>
    `The DNS query for ${p.name} to ${p.server} got no answer: this cluster has no CoreDNS. There is no kube-dns Service in kube-system, so nothing answers at ${p.nameserver}, the nameserver kubelet writes into every pod's resolv.conf${p.why ? ` (on the way: ${f.clause(p.why)})` : ''}. Add cluster DNS to install CoreDNS.`,
  'drop.dns-no-coredns-pods': (p, f) =>
    `The DNS query for ${p.name} to ${p.server} got no answer: no CoreDNS pods answer behind kube-system/kube-dns. It selects ${f.code('k8s-app=kube-dns')} and no pod in kube-system has that label, so the Service has no endpoints${p.why ? ` (on the way: ${f.clause(p.why)})` : ''}. Add cluster DNS to bring CoreDNS back.`,
  'drop.dns-nxdomain': (p, f) => `${p.name} does not exist: CoreDNS answered NXDOMAIN for ${f.list(p.names)}.`,
  'drop.dns-cname-unresolved': (p) =>
    `${p.name} is a CNAME to ${p.target}, which the upstream resolver cannot resolve in this scenario (name an outside host ${p.target} to make it resolvable).`,
  'drop.dns-headless-empty': (p) => `${p.name} is a headless Service without ready endpoints: DNS returns no address to connect to.`,

  'dest.invalid-url': (p) => `${p.to} is not a valid URL.`,
  'dest.unknown': (p) => `${p.to} is neither an IPv4 address nor an element of this scenario.`,
  'dest.service-no-cluster-ip': (p) => `Service ${p.service} has no ClusterIP to send to.`,
  'dest.no-address': (p) => `${p.to} is a ${KIND[p.kind]}, which has no address to send to.`,

  ...enSend,
  ...enModel,
  ...enInput,
  ...enManifest,
};
