/**
 * The manifest text box: a textarea with line numbers, the lines that have problems marked in the
 * gutter and behind the text, and `goTo` selecting a line (and scrolling it into view).
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';

const LINE = 18; // px, the CSS line-height of .manifest-text

export function ManifestText({
  label,
  value,
  onChange,
  placeholder,
  errorLines,
  goTo,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  errorLines: number[];
  goTo?: { line: number; n: number } | undefined;
}) {
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [scroll, setScroll] = useState(0);
  const lines = useMemo(() => value.split('\n').length, [value]);
  const bad = useMemo(() => new Set(errorLines), [errorLines]);
  useEffect(() => {
    const el = area.current;
    if (!goTo || !el) return;
    const all = el.value.split('\n');
    const start = all.slice(0, goTo.line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (all[goTo.line - 1]?.length ?? 0);
    el.focus();
    el.setSelectionRange(start, end);
    el.scrollTop = Math.max(0, (goTo.line - 1) * LINE - el.clientHeight / 3);
    setScroll(el.scrollTop);
  }, [goTo]);
  // Line numbers are drawn only for lines near the view, so a 10,000-line paste stays light.
  const first = Math.max(1, Math.floor(scroll / LINE) - 20);
  const last = Math.min(lines, first + 120);
  const numbers: number[] = [];
  for (let i = first; i <= last; i++) numbers.push(i);
  return (
    <div className="manifest-editor">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="manifest-frame">
        <div className="manifest-gutter" aria-hidden>
          <div style={{ transform: `translateY(${(first - 1) * LINE - scroll}px)` }}>
            {numbers.map((n) => (
              <div key={n} className={bad.has(n) ? 'bad' : undefined}>
                {n}
              </div>
            ))}
          </div>
        </div>
        <div className="manifest-marks" aria-hidden>
          {[...bad].map((n) => (
            <div key={n} className="manifest-mark" data-testid="manifest-error-line" data-line={n} style={{ top: (n - 1) * LINE - scroll + 6 }} />
          ))}
        </div>
        <textarea
          id={id}
          ref={area}
          className="manifest-text mono"
          value={value}
          spellCheck={false}
          wrap="off"
          placeholder={placeholder}
          onChange={(e) => onChange(e.target.value)}
          onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
          data-testid="manifest-text"
        />
      </div>
    </div>
  );
}
