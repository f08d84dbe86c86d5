import { useId, useState } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { parseTargetText, type Message, type Protocol } from '../../sim/index';
import { SimText } from '../SimText';
import type { PacketSlice } from '../../store/packetStore';
import { useT } from '../../i18n/useT';

export interface SenderOption {
  id: string;
  label: string;
}

export interface SendFormProps {
  store: StoreApi<PacketSlice>;
  senders: SenderOption[];
  /** Preselected source (e.g. from "send packet from here"). */
  from?: string;
  onFromChange?(id: string): void;
  /** Prefilled destination (e.g. from clicking a target in send mode). */
  to?: string;
}

/** The sender to use: the chosen one if it still exists in this scenario, else the first one listed. */
export function effectiveSender(senders: readonly SenderOption[], chosen: string): string {
  return senders.some((s) => s.id === chosen) ? chosen : (senders[0]?.id ?? '');
}

/** Pick a source, type a destination (`web:80`, `10.96.0.20:80`, `http://host/path`), send one or N. */
export function SendForm({ store, senders, from, onFromChange, to: initialTo }: SendFormProps) {
  const t = useT();
  const id = useId();
  const [fromLocal, setFromLocal] = useState(from ?? senders[0]?.id ?? '');
  // What the select shows is what is sent: a sender of a scenario that was replaced (a lesson opened,
  // File → New) falls back to the first sender of this one.
  const source = effectiveSender(senders, from ?? fromLocal);
  const [to, setTo] = useState(initialTo ?? '');
  const [proto, setProto] = useState<'auto' | Protocol>('auto');
  const [count, setCount] = useState(20);
  const [inputError, setInputError] = useState<Message | undefined>();
  const sendError = useStore(store, (s) => s.sendError);
  const loading = useStore(store, (s) => s.loadingTracer === true);

  const spec = () => {
    const target = parseTargetText(to);
    if (!target.ok) {
      setInputError(target.error);
      return undefined;
    }
    setInputError(undefined);
    return { from: source, to: target.to, ...(target.port !== undefined ? { port: target.port } : {}), ...(proto !== 'auto' ? { proto } : {}) };
  };
  const error = inputError ?? sendError;
  // A tracer that could not be fetched is not the destination's fault: the field is not marked wrong.
  const fieldWrong = error !== undefined && error.code !== 'input.tracer-unavailable';
  return (
    <form
      className="send-form"
      aria-label={t('packet.sendMode')}
      onSubmit={(e) => {
        e.preventDefault();
        const s = spec();
        if (s) void store.getState().send(s);
      }}
    >
      <label htmlFor={`${id}-from`}>{t('packet.from')}</label>
      <select
        id={`${id}-from`}
        value={source}
        onChange={(e) => {
          setFromLocal(e.target.value);
          onFromChange?.(e.target.value);
        }}
      >
        {senders.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>{t('packet.to')}</label>
      <input
        id={`${id}-to`}
        value={to}
        placeholder="web:80, 10.96.0.2:80, http://shop.example.com/api"
        onChange={(e) => setTo(e.target.value)}
        aria-invalid={fieldWrong ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      <label htmlFor={`${id}-proto`}>{t('packet.protocol')}</label>
      <select id={`${id}-proto`} value={proto} onChange={(e) => setProto(e.target.value as 'auto' | Protocol)}>
        <option value="auto">{t('send.protoAuto')}</option>
        <option value="tcp">TCP</option>
        <option value="udp">UDP</option>
        <option value="icmp">ICMP</option>
      </select>
      <div className="send-buttons">
        <button type="submit">{t('packet.send')}</button>
        <label>
          <input type="number" min={2} max={100} value={count} aria-label={t('send.count')} onChange={(e) => setCount(Number(e.target.value))} />
        </label>
        <button
          type="button"
          onClick={() => {
            const s = spec();
            if (s) void store.getState().sendMany(s, count);
          }}
        >
          {t('send.many', { count })}
        </button>
      </div>
      {loading && (
        <p className="send-loading" role="status">
          {t('send.loadingTracer')}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="field-error" role="alert">
          <SimText msg={error} />
        </p>
      )}
    </form>
  );
}
