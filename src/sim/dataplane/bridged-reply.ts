/** conntrack (or IPVS) un-NATing a reply that is bridged on cni0 between two pods of one node. */
import type { Node } from '../model/schema';
import type { TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';
import { reverseReplyNat } from './conntrack';
import { msg } from '../messages/index';

/**
 * A reply switched on cni0 between two pods of one node never reaches the routing code, but with
 * br_netfilter (net.bridge.bridge-nf-call-iptables=1, which Kubernetes requires) bridged frames pass
 * netfilter, so conntrack still reverses the Service DNAT. Without it the client would get a reply
 * from the pod IP instead of the ClusterIP and drop it. In IPVS mode it is IPVS that un-NATs it, at the
 * FORWARD hook br_netfilter runs for bridged IPv4 frames (br_nf_forward_ip; ip_vs_reply4 at NF_INET_FORWARD).
 */
export function bridgedReply(ctx: TraceCtx, node: Node, pkt: PacketHeaders): PacketHeaders {
  return reverseReplyNat(ctx, node, pkt, 'cni0', 'dnat', (e, out) =>
    e.byIpvs
      ? msg('hop.ipvs-unnat', { node: node.name, from: `${pkt.src}:${pkt.sport}`, src: `${out.src}:${out.sport}`, hook: 'FORWARD' })
      : msg('hop.bridged-undnat', { src: `${out.src}:${out.sport}` }),
  );
}
