/** The hosts' stacks the underlay hands frames to (see Receivers in trace/context.ts). */
import type { Receivers } from '../trace/context';
import { nodeStack } from './host';
import { receiveAtLoadBalancer } from './loadbalancer';

export const RECEIVERS: Receivers = { node: nodeStack, loadBalancer: receiveAtLoadBalancer };
