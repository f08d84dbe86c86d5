import { useStore, type StoreApi } from 'zustand';
import type { PacketSlice } from '../../store/packetStore';
import { useT } from '../../i18n/useT';

/** A small bar chart of where the last burst of requests went. */
export function TallyChart({ store, nameOf }: { store: StoreApi<PacketSlice>; nameOf(id: string): string }) {
  const t = useT();
  const burst = useStore(store, (s) => s.lastBurst);
  if (!burst) return null;
  const max = Math.max(...burst.tally.map((x) => x.count));
  return (
    <figure className="tally" aria-label={t('packet.endpoints')}>
      <figcaption>{t('send.tallyCaption', { count: burst.count, to: `${burst.spec.to}${burst.spec.port ? `:${burst.spec.port}` : ''}` })}</figcaption>
      <ul>
        {burst.tally.map((x) => (
          <li key={x.endpoint}>
            <span className="tally-label">{x.endpoint.startsWith('dropped') ? x.endpoint : nameOf(x.endpoint)}</span>
            <span className="tally-bar" style={{ width: `${(100 * x.count) / max}%` }} />
            <span className="tally-count">{x.count}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
