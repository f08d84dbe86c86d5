import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';

/** A small bar chart of where the last burst of requests went. */
export function TallyChart({ store, nameOf }: { store: StoreApi<PacketSlice>; nameOf(id: string): string }) {
  const burst = useStore(store, (s) => s.lastBurst);
  if (!burst) return null;
  const max = Math.max(...burst.tally.map((t) => t.count));
  return (
    <figure className="tally" aria-label="Where the requests went">
      <figcaption>
        {burst.count} requests to {burst.spec.to}
        {burst.spec.port ? `:${burst.spec.port}` : ''}
      </figcaption>
      <ul>
        {burst.tally.map((t) => (
          <li key={t.endpoint}>
            <span className="tally-label">{t.endpoint.startsWith('dropped') ? t.endpoint : nameOf(t.endpoint)}</span>
            <span className="tally-bar" style={{ width: `${(100 * t.count) / max}%` }} />
            <span className="tally-count">{t.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
