import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addClient, addLoadBalancer, addNode, addPod, addRouter, addService, addSubnet, deleteElements, movePod, type EditResult } from './edit';
import { editElement } from './editFields';

import { errors, scenario } from './edit.fixtures';

describe('any sequence of edits keeps a valid scenario valid', () => {
  type Op = { op: 'node' | 'pod' | 'move' | 'svc' | 'client' | 'router' | 'subnet' | 'del' | 'ip' | 'lb'; a: number; b: number };
  const op = fc.record({
    op: fc.constantFrom<Op['op']>('node', 'pod', 'move', 'svc', 'client', 'router', 'subnet', 'del', 'ip', 'lb'),
    a: fc.nat(20),
    b: fc.nat(300),
  });
  it('holds for random add / move / delete / edit sequences', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let s = scenario();
        for (const o of ops) {
          const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[o.a % xs.length] : undefined);
          let r: EditResult | undefined;
          switch (o.op) {
            case 'node':
              r = addNode(s, { subnet: pick(s.subnets)?.id ?? '' });
              break;
            case 'pod':
              r = addPod(s, { node: pick(s.nodes)?.id ?? '' });
              break;
            case 'move':
              r = movePod(s, pick(s.pods)?.id ?? '', s.nodes[o.b % Math.max(1, s.nodes.length)]?.id ?? '');
              break;
            case 'svc':
              r = addService(s, { selector: { app: 'web' } });
              break;
            case 'client':
              r = addClient(s, { subnet: pick(s.subnets)?.id ?? '' });
              break;
            case 'router':
              r = addRouter(s, { subnets: s.subnets.slice(0, 1 + (o.a % 2)).map((x) => x.id) });
              break;
            case 'subnet':
              r = addSubnet(s);
              break;
            case 'lb':
              r = addLoadBalancer(s, { service: pick(s.services)?.id ?? '', subnet: pick(s.subnets)?.id ?? '' });
              break;
            case 'del': {
              const all = [...s.pods, ...s.nodes, ...s.services, ...s.clients, ...s.routers, ...s.subnets];
              const victim = pick(all);
              if (victim) s = deleteElements(s, [victim.id]).scenario;
              break;
            }
            case 'ip': {
              const pod = pick(s.pods);
              if (pod) r = editElement(s, pod.id, { ip: `10.244.${o.b % 4}.${o.b % 256}` });
              break;
            }
          }
          if (r?.ok) s = r.scenario;
          expect(errors(s)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });
});
