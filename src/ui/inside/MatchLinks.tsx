/** Under a hop: links from each entry it matched to that entry's line in the owner's Inside tab. */
import { useMemo } from 'react';
import { type Hop, type Scenario, type TraceResult } from '../../sim/index';
import { locateMatch, TOOL_COMMANDS } from '../../sim/tracer';
import { insideStore } from '../../store/insideStore';
import { useEditorStore } from '../state';
import { useT } from '../../i18n/useT';
import './match-links.css';
import '../../i18n/parts/inside';

export function MatchLinks({
  scenario,
  hop,
  prev,
  results,
  nameOf,
}: {
  scenario: Scenario;
  hop: Hop;
  prev?: Hop;
  results: TraceResult[];
  nameOf(id: string): string;
}) {
  const t = useT();
  const editor = useEditorStore();
  const links = useMemo(() => {
    const out: { key: string; element: string; tool: keyof typeof TOOL_COMMANDS; lines: number[]; entry: string }[] = [];
    for (const m of hop.match ?? []) {
      const loc = locateMatch(scenario, hop, prev, m, results);
      if (!loc) continue;
      const key = `${loc.element}|${loc.tool}|${loc.lines.join(',')}`;
      if (!out.some((x) => x.key === key)) out.push({ key, ...loc, entry: m.chain ?? m.kind });
    }
    return out;
  }, [scenario, hop, prev, results]);
  if (links.length === 0) return null;
  return (
    <span className="match-links">
      {links.map((l) => (
        <a
          key={l.key}
          href={`#inside-${l.tool}`}
          className="match-link"
          onClick={(e) => {
            // A link (not a button: the hop row's one button stays the hop); no navigation, the Inside view opens.
            e.preventDefault();
            editor.getState().select([l.element]);
            insideStore.getState().open(l.element, l.tool, l.lines);
          }}
          aria-label={t('inside.openMatch', { command: TOOL_COMMANDS[l.tool], name: nameOf(l.element), entry: l.entry })}
        >
          <code>{TOOL_COMMANDS[l.tool]}</code> · {nameOf(l.element)}
          {l.tool === 'iptables-save' && <> · {l.entry}</>}
        </a>
      ))}
    </span>
  );
}
