/**
 * A node's kube-system pods drawn collapsed: one compact row at the foot of its pod column, on the
 * same cni0 bridge as the pods above it, naming kube-system and how many pods run there. A click
 * draws the system pods (the canvas's System pods toggle does the same).
 */
import { SYSTEM_NAMESPACE } from '../../sim/index';
import { podSlot, POD_W, SYSTEM_ROW_H, systemRowY } from '../../layout/geometry';
import { setSystemPodsMode } from './systemPods';
import { useT } from '../../i18n/useT';
import './systemRow.css';

export function SystemRow({ names, podCount }: { names: string; podCount: number }) {
  const t = useT();
  const count = names.split(', ').length;
  const style = { left: podSlot(0).x, top: systemRowY(podCount), width: POD_W, height: SYSTEM_ROW_H };
  return (
    <button
      type="button"
      className="sys-row nodrag"
      style={style}
      data-testid="system-pods-row"
      title={t('canvas.systemRowTitle', { names })}
      aria-label={t('canvas.systemRowLabel', { count, names })}
      onClick={(e) => {
        e.stopPropagation();
        setSystemPodsMode('shown');
      }}
    >
      <b>{SYSTEM_NAMESPACE}</b>
      <span className="sys-row-count">{t(count === 1 ? 'canvas.systemRow.one' : 'canvas.systemRow.other', { count })}</span>
      <span className="sys-row-more" aria-hidden>
        ▸
      </span>
    </button>
  );
}
