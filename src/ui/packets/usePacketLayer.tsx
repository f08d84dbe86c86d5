/**
 * The packet layer of the canvas (PacketLayer.tsx), fetched on demand: when the browser is idle after
 * the first paint (beside the tracer's preload) or at the first Send, whichever comes first. Until a
 * packet is on the canvas nothing is drawn; if one is and the code is still on its way the canvas says
 * "Loading…", and if it could not be fetched it says so with Try again (the send, the hop list and the
 * rest of the canvas keep working).
 */
import { useEffect, useState } from 'react';
import { Panel } from '@xyflow/react';
import { onDemand } from '../../store/onDemand';
import { PanelFailed } from '../LazyPanel';
import { useT } from '../../i18n/useT';
import type * as LayerModule from './PacketLayer';

const layer = onDemand(() => import('./PacketLayer'));

/** Fetch the packet layer's code ahead of need (a failure is said when a packet is on the canvas). */
export function preloadPacketLayer(): void {
  void layer.load().catch(() => undefined);
}

export interface PacketLayerCode {
  /** The module, once here. */
  code: typeof LayerModule | undefined;
  failed: boolean;
  retry(): void;
}

/** The packet layer's code once `wanted`: at once if fetched already, else fetched now (a failure can be retried). */
export function usePacketLayer(wanted: boolean): PacketLayerCode {
  const code = layer.now();
  const [, setArrived] = useState(0);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!wanted || code) return undefined;
    let live = true;
    layer.load().then(
      () => live && setArrived((n) => n + 1),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, code, attempt]);
  return {
    code,
    failed: failed && !code,
    retry: () => {
      setFailed(false);
      setAttempt((n) => n + 1);
    },
  };
}

/** Over the canvas while a packet is there but the layer's code is not: "Loading…", or the failure with Try again. */
export function PacketLayerPending({ failed, retry }: { failed: boolean; retry(): void }) {
  const t = useT();
  return (
    <Panel position="bottom-center" className="packet-layer-pending" data-testid="packet-layer-pending">
      {failed ? (
        <PanelFailed retry={retry} />
      ) : (
        <p className="side-loading" role="status">
          {t('side.loading')}
        </p>
      )}
    </Panel>
  );
}
