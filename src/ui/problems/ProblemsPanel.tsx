/** The simulation's validation problems; choosing one selects its element and brings it into view. */
import { useReactFlow } from '@xyflow/react';
import { useEditor, useEditorStore } from '../state';

export function ProblemsPanel() {
  const problems = useEditor((s) => s.problems);
  const store = useEditorStore();
  const rf = useReactFlow();
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className="problems" aria-label="Problems">
      <h2 className="panel-title">
        Problems{' '}
        <span className={`count${errors ? ' bad' : warnings ? ' warn' : ' good'}`} aria-label={`${errors} errors, ${warnings} warnings`}>
          {problems.length === 0 ? 'none' : `${errors ? `${errors} error${errors > 1 ? 's' : ''}` : ''}${errors && warnings ? ', ' : ''}${warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : ''}`}
        </span>
      </h2>
      {problems.length === 0 ? (
        <p className="muted small-text">The scenario is valid: addresses fit their networks and nothing overlaps.</p>
      ) : (
        <ul className="problem-list">
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
                <span className="problem-text">{p.message}</span>
                <span className="problem-code">{p.code}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
