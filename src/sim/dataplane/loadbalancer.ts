/** A cloud load balancer in front of a Service's NodePorts. */
import type { LoadBalancer } from '../model/schema';
import { drop, type TraceCtx } from '../trace/context';
import type { PacketHeaders } from '../trace/types';

export function receiveAtLoadBalancer(ctx: TraceCtx, lb: LoadBalancer, pkt: PacketHeaders): never {
  drop(ctx, 'port-closed', lb.id, 'loadBalancer', pkt, `${lb.name} has no listener for this packet.`);
}
