import { useMemo, useState } from 'react';
import vxlan from '../../examples/vxlan-across-subnets.json';
import { parseScenario, trace, type TraceResult } from '../sim/index';

/** Temporary main screen until the canvas lands: trace the example and list its hops. */
export function App() {
  const scenario = useMemo(() => {
    const r = parseScenario(vxlan);
    if (!r.ok) throw new Error('bundled example is invalid');
    return r.scenario;
  }, []);
  const [result, setResult] = useState<TraceResult | null>(null);
  return (
    <main className="app">
      <h1>Kube Network Playground</h1>
      <p>{scenario.name}</p>
      <button type="button" onClick={() => setResult(trace(scenario, { from: 'client', to: 'web', port: 80 }))}>
        Send packet client → web:80
      </button>
      {result && (
        <ol aria-label="hops">
          {result.hops.map((h, i) => (
            <li key={i}>
              <strong>{h.at}</strong> {h.iface} {h.action}: {h.packet.src} → {h.packet.dst}
              {h.packet.outer ? ` [outer ${h.packet.outer.src} → ${h.packet.outer.dst} UDP ${h.packet.outer.dport} VNI ${h.packet.outer.vni}]` : ''} — {h.explain}
            </li>
          ))}
        </ol>
      )}
      {result && <p role="status">verdict: {result.verdict}</p>}
    </main>
  );
}
