/**
 * The right-hand panel: the open lesson on top (its own scroll), then the inspector and problems
 * or the packets (send, playback, hop inspector). Resizable by its left edge (drag, or the arrow
 * keys on the handle) and foldable to a thin edge, so the canvas can have the room.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { lazyPanel } from './LazyPanel';
import { usePacketStore } from './packets/PacketsContext';
import { PacketPanel } from './packets/PacketPanel';
import { insideStore } from '../store/insideStore';
import { useT } from '../i18n/useT';
import { clampSide, setView, SIDE_MAX, SIDE_MIN, useView, viewStore } from './view';
import { withEditingCode } from '../store/editing';

export type SideTab = 'inspect' | 'packets' | 'policies' | 'inside';

// Loaded when first opened (with the YAML library and the node dumps), so the first load stays light.
// The Policies tab edits policies and namespace labels: it comes with the editing code too.
const PolicyPanel = lazyPanel(() => withEditingCode(import('./policy/PolicyPanel')).then((m) => m.PolicyPanel));
const InsideView = lazyPanel(() => import('./inside/InsideView').then((m) => m.InsideView));

function ResizeHandle() {
  const t = useT();
  const width = useView((s) => s.sideWidth);
  const drag = useRef<{ x: number; w: number } | undefined>(undefined);
  const onPointerDown = useCallback((e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, w: viewStore.getState().sideWidth };
  }, []);
  const onPointerMove = useCallback((e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) setView({ sideWidth: clampSide(d.w + d.x - e.clientX) });
  }, []);
  const onPointerUp = useCallback(() => {
    drag.current = undefined;
  }, []);
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const step = e.shiftKey ? 80 : 20;
    const w = viewStore.getState().sideWidth;
    if (e.key === 'ArrowLeft') setView({ sideWidth: clampSide(w + step) });
    else if (e.key === 'ArrowRight') setView({ sideWidth: clampSide(w - step) });
    else if (e.key === 'Home') setView({ sideWidth: SIDE_MAX });
    else if (e.key === 'End') setView({ sideWidth: SIDE_MIN });
    else return;
    e.preventDefault();
  }, []);
  return (
    <div
      className="side-resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('side.resize')}
      aria-valuemin={SIDE_MIN}
      aria-valuemax={SIDE_MAX}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}

export function SidePanel({ inspect, lesson }: { inspect: ReactNode; lesson?: ReactNode }) {
  const t = useT();
  const packets = usePacketStore();
  const [tab, setTab] = useState<SideTab>('inspect');
  const collapsed = useView((s) => s.sideCollapsed);
  // Sending a packet (from the form, the canvas, a lesson or the welcome card) brings its hops into view,
  // or, while the tracer is fetched or when the send fails, the line that says so.
  useEffect(
    () =>
      packets.subscribe((s, prev) => {
        const started = s.loadingTracer === true && prev.loadingTracer !== true;
        const failed = s.sendError !== undefined && s.sendError !== prev.sendError;
        if (s.packets.length > prev.packets.length || (s.pick.mode !== 'off' && prev.pick.mode === 'off') || started || failed) {
          setTab('packets');
          if (viewStore.getState().sideCollapsed) setView({ sideCollapsed: false });
        }
      }),
    [packets],
  );
  // A hop's link to its matched entry opens the Inside view at that line.
  useEffect(
    () =>
      insideStore.subscribe((s, prev) => {
        if (s.opened === prev.opened) return;
        setTab('inside');
        if (viewStore.getState().sideCollapsed) setView({ sideCollapsed: false });
      }),
    [],
  );
  if (collapsed) {
    return (
      <div className="side collapsed">
        <button
          type="button"
          className="side-toggle"
          onClick={() => setView({ sideCollapsed: false })}
          aria-expanded={false}
          aria-label={t('side.expand')}
          title={t('side.expand')}
        >
          ‹
        </button>
      </div>
    );
  }
  return (
    <div className="side">
      <ResizeHandle />
      {lesson}
      <div className="side-tabs" role="tablist" aria-label={t('side.label')}>
        <button type="button" role="tab" id="tab-inspect" aria-selected={tab === 'inspect'} aria-controls="panel-inspect" onClick={() => setTab('inspect')}>
          {t('panel.inspector')}
        </button>
        <button type="button" role="tab" id="tab-packets" aria-selected={tab === 'packets'} aria-controls="panel-packets" onClick={() => setTab('packets')}>
          {t('side.packets')}
        </button>
        <button type="button" role="tab" id="tab-policies" aria-selected={tab === 'policies'} aria-controls="panel-policies" onClick={() => setTab('policies')}>
          {t('side.policies')}
        </button>
        <button type="button" role="tab" id="tab-inside" aria-selected={tab === 'inside'} aria-controls="panel-inside" onClick={() => setTab('inside')}>
          {t('side.inside')}
        </button>
        <button
          type="button"
          className="side-toggle"
          onClick={() => setView({ sideCollapsed: true })}
          aria-expanded={true}
          aria-label={t('side.collapse')}
          title={t('side.collapse')}
        >
          ›
        </button>
      </div>
      <div className="side-body">
        <div id="panel-inspect" role="tabpanel" aria-labelledby="tab-inspect" hidden={tab !== 'inspect'} className="side-panel">
          {inspect}
        </div>
        <div id="panel-packets" role="tabpanel" aria-labelledby="tab-packets" hidden={tab !== 'packets'} className="side-panel">
          <PacketPanel />
        </div>
        <div id="panel-policies" role="tabpanel" aria-labelledby="tab-policies" hidden={tab !== 'policies'} className="side-panel">
          {tab === 'policies' && <PolicyPanel />}
        </div>
        <div id="panel-inside" role="tabpanel" aria-labelledby="tab-inside" hidden={tab !== 'inside'} className="side-panel">
          {tab === 'inside' && <InsideView />}
        </div>
      </div>
    </div>
  );
}
