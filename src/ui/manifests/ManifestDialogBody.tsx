/**
 * File → Import manifests: paste, open or drop Kubernetes YAML; it is checked as it is typed, the
 * problems are listed beside the text (each names its document, object, field and line; the line
 * is marked in the text and a click selects it), and nothing changes on the canvas until Import.
 * Onto the canvas's cluster it is one undo step; onto a new cluster it replaces the scenario and
 * keeps the previous work (File → Restore previous work). The parser loads on first open.
 */
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../sim/index';
import { useLocale, useT } from '../../i18n/useT';
import { SimText } from '../SimText';
import { useEditor, useEditorStore } from '../state';
import { useSession } from '../session/SessionContext';
import { useManifestDialog, useManifestDialogStore, readManifestFiles } from './ManifestDialogContext';
import { ManifestText } from './ManifestText';
import './manifests.css';

// The YAML parser comes with this module, which is itself fetched when the dialog first opens
// (ManifestImportDialog.tsx: a failed fetch is said there, with Try again).
import { importManifests } from '../../io/manifests/index';
// What the importer says, in English (other languages' packs carry theirs).
import '../../i18n/sim/manifest-messages';
import '../../i18n/parts/manifests';

const selectScenario = (s: { scenario: Scenario }) => s.scenario;

/** The dialog itself (ManifestImportDialog.tsx fetches this module when the dialog first opens). */
export function ManifestDialogBody() {
  const t = useT();
  const [locale] = useLocale();
  const dialog = useManifestDialogStore();
  const seq = useManifestDialog((s) => s.seq);
  const editor = useEditorStore();
  const session = useSession();
  const scenario = useEditor(selectScenario);
  const [text, setText] = useState(() => dialog.getState().text);
  const [name, setName] = useState(() => dialog.getState().fileName);
  // Each opening (seq) brings its own text: adjusted while rendering, not in an effect.
  const [openedAs, setOpenedAs] = useState(seq);
  if (openedAs !== seq) {
    setOpenedAs(seq);
    setText(dialog.getState().text);
    setName(dialog.getState().fileName);
  }
  const hasCluster = scenario.nodes.length > 0;
  const [onto, setOnto] = useState<'canvas' | 'new'>('canvas');
  const [clash, setClash] = useState<'replace' | 'keep' | 'rename'>('replace');
  const deferred = useDeferredValue(text);
  const useBase = hasCluster && onto === 'canvas';
  const result = useMemo(
    () =>
      deferred.trim()
        ? importManifests([{ name: name || 'pasted text', text: deferred }], { ...(useBase ? { base: scenario } : {}), onClash: clash })
        : undefined,
    [deferred, name, useBase, scenario, clash],
  );
  const [goTo, setGoTo] = useState<{ line: number; n: number }>();
  const errors = result && !result.ok ? result.errors : [];
  const close = () => dialog.getState().close();
  const count = result?.ok ? Object.values(result.counts).reduce((a, b) => a + b, 0) : 0;
  const doImport = () => {
    if (!result?.ok) return;
    if (result.generatedCluster) {
      session.importJson(JSON.stringify(result.scenario), name || 'manifests.yaml');
      editor.getState().notifyMessage('manifests.importedNew', { count });
    } else {
      editor.getState().load(result.scenario);
      editor.getState().notifyMessage('manifests.imported', { count });
    }
    close();
  };
  const openInput = useRef<HTMLInputElement>(null);
  const summary = result?.ok
    ? Object.entries(result.counts)
        .map(([kind, n]) => `${kind} ×${n}`)
        .join(', ')
    : '';
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        className="modal manifest-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="manifest-dialog-title"
        data-testid="manifest-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
        }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('Files')) e.preventDefault();
        }}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          void readManifestFiles(e.dataTransfer.files).then((r) => r && (setText(r.text), setName(r.fileName)));
        }}
      >
        <h2 id="manifest-dialog-title" className="modal-title">
          {t('manifests.title')}
        </h2>
        <p className="muted">{t('manifests.intro')}</p>
        <div className="manifest-body">
          <ManifestText
            label={t('manifests.text')}
            value={text}
            onChange={setText}
            placeholder={t('manifests.placeholder')}
            errorLines={errors.flatMap((e) => (e.line ? [e.line] : []))}
            goTo={goTo}
          />
          <div className="manifest-side" aria-live="polite">
            {errors.length > 0 ? (
              <>
                <p className="manifest-errors-title" data-testid="manifest-errors-title">
                  {t(new Intl.PluralRules(locale).select(errors.length) === 'one' ? 'manifests.errors.one' : 'manifests.errors.other', {
                    count: errors.length,
                  })}
                </p>
                <ul className="manifest-errors" data-testid="manifest-errors">
                  {errors.slice(0, 50).map((e, i) => {
                    const ref = e.ref ? ` (${e.ref})` : '';
                    return (
                      <li key={i}>
                        <button
                          type="button"
                          className="manifest-error"
                          disabled={!e.line}
                          onClick={() => e.line && setGoTo({ line: e.line, n: i + Math.random() })}
                        >
                          <span className="manifest-error-where">
                            {e.line ? t('manifests.errorAt', { doc: e.doc, ref, line: e.line }) : t('manifests.errorAtNoLine', { doc: e.doc, ref })}
                          </span>
                          <span>
                            {e.path ? <code className="sim-code">{e.path}</code> : null}
                            {e.path ? ' ' : null}
                            <SimText msg={e.msg} />
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : result?.ok ? (
              <>
                <p className="manifest-summary" data-testid="manifest-summary">
                  {t('manifests.summary', { summary })}
                </p>
                {result.clashes.length > 0 && (
                  <fieldset className="group">
                    <legend>
                      {t(new Intl.PluralRules(locale).select(result.clashes.length) === 'one' ? 'manifests.clashes.one' : 'manifests.clashes.other', {
                        count: result.clashes.length,
                        names: result.clashes.map((c) => `${c.kind} ${c.namespace ? `${c.namespace}/` : ''}${c.name}`).join(', '),
                      })}
                    </legend>
                    {(['replace', 'keep', 'rename'] as const).map((p) => (
                      <label key={p} className="radio">
                        <input type="radio" name="clash" checked={clash === p} onChange={() => setClash(p)} /> {t(`manifests.clash.${p}`)}
                      </label>
                    ))}
                  </fieldset>
                )}
                {[...result.ignored, ...result.notes].length > 0 && (
                  <details className="manifest-notes">
                    <summary>
                      {t('manifests.notes')} ({result.ignored.length + result.notes.length})
                    </summary>
                    <ul>
                      {[...result.ignored, ...result.notes].map((n, i) => (
                        <li key={i}>
                          <code className="sim-code">
                            {n.doc}
                            {n.ref ? ` ${n.ref}` : ''}
                          </code>{' '}
                          <SimText msg={n.msg} />
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
              </>
            ) : (
              <p className="muted">{t('manifests.empty')}</p>
            )}
          </div>
        </div>
        {hasCluster && (
          <div className="manifest-onto" role="radiogroup">
            <label className="radio">
              <input type="radio" name="onto" checked={onto === 'canvas'} onChange={() => setOnto('canvas')} /> {t('manifests.onto.canvas')}
            </label>
            <label className="radio">
              <input type="radio" name="onto" checked={onto === 'new'} onChange={() => setOnto('new')} /> {t('manifests.onto.new')}
            </label>
          </div>
        )}
        <div className="popover-actions">
          <button type="button" className="btn" onClick={() => openInput.current?.click()}>
            {t('manifests.open')}
          </button>
          <span className="spacer" />
          <button type="button" className="btn" onClick={close}>
            {t('manifests.cancel')}
          </button>
          <button type="button" className="btn primary" disabled={!result?.ok || count === 0} onClick={doImport} data-testid="manifest-import">
            {t('manifests.import')}
          </button>
        </div>
        <input
          ref={openInput}
          type="file"
          multiple
          accept=".yaml,.yml,application/yaml,text/yaml"
          className="sr-only"
          tabIndex={-1}
          aria-label={t('manifests.open')}
          data-testid="manifest-file"
          onChange={(e) => {
            const files = e.target.files ? [...e.target.files] : [];
            e.target.value = '';
            void readManifestFiles(files).then((r) => r && (setText(r.text), setName(r.fileName)));
          }}
        />
      </div>
    </div>
  );
}
