/**
 * The Inside view: for the selected node, router, outside host or pod, one tab per tool with what
 * that command prints there (generated from the simulation's own data). Lines a hop used carry a
 * button back to that hop; the line a hop link opened is highlighted.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { type InsideTool, type TraceResult } from '../../sim/index';
import { showNode, showPod, toolsFor, TOOL_COMMANDS } from '../../sim/tracer';
import { useEditor } from '../state';
import { usePacketStore } from '../packets/PacketsContext';
import { insideStore } from '../../store/insideStore';
import { useT } from '../../i18n/useT';
import { elementKindKey } from '../../i18n/index';
import { lineUses } from './usage';
import './inside.css';
// This panel shows trace sentences and may open before the tracer has loaded them.
import '../../i18n/sim/trace-messages';
import '../../i18n/parts/inside';

export function InsideView() {
  const t = useT();
  const selection = useEditor((s) => s.selection);
  const scenario = useEditor((s) => s.scenario);
  const packets = usePacketStore();
  // Packets keep their id and result while they play: recompute only when one is sent or cleared.
  const ids = useStore(
    packets,
    useShallow((s) => s.packets.map((p) => p.id)),
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const runs = useMemo(() => packets.getState().packets, [packets, ids]);
  const seek = useStore(packets, (s) => s.seek);
  const tool = useStore(insideStore, (s) => s.tool);
  const highlight = useStore(insideStore, (s) => s.highlight);
  const id = selection.length === 1 ? selection[0]! : undefined;
  const tools = useMemo(() => (id ? toolsFor(scenario, id) : []), [scenario, id]);
  const kind = id
    ? scenario.pods.find((p) => p.id === id)
      ? 'pod'
      : scenario.nodes.some((n) => n.id === id)
        ? 'node'
        : scenario.routers.some((r) => r.id === id)
          ? 'router'
          : 'client'
    : undefined;
  const name = id ? ([...scenario.nodes, ...scenario.pods, ...scenario.routers, ...scenario.clients].find((e) => e.id === id)?.name ?? id) : '';
  const current: InsideTool | undefined = tool && tools.includes(tool) ? tool : tools[0];
  const results: TraceResult[] = useMemo(() => runs.map((r) => r.result), [runs]);
  const output = useMemo(() => {
    if (!id || !current) return undefined;
    return kind === 'pod' ? showPod(scenario, id, current) : showNode(scenario, id, current, { results });
  }, [scenario, id, current, kind, results]);
  const uses = useMemo(() => (id && current ? lineUses(scenario, runs, id, current) : new Map()), [scenario, runs, id, current]);
  const lit = highlight && highlight.element === id && highlight.tool === current ? new Set(highlight.lines) : new Set<number>();
  const firstLit = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    firstLit.current?.scrollIntoView?.({ block: 'center' });
  }, [highlight, current, id]);

  if (!id || tools.length === 0 || !output || !current) {
    return <p className="muted inside-empty">{t('inside.empty')}</p>;
  }
  const lines = output.stdout.replace(/\n$/, '').split('\n');
  // The first highlighted line is the one scrolled into view.
  const firstLine = lit.size > 0 ? Math.min(...lit) : -1;
  return (
    <section className="inside" aria-label={t('inside.title', { name })}>
      <header className="inside-head">
        <span className={`kind-badge kind-${kind}`}>{t(elementKindKey(kind!))}</span>
        <h2 className="inspector-title">{t('inside.title', { name })}</h2>
      </header>
      <div className="inside-tabs" role="tablist" aria-label={t('inside.tools')}>
        {tools.map((x) => (
          <button key={x} type="button" role="tab" aria-selected={x === current} className="inside-tab" onClick={() => insideStore.getState().setTool(x)}>
            <code>{TOOL_COMMANDS[x]}</code>
          </button>
        ))}
      </div>
      <div role="tabpanel" className="inside-output" aria-label={`${output.command} (${name})`}>
        <div className="inside-prompt">
          <code>
            {kind === 'pod' ? `${name}$ ` : `root@${name}:~# `}
            {output.command}
          </code>
        </div>
        {output.stdout === '' && output.stderr === '' && <p className="muted">{t('inside.noOutput')}</p>}
        {output.stdout !== '' && (
          <pre className="inside-pre" data-testid="inside-output">
            {lines.map((line, i) => {
              const isLit = lit.has(i);
              const ref = i === firstLine ? firstLit : undefined;
              const used = uses.get(i);
              return (
                <span
                  key={i}
                  ref={ref}
                  className={`inside-line${isLit ? ' lit' : ''}${used ? ' used' : ''}`}
                  data-line={i}
                  data-highlighted={isLit ? 'true' : undefined}
                >
                  {used && (
                    <span className="inside-uses">
                      {used.map((u: { packet: string; step: number }) => (
                        <button
                          key={`${u.packet}-${u.step}`}
                          type="button"
                          className="inside-use"
                          onClick={() => seek(u.step, u.packet)}
                          aria-label={t('inside.usedByLabel', { hop: u.step + 1, packet: u.packet })}
                        >
                          {t('inside.usedBy', { hop: u.step + 1, packet: u.packet })}
                        </button>
                      ))}
                    </span>
                  )}
                  <span className="inside-text">{line === '' ? ' ' : line}</span>
                  {'\n'}
                </span>
              );
            })}
          </pre>
        )}
        {output.stderr !== '' && <pre className="inside-pre inside-stderr">{output.stderr}</pre>}
      </div>
    </section>
  );
}
