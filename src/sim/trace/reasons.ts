/**
 * The stable list of reasons a packet is dropped. Codes never change meaning; the UI, the CLI and
 * tests match on them. Each has a default sentence; the tracer adds the specifics.
 */
export const DROP_REASONS = {
  'no-route': 'No route matches the destination, so the packet cannot be forwarded (ICMP net unreachable).',
  'not-l2-adjacent':
    'flannel host-gw needs the nodes on one L2 subnet: its route "podCIDR via nodeIP" can only use a next hop on a directly connected network.',
  'host-unreachable': 'Nobody answers ARP for the next hop on that segment (ICMP host unreachable).',
  'ttl-exceeded': 'The TTL reached zero while forwarding (ICMP time exceeded), usually a routing loop.',
  'port-closed': 'Nothing listens on that port at the destination (TCP RST or ICMP port unreachable).',
  'no-endpoints': 'The Service has no ready endpoints; kube-proxy REJECTs it (ICMP port unreachable).',
  'no-local-endpoints': 'externalTrafficPolicy/internalTrafficPolicy Local and no endpoint on this node: dropped.',
  nxdomain: 'The name does not exist (DNS NXDOMAIN).',
  'dns-unavailable': 'No DNS server answers: the cluster DNS Service has no endpoints or does not exist.',
  'http-404': 'The ingress controller found no rule and no default backend for this host and path (HTTP 404).',
  'unknown-destination': 'The destination is not an address or element this scenario knows.',
  'reply-mismatch':
    'The reply comes from another address or port than the request was sent to: a NAT was not undone on the way back (the reply took another path), so no socket expects it.',
  'loop-detected': 'The packet came back to a place it had been in the same state: a forwarding loop.',
  'hairpin-disabled':
    "A pod reached itself through its Service, but its veth's bridge port has hairpin_mode off, so cni0 will not send the frame back out of the port it came in on.",
  'policy-denied': 'A NetworkPolicy isolates the pod in this direction and none of its rules allows the packet; the CNI (Calico) drops it.',
} as const;

export type DropCode = keyof typeof DROP_REASONS;

export const DROP_CODES = Object.keys(DROP_REASONS) as DropCode[];
