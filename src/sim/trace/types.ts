/** Packets, hops and trace results: the shapes the tracer produces and the UI animates. */
import type { ElementKind, Protocol } from '../model/schema';
import type { DropCode } from './reasons';
import type { Message } from '../messages/index';

/**
 * The addresses of an Ethernet II frame (Wireshark's "Ethernet II, Src: …, Dst: …"): the sending
 * interface's MAC and the one the sender's neighbour (ARP) or FDB entry gave for the next hop. They
 * are rewritten at every routed hop; the IP header is not.
 */
export interface EthernetHeader {
  src: string;
  dst: string;
}

/**
 * The outer header an overlay wraps around the inner packet: IP/UDP/VXLAN (flannel.1 on UDP 8472,
 * Calico's vxlan.calico on 4789), or Calico's IP-in-IP (proto "ipip", IP protocol 4: no UDP, no VNI).
 */
export interface OuterHeader {
  src: string;
  dst: string;
  proto: 'udp' | 'ipip';
  sport?: number | undefined;
  /** 8472 for flannel (the Linux kernel's VXLAN port), 4789 for Calico. */
  dport?: number | undefined;
  vni?: number;
  ttl: number;
  /** The frame on the underlay wire (node NIC to next hop), once the sender has resolved its next hop. */
  eth?: EthernetHeader | undefined;
}

export interface HttpRequestLine {
  host: string;
  path: string;
  /** On a response: its status code (the request's Host and path kept beside it). */
  status?: number;
}

/**
 * The HTTP response an L7 proxy gave the client itself (ingress-nginx's 404 from its default backend,
 * its 503 for a backend without endpoints): the request was delivered, the connection succeeded.
 */
export interface HttpResponse {
  status: number;
  /** The reason phrase as nginx writes it in the status line. */
  text: string;
}

/** The headers of a packet at one point of its journey. */
export interface PacketHeaders {
  src: string;
  dst: string;
  proto: Protocol;
  sport?: number | undefined;
  dport?: number | undefined;
  ttl: number;
  /** Present while VXLAN-encapsulated. */
  outer?: OuterHeader;
  /** Present when an L7 proxy reads the request (ingress). */
  http?: HttpRequestLine;
  /**
   * The Ethernet frame around this IP packet: the one on the wire, or inside VXLAN the inner frame
   * (flannel.1 to flannel.1). None before the first link, on lo, and inside IP-in-IP (no inner frame).
   */
  eth?: EthernetHeader | undefined;
}

export type HopAction =
  | 'send'
  | 'veth'
  | 'bridge'
  | 'route'
  | 'arp'
  | 'switch'
  | 'encapsulate'
  | 'decapsulate'
  | 'dnat'
  | 'snat'
  | 'unnat'
  | 'loopback'
  | 'deliver'
  | 'drop'
  | 'dns'
  | 'l7'
  | 'lb'
  | 'policy';

/** What a hop matched: a route, an FDB/ARP entry, an iptables rule, an IPVS entry, an ingress rule. */
export interface HopMatch {
  kind: 'route' | 'fdb' | 'arp' | 'iptables' | 'ipvs' | 'conntrack' | 'ingress' | 'lb' | 'dns' | 'listener' | 'policy';
  /** e.g. `nat` for iptables, `main` for a route table. */
  table?: string;
  /** iptables chain, e.g. KUBE-SVC-ABCDEF... */
  chain?: string;
  /** The entry as the real tool would print it. */
  rule: string;
  /** What the reader should know about the entry that the tool does not print ("not in the table"), in the reader's language. */
  msg?: Message;
}

export type PacketField = 'src' | 'dst' | 'sport' | 'dport' | 'ttl' | 'outer' | 'http' | 'proto' | 'eth';

export interface Hop {
  /** Element id of the place: a pod, node, subnet, router, client, service, LB or ingress. */
  at: string;
  kind: ElementKind;
  /** Interface on that element: eth0, vethXXXXXXXX, cni0, flannel.1, kube-ipvs0, ... */
  iface?: string;
  action: HopAction;
  /** The packet after this hop. */
  packet: PacketHeaders;
  /** Fields that differ from the previous hop's packet. */
  changed: PacketField[];
  match?: HopMatch[];
  /** The canvas edge the packet crossed to arrive here, when it crossed one. */
  link?: string | undefined;
  /** What happened, as a message code and its parameters (rendered in the reader's language outside sim). */
  msg: Message;
}

export interface DropReason {
  code: DropCode;
  /** The specifics, as a message code and its parameters. */
  msg: Message;
  /** Element id where the packet died. */
  at: string;
  /** policy-denied: the direction whose policies denied the packet. */
  direction?: 'ingress' | 'egress';
  /** policy-denied: the policies (`namespace/name`) isolating the pod in that direction, none of which allowed it. */
  policies?: string[];
  /** policy-denied: the pod (id) whose policies denied it. */
  pod?: string;
}

/** Something the trace says once about the whole trace, e.g. that a policy had no effect. */
export interface TraceNote {
  code: 'policy-not-enforced';
  msg: Message;
  policies: string[];
}

export interface PathResult {
  verdict: 'delivered' | 'dropped';
  reason?: DropReason;
  hops: Hop[];
}

/** The DNS lookup a pod makes before connecting to a name: the query's path to CoreDNS and the answer's way back. */
export interface DnsLookup extends PathResult {
  /** The name as the application asked for it. */
  name: string;
  /** The nameserver from the pod's resolv.conf (the kube-dns ClusterIP). */
  server: string;
  /** Every name the resolver asked, in order (search list, ndots:5), with its answer code. */
  queries: { name: string; rcode: 'NOERROR' | 'NXDOMAIN' }[];
  /** The answer's resource records as dig prints them. */
  records: string[];
  /** The addresses the application gets, first one used. */
  answer?: string[];
  /** The response's path back to the pod (conntrack restores the kube-dns ClusterIP as source). */
  reply?: PathResult;
}

/**
 * A second connection opened by a proxy after reading the request (the ingress controller pod to a
 * backend pod): traced like a request of its own, with its own reply.
 */
export interface UpstreamLeg {
  /** Element id of the proxy that opened it. */
  from: string;
  request: PathResult;
  reply?: PathResult;
  endpoint?: string;
}

export interface TraceResult extends PathResult {
  /** The reply, traced back through conntrack, when the request was delivered. */
  reply?: PathResult;
  /** When the destination was a name: the DNS lookup that came first. */
  dns?: DnsLookup;
  /** When an ingress controller proxied the request: its new connection to the backend pod. */
  upstream?: UpstreamLeg;
  /** When the ingress controller answered the request itself (404, 503): the response's status. */
  http?: HttpResponse;
  /** Which backend answered (element id), when a service chose one. */
  endpoint?: string;
  /** Said once about the whole trace (flannel: "this policy has no effect"). */
  notes?: TraceNote[];
  seed: number;
}
