/**
 * The matrix grid, windowed: at 100 pods it has 10,100 cells, and putting them all in the DOM costs
 * the main thread about a second of layout (the page freezes while the worker's rows arrive). Only
 * the rows and columns in view (plus a few around them) are rendered; the scroll area keeps the
 * whole grid's size, and the row and column headers stay in place (position: sticky) while it scrolls.
 * Each cell is a real button with the full sentence as its label and tooltip.
 */
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { type MatrixCell, type MatrixTarget } from '../../sim/index';
import { dropReasonMessage } from '../../sim/tracer';
import type { Translator } from '../../i18n/index';
import '../../i18n/parts/policy';

/** Cell and header sizes in px (the CSS in policy.css draws the cells at exactly these). */
export const CELL_W = 28;
export const CELL_H = 26;
const ROW_HEAD_W = 190;
const COL_HEAD_H = 120;
/** Rows and columns rendered beyond the visible ones on each side, so a small scroll shows no gap. */
const OVERSCAN = 6;

export interface MatrixSource {
  id: string;
  name: string;
}

interface Range {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export function cellTitle(t: Translator, from: string, to: MatrixTarget, c: MatrixCell): string {
  const head = `${from} → ${to.name}:${to.port}`;
  if (c.verdict === 'allowed')
    return c.rules?.length ? `${head}: ${t('matrix.allowedBy', { rules: c.rules.join('; ') })}` : `${head}: ${t('matrix.allowedOpen')}`;
  if (c.verdict === 'denied')
    return `${head}: ${t(c.direction === 'ingress' ? 'matrix.deniedIngress' : 'matrix.deniedEgress', { policies: (c.policies ?? []).join(', ') })}`;
  return `${head}: ${c.code ? t('matrix.droppedWhy', { code: c.code, reason: dropReasonMessage(c.code) }) : t('matrix.dropped', { code: '' })}`;
}

function mark(c: MatrixCell): string {
  return c.verdict === 'allowed' ? '✓' : c.verdict === 'denied' ? '✕' : '–';
}

/** The index range [first, last] of the items of size `size` that a window [from, from + length) shows. */
export function windowRange(from: number, length: number, size: number, count: number, overscan = OVERSCAN): [number, number] {
  if (count === 0) return [0, -1];
  const first = Math.max(0, Math.floor(Math.max(0, from) / size) - overscan);
  const last = Math.min(count - 1, Math.ceil((Math.max(0, from) + Math.max(0, length)) / size) + overscan);
  return [first, last];
}

interface RowProps {
  i: number;
  src: MatrixSource;
  targets: MatrixTarget[];
  cells: MatrixCell[] | undefined;
  c0: number;
  c1: number;
  t: Translator;
  onSend(from: string, to: MatrixTarget): void;
}

/** The visible cells of one row; memoized so a batch of new rows or a scroll re-renders only what changed. */
const Row = memo(function Row({ i, src, targets, cells, c0, c1, t, onSend }: RowProps) {
  // A row still being traced is one striped strip, not a placeholder per cell.
  if (!cells)
    return <div className="matrix-pending" style={{ top: i * CELL_H, left: ROW_HEAD_W + c0 * CELL_W, width: (c1 - c0 + 1) * CELL_W, height: CELL_H }} />;
  const out = [];
  for (let j = c0; j <= c1; j++) {
    const x = targets[j]!;
    const c = cells?.[j];
    if (!c) continue;
    const style = { top: i * CELL_H, left: ROW_HEAD_W + j * CELL_W };
    const title = cellTitle(t, src.name, x, c);
    out.push(
      <button
        key={x.id}
        type="button"
        className={`matrix-cell ${c.verdict}`}
        style={style}
        data-testid="matrix-cell"
        data-verdict={c.verdict}
        data-from={src.id}
        data-to={x.id}
        title={title}
        aria-label={title}
        onClick={() => onSend(src.id, x)}
      >
        {mark(c)}
      </button>,
    );
  }
  return <>{out}</>;
});

interface GridProps {
  sources: MatrixSource[];
  targets: MatrixTarget[];
  rows: (MatrixCell[] | undefined)[];
  label: string;
  t: Translator;
  onSend(from: string, to: MatrixTarget): void;
}

export function MatrixGrid({ sources, targets, rows, label, t, onSend }: GridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<Range>({ r0: 0, r1: -1, c0: 0, c1: -1 });
  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const [r0, r1] = windowRange(el.scrollTop, el.clientHeight - COL_HEAD_H, CELL_H, sources.length);
    const [c0, c1] = windowRange(el.scrollLeft, el.clientWidth - ROW_HEAD_W, CELL_W, targets.length);
    // A new state only when the window moves by a row or a column, not on every scrolled pixel.
    setRange((old) => (old.r0 === r0 && old.r1 === r1 && old.c0 === c0 && old.c1 === c1 ? old : { r0, r1, c0, c1 }));
  }, [sources.length, targets.length]);
  useLayoutEffect(() => {
    measure();
    const el = scroller.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  const width = ROW_HEAD_W + targets.length * CELL_W;
  const height = sources.length * CELL_H;
  const visibleRows = [];
  for (let i = range.r0; i <= range.r1; i++) visibleRows.push(i);
  const visibleCols = [];
  for (let j = range.c0; j <= range.c1; j++) visibleCols.push(j);
  return (
    <div
      className="matrix-scroll"
      ref={scroller}
      onScroll={measure}
      role="group"
      aria-label={label}
      data-testid="matrix"
      data-rows={sources.length}
      data-cols={targets.length}
    >
      <div className="matrix-colheads" style={{ width, height: COL_HEAD_H }}>
        <div className="matrix-corner" style={{ width: ROW_HEAD_W, height: COL_HEAD_H }}>
          {t('matrix.fromTo')}
        </div>
        {visibleCols.map((j) => {
          const x = targets[j]!;
          return (
            <div
              key={x.id}
              className="matrix-col mono"
              style={{ left: ROW_HEAD_W + j * CELL_W, width: CELL_W, height: COL_HEAD_H }}
              title={`${x.name}:${x.port}`}
            >
              <span>
                {x.kind === 'service' ? 'svc/' : ''}
                {x.name.split('/')[1]}:{x.port}
              </span>
            </div>
          );
        })}
      </div>
      <div className="matrix-body" style={{ width, height }}>
        <div className="matrix-rowheads" style={{ width: ROW_HEAD_W, height }}>
          {visibleRows.map((i) => (
            <div key={sources[i]!.id} className="matrix-row mono" style={{ top: i * CELL_H, height: CELL_H }} title={sources[i]!.name}>
              {sources[i]!.name}
            </div>
          ))}
        </div>
        {visibleRows.map((i) => (
          <Row key={sources[i]!.id} i={i} src={sources[i]!} targets={targets} cells={rows[i]} c0={range.c0} c1={range.c1} t={t} onSend={onSend} />
        ))}
      </div>
    </div>
  );
}
