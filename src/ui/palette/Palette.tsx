/**
 * The palette: drag an element type onto the canvas, or focus it and press Enter to add one next
 * to (or into) the current selection. Folds to a rail of icons (name and hint as tooltips).
 */
import { memo, useCallback, type DragEvent } from 'react';
import type { ElementKind } from '../../sim/index';
import { elementKindKey, type MessageKey } from '../../i18n/index';
import { useT } from '../../i18n/useT';
import { KindIcon } from '../canvas/icons';
import { PALETTE_MIME } from '../canvas/Canvas';
import { useAddElement, type PaletteKind } from '../canvas/useAddElement';
import { setView, useView } from '../view';
import { withEditing } from '../../store/editing';

/** The palette's element kinds, in order, with the keys of their names and hints; then the cluster add-ons. */
export const PALETTE_ITEMS: { kind: PaletteKind; label: MessageKey; hint: MessageKey }[] = [
  ...(['subnet', 'router', 'node', 'pod', 'service', 'loadBalancer', 'ingress', 'client'] as const).map((kind) => ({
    kind,
    label: elementKindKey(kind),
    hint: `palette.hint.${kind}` as MessageKey,
  })),
  { kind: 'ingressController', label: 'palette.ingressController', hint: 'palette.hint.ingressController' },
  { kind: 'clusterDns', label: 'palette.clusterDns', hint: 'palette.hint.clusterDns' },
];

/** The icon an add-on borrows: the controller is the proxy behind Ingresses, DNS a Service. */
function iconKind(kind: PaletteKind): ElementKind {
  return kind === 'ingressController' ? 'ingress' : kind === 'clusterDns' ? 'service' : kind;
}

const PaletteItem = memo(function PaletteItem({
  kind,
  label,
  hint,
  ariaLabel,
  onAdd,
  rail,
}: {
  kind: PaletteKind;
  label: string;
  hint: string;
  ariaLabel: string;
  onAdd: (k: PaletteKind) => void;
  rail: boolean;
}) {
  const onDragStart = useCallback(
    (e: DragEvent) => {
      e.dataTransfer.setData(PALETTE_MIME, kind);
      e.dataTransfer.effectAllowed = 'copy';
    },
    [kind],
  );
  return (
    <li>
      <button
        type="button"
        className={`palette-item kind-${kind}`}
        draggable
        onDragStart={onDragStart}
        onClick={() => onAdd(kind)}
        aria-label={ariaLabel}
        data-kind={kind}
        {...(rail ? { title: `${label}: ${hint}` } : {})}
      >
        <span className="palette-icon">
          <KindIcon kind={iconKind(kind)} />
        </span>
        {!rail && (
          <span className="palette-text">
            <span className="palette-label">{label}</span>
            <span className="palette-hint">{hint}</span>
          </span>
        )}
      </button>
    </li>
  );
});

export function Palette() {
  const t = useT();
  const add = useAddElement();
  const onAdd = useCallback((k: PaletteKind) => withEditing(() => add(k)), [add]);
  const rail = useView((v) => v.paletteCollapsed);
  return (
    <nav className={`palette${rail ? ' rail' : ''}`} aria-label={t('palette.navLabel')}>
      <div className="palette-head">
        {!rail && <h2 className="panel-title">{t('palette.add')}</h2>}
        <button
          type="button"
          className="palette-toggle"
          onClick={() => setView({ paletteCollapsed: !rail })}
          aria-expanded={!rail}
          aria-label={rail ? t('palette.expand') : t('palette.collapse')}
          title={rail ? t('palette.expand') : t('palette.collapse')}
        >
          {rail ? '»' : '«'}
        </button>
      </div>
      <ul>
        {PALETTE_ITEMS.map((it) => {
          const label = t(it.label);
          const hint = t(it.hint);
          return (
            <PaletteItem key={it.kind} kind={it.kind} label={label} hint={hint} ariaLabel={t('palette.itemLabel', { label, hint })} onAdd={onAdd} rail={rail} />
          );
        })}
      </ul>
      {!rail && <p className="palette-tip">{t('palette.tip')}</p>}
    </nav>
  );
}
