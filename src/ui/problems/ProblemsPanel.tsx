/** The simulation's validation problems; choosing one selects its element and brings it into view. */
import { useReactFlow } from '@xyflow/react';
import { useT } from '../../i18n/useT';
import type { Translator } from '../../i18n/index';
import { useEditor, useEditorStore } from '../state';
import { SimText } from '../SimText';
import { withEditing } from '../../store/editing';

/** "2 errors, 1 warning" / "none". */
export function problemCount(t: Translator, errors: number, warnings: number): string {
  if (errors + warnings === 0) return t('problems.none');
  const e = t(errors === 1 ? 'problems.error.one' : 'problems.error.other', { count: errors });
  const w = t(warnings === 1 ? 'problems.warning.one' : 'problems.warning.other', { count: warnings });
  return errors && warnings ? t('problems.both', { errors: e, warnings: w }) : errors ? e : w;
}

export function ProblemsPanel() {
  const t = useT();
  const checked = useEditor((s) => s.problems);
  const fieldErrors = useEditor((s) => s.fieldErrors);
  const store = useEditorStore();
  const rf = useReactFlow();
  // Not checked yet: the validator comes with the editing code, just after the first paint.
  if (checked === null) return null;
  const problems = checked;
  const refused = Object.entries(fieldErrors);
  const errors = problems.filter((p) => p.severity === 'error').length + refused.length;
  const warnings = problems.length + refused.length - errors;
  return (
    <section className="problems" aria-label={t('panel.problems')}>
      <h2 className="panel-title">
        {t('panel.problems')}{' '}
        <span className={`count${errors ? ' bad' : warnings ? ' warn' : ' good'}`} aria-label={t('problems.countLabel', { errors, warnings })}>
          {problemCount(t, errors, warnings)}
        </span>
      </h2>
      {problems.length + refused.length === 0 ? (
        <p className="muted small-text">{t('panel.noProblems')}</p>
      ) : (
        <ul className="problem-list">
          {refused.map(([key, e]) => (
            <li key={key}>
              <p className="problem error refused" data-testid="refused-edit">
                <span className="problem-sev" aria-hidden>
                  ●
                </span>
                <span className="problem-text">{t('problems.refused', { field: e.field, message: e.message })}</span>
              </p>
            </li>
          ))}
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.element}-${p.field ?? ''}-${i}`}>
              <button
                type="button"
                className={`problem ${p.severity}`}
                onClick={() => {
                  if (p.kind === 'cluster') {
                    store.getState().select([]);
                    return;
                  }
                  store.getState().select([p.element]);
                  void rf.fitView({ nodes: [{ id: p.element }], duration: 300, maxZoom: 1.1, padding: 0.4 });
                }}
              >
                <span className="problem-sev" aria-hidden>
                  {p.severity === 'error' ? '●' : '▲'}
                </span>
                <SimText className="problem-text" msg={p.msg} />
                <span className="problem-code">{p.code}</span>
              </button>
              {p.code === 'no-cluster-dns' && <AddClusterDnsButton />}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The one action that installs CoreDNS (or brings back what was deleted of it), as one undoable edit. */
export function AddClusterDnsButton() {
  const t = useT();
  const store = useEditorStore();
  return (
    <button type="button" className="btn small fix-btn" onClick={() => withEditing(() => store.getState().addClusterDns())}>
      {t('addon.addClusterDns')}
    </button>
  );
}
