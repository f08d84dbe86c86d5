/**
 * The progress of opening a scenario: the four steps (parse, validate, layout, render) with the one
 * running marked, what the scenario holds once it is parsed, and Cancel for an import. Full page
 * while the app itself opens a big link or the stress cluster; over the workspace for an import,
 * whose current work stays visible behind it.
 */
import { useStore } from 'zustand';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/index';
import { LOAD_STEPS } from '../../store/loading/loadProtocol';
import { loadingStore } from '../../store/loading/progress';
import './loading.css';

const TITLE: Record<'link' | 'file' | 'stress', MessageKey> = { link: 'loading.title.link', file: 'loading.title.file', stress: 'loading.title.stress' };

export function LoadingProgress({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  const active = useStore(loadingStore, (s) => s.active);
  if (!active) return null;
  const current = LOAD_STEPS.indexOf(active.step);
  const stepText = (i: number) => t(`loading.step.${LOAD_STEPS[i]!}`);
  const n = (x: number) => x.toLocaleString();
  return (
    <div className={fullPage ? 'loading-page' : 'loading-backdrop'}>
      <div className="loading-card" role="status" aria-live="polite" data-testid="loading-progress" data-step={active.step}>
        <h2 className="loading-title">{t(TITLE[active.kind], { name: active.name ?? '' })}</h2>
        <div
          className="loading-bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={LOAD_STEPS.length}
          aria-valuenow={current}
          aria-valuetext={t('loading.progress', { n: current + 1, total: LOAD_STEPS.length, step: stepText(current) })}
        >
          <span style={{ width: `${((current + 0.5) / LOAD_STEPS.length) * 100}%` }} />
        </div>
        <ol className="loading-steps">
          {LOAD_STEPS.map((step, i) => (
            <li
              key={step}
              className={i < current ? 'done' : i === current ? 'current' : 'todo'}
              {...(i === current ? { 'aria-current': 'step' as const } : {})}
            >
              <span className="loading-mark" aria-hidden>
                {i < current ? '✓' : i === current ? '' : '·'}
              </span>
              {stepText(i)}
            </li>
          ))}
        </ol>
        {active.counts && (
          <p className="loading-counts" data-testid="loading-counts">
            {t('loading.counts', { nodes: n(active.counts.nodes), pods: n(active.counts.pods), services: n(active.counts.services) })}
          </p>
        )}
        {active.kind === 'file' && <p className="loading-note">{t('loading.kept')}</p>}
        {active.cancel && active.kind === 'file' && (
          <div className="loading-actions">
            <button type="button" className="btn" onClick={() => active.cancel?.()}>
              {t('loading.cancel')}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
