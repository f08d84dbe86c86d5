/**
 * The reachability matrix: every pod to every pod and Service for one port, traced in a Web Worker
 * row by row. A cell says allowed / denied (and by which direction's policies) / dropped otherwise;
 * clicking it sends that packet so its trace opens in the hop inspector.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type MatrixCell, type MatrixOptions, type MatrixTarget } from '../../sim/index';
import { namespaceNames } from '../../sim/editing';
import { useEditor } from '../state';
import { usePacketStore } from '../packets/PacketsContext';
import { useT } from '../../i18n/useT';
import type { MatrixMessage, MatrixRequest } from './matrixProtocol';
import { MatrixGrid } from './MatrixGrid';
import '../../i18n/parts/policy';

interface Grid {
  sources: { id: string; name: string }[];
  targets: MatrixTarget[];
  rows: (MatrixCell[] | undefined)[];
  ms?: number;
  error?: string;
}

export function MatrixDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const scenario = useEditor((s) => s.scenario);
  const packets = usePacketStore();
  const namespaces = useMemo(() => namespaceNames(scenario), [scenario]);
  const [port, setPort] = useState('');
  const [namespace, setNamespace] = useState('');
  const [grid, setGrid] = useState<Grid | undefined>();
  const worker = useRef<Worker | undefined>(undefined);
  const runId = useRef(0);

  const run = () => {
    const n = Number(port);
    const options: MatrixOptions = { ...(port && Number.isInteger(n) && n >= 1 && n <= 65535 ? { port: n } : {}), ...(namespace ? { namespace } : {}) };
    worker.current?.terminate();
    const w = new Worker(new URL('./matrix.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    const id = ++runId.current;
    w.onmessage = (e: MessageEvent<MatrixMessage>) => {
      const m = e.data;
      if (m.runId !== id) return;
      if (m.type === 'start') setGrid({ sources: m.sources, targets: m.targets, rows: m.sources.map(() => undefined) });
      else if (m.type === 'rows')
        setGrid((g) => {
          if (!g) return g;
          const rows = [...g.rows];
          for (const r of m.rows) rows[r.index] = r.cells;
          return { ...g, rows };
        });
      else if (m.type === 'done') setGrid((g) => (g ? { ...g, ms: m.ms } : g));
      else setGrid((g) => ({ sources: [], targets: [], rows: [], ...g, error: m.message }));
    };
    w.postMessage({ runId: id, scenario, options } satisfies MatrixRequest);
  };
  useEffect(() => {
    run();
    return () => worker.current?.terminate();
    // Run once on open; later runs come from the button.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const done = grid ? grid.rows.filter(Boolean).length : 0;
  const send = useCallback(
    (from: string, to: MatrixTarget) => {
      const dest = to.kind === 'service' ? (scenario.services.find((x) => x.id === to.id)?.clusterIP ?? to.id) : to.id;
      void packets.getState().send({ from, to: dest, port: to.port, proto: 'tcp' });
      onClose();
    },
    [scenario, packets, onClose],
  );
  return (
    <div className="matrix-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div className="matrix-dialog" role="dialog" aria-modal="true" aria-label={t('matrix.title')}>
        <div className="panel-head">
          <h2>{t('matrix.title')}</h2>
          <button type="button" className="btn" onClick={onClose}>
            {t('matrix.close')}
          </button>
        </div>
        <div className="matrix-controls">
          <label>
            {t('matrix.port')}{' '}
            <input
              className="field-input mono"
              inputMode="numeric"
              value={port}
              placeholder={t('matrix.portEach')}
              onChange={(e) => setPort(e.target.value.replace(/[^0-9]/g, ''))}
              size={16}
            />
          </label>
          <label>
            {t('matrix.namespace')}{' '}
            <select className="field-input" value={namespace} onChange={(e) => setNamespace(e.target.value)}>
              <option value="">{t('matrix.allNamespaces')}</option>
              {namespaces.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="btn primary"
            onClick={() => {
              // A new run starts from an empty grid (the first run opens on one).
              setGrid(undefined);
              run();
            }}
          >
            {t('matrix.run')}
          </button>
          <span className="muted" role="status" data-testid="matrix-status">
            {grid?.error
              ? grid.error
              : grid?.ms !== undefined
                ? t('matrix.doneIn', { count: grid.sources.length * grid.targets.length, seconds: (grid.ms / 1000).toFixed(2) })
                : t('matrix.progress', { done, total: grid?.sources.length ?? 0 })}
          </span>
        </div>
        {scenario.cluster.cni !== 'calico' && <p className="policy-cni not-enforced">{t('policy.notEnforcedFlannel')}</p>}
        <p className="matrix-legend muted">{t('matrix.legend')}</p>
        {grid && <MatrixGrid sources={grid.sources} targets={grid.targets} rows={grid.rows} label={t('matrix.title')} t={t} onSend={send} />}
      </div>
    </div>
  );
}
