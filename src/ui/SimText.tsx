/**
 * A simulator message in the reader's language: prose as text, names, addresses and tool output
 * in monospace (<code>), as they appear on a real node.
 */
import { memo, useMemo } from 'react';
import type { Message } from '../sim/index';
import { useLocale } from '../i18n/useT';
import { messageParts } from '../i18n/sim/index';

export const SimText = memo(function SimText({ msg, className }: { msg: Message; className?: string }) {
  const [locale] = useLocale();
  const parts = useMemo(() => messageParts(locale, msg), [locale, msg]);
  return (
    <span className={className} data-msg-code={msg.code}>
      {parts.map((p, i) =>
        p.code ? (
          <code key={i} className="sim-code">
            {p.text}
          </code>
        ) : (
          p.text
        ),
      )}
    </span>
  );
});
