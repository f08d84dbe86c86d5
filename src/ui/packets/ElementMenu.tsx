/** The canvas context menu: "Send packet from here" on a pod, node or outside client. */
import { useEffect, useRef } from 'react';
import { useEditor } from '../state';
import { canSendFrom, topology } from '../../sim/index';
import { usePacketStore } from './PacketsContext';
import { useT } from '../../i18n/useT';

export interface MenuAt {
  id: string;
  x: number;
  y: number;
}

export function ElementMenu({ at, onClose }: { at: MenuAt; onClose(): void }) {
  const t = useT();
  const packets = usePacketStore();
  const ref = useRef<HTMLDivElement>(null);
  const canSend = useEditor((s) => canSendFrom(s.scenario, at.id));
  const name = useEditor((s) => topology(s.scenario).names.get(at.id) ?? at.id);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent && e.key !== 'Escape') return;
      if (e instanceof PointerEvent && ref.current?.contains(e.target as Node)) return;
      onClose();
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [onClose]);
  const toMode = packets.getState().pick.mode === 'to';
  return (
    <div ref={ref} className="element-menu" role="menu" aria-label={t('send.actionsFor', { name })} style={{ left: at.x, top: at.y }}>
      {canSend && (
        <button
          type="button"
          role="menuitem"
          onClick={() => {
            packets.getState().pickFrom(at.id);
            onClose();
          }}
        >
          {t('packet.sendFromHere')}
        </button>
      )}
      {toMode && (
        <button
          type="button"
          role="menuitem"
          onClick={() => {
            void packets.getState().pickElement(at.id);
            onClose();
          }}
        >
          {t('send.sendHere')}
        </button>
      )}
      {!canSend && !toMode && <p className="element-menu-note">{t('send.pickSourceFirst', { name })}</p>}
    </div>
  );
}
