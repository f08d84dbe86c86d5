/**
 * Inspector inputs. A text field keeps what the user typed until it is committed (Enter or leaving
 * the field); the commit returns an error message when the simulation refused the edit, which is
 * shown under the field while the scenario keeps its previous, valid value. Escape reverts.
 */
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { EditResult } from '../../sim/index';
import { useOptionalEditorStore } from '../state';

/**
 * A field's refused-edit message, kept locally and reported to the editor store while it shows, so
 * the problems list counts it (and forgets it when the field goes away).
 */
export function useFieldError(label: string): [FieldError | undefined, (e: FieldError | undefined) => void] {
  const store = useOptionalEditorStore();
  const key = useId();
  const [error, setError] = useState<FieldError | undefined>();
  useEffect(() => {
    store?.getState().setFieldError(key, error ? { field: label, message: error } : undefined);
  }, [store, key, label, error]);
  useEffect(() => () => store?.getState().setFieldError(key, undefined), [store, key]);
  return [error, setError];
}
import type { Message } from '../../sim/index';
import { SimText } from '../SimText';

/** A field's error: interface text already translated, or a simulator message rendered in the reader's language. */
export type FieldError = string | Message;

/** A field error in the reader's language. */
export function ErrorText({ error }: { error: FieldError }) {
  return typeof error === 'string' ? <>{error}</> : <SimText msg={error} />;
}

/** The message to show for a failed edit, without the "field:" prefix the field's label already says. */
export function errorOf(r: EditResult): Message | undefined {
  if (r.ok) return undefined;
  return r.field && r.error.code === 'edit.field' && r.error.params.issue ? r.error.params.issue : r.error;
}

export function TextField({
  label,
  value,
  onCommit,
  mono = false,
  multiline = false,
  placeholder,
  hint,
}: {
  label: string;
  value: string;
  /** Returns an error message when the value was refused. */
  onCommit: (text: string) => FieldError | undefined;
  mono?: boolean;
  multiline?: boolean;
  placeholder?: string;
  hint?: ReactNode;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useFieldError(label);
  // A new value from the store (undo, another element selected) replaces the draft and its error:
  // adjusted while rendering, as React's docs advise for state that follows a prop.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(value);
    setError(undefined);
  }

  const commit = () => {
    if (text === value) {
      setError(undefined);
      return;
    }
    setError(onCommit(text));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      setText(value);
      setError(undefined);
    }
  };
  const common = {
    id,
    value: text,
    placeholder,
    className: `field-input${mono ? ' mono' : ''}${error ? ' invalid' : ''}`,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
    onBlur: commit,
    onKeyDown,
    spellCheck: false,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={Math.max(2, text.split('\n').length)} onChange={(e) => setText(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => setText(e.target.value)} />
      )}
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}

/** Below a field: its error (announced), else its hint. The ids match the field's aria-describedby. */
function FieldMessage({ id, error, hint }: { id: string; error?: FieldError | undefined; hint?: ReactNode }) {
  if (error) {
    return (
      <p id={`${id}-error`} className="field-error" role="alert">
        <ErrorText error={error} />
      </p>
    );
  }
  return hint ? (
    <p id={`${id}-hint`} className="field-hint">
      {hint}
    </p>
  ) : null;
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onCommit,
  hint,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onCommit: (value: T) => FieldError | undefined;
  hint?: ReactNode;
}) {
  const id = useId();
  const [error, setError] = useFieldError(label);
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setError(undefined);
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select
        id={id}
        className={`field-input${error ? ' invalid' : ''}`}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(e) => setError(onCommit(e.target.value as T))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}

export function CheckField({
  label,
  checked,
  onCommit,
  hint,
}: {
  label: string;
  checked: boolean;
  onCommit: (v: boolean) => FieldError | undefined;
  hint?: ReactNode;
}) {
  const id = useId();
  const [error, setError] = useFieldError(label);
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => setError(onCommit(e.target.checked))}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          <ErrorText error={error} />
        </p>
      )}
      {!error && hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/** A read-only fact derived by the simulation (the cni0 gateway, a veth name, the endpoints). */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fact">
      <span className="fact-label">{label}</span>
      <span className="fact-value">{children}</span>
    </div>
  );
}
