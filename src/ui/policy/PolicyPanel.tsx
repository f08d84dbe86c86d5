/**
 * The Policies tab: the scenario's NetworkPolicies, one selected at a time as a form (name,
 * namespace, pod selector, policy types, its rules in words) and as its YAML manifest, editable;
 * every change is one undo step. Also the CNI's stance (flannel enforces nothing) and the matrix.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { type NetworkPolicy, type PolicyPeer, type PolicyPort } from '../../sim/index';
import { effectivePolicyTypes, peerText, portText, policyRef, namespaceNames, selectorText, newNetworkPolicy } from '../../sim/editing';
import { policyFromYaml, policyToYaml } from '../../io/policy-yaml';
import { useEditor, useEditorStore } from '../state';
import { useT } from '../../i18n/useT';
import type { Translator } from '../../i18n/index';
import { TextField, SelectField, errorOf, ErrorText, type FieldError } from '../inspector/fields';
import { formatLabels, parseLabels } from '../inspector/fieldText';
import { MatrixDialog } from './MatrixDialog';
import { NamespaceLabels } from './NamespaceLabels';
import './policy.css';
// This panel shows trace sentences and may open before the tracer has loaded them.
import '../../i18n/sim/trace-messages';
// What a policy's YAML reader says (policy-yaml.*, manifest.not-yaml).
import '../../i18n/sim/manifest-messages';
import '../../i18n/parts/policy';

/** The policy's rules, one line each: peers joined by OR (each peer's selectors are ANDed), then the ports. */
function rulesInWords(p: NetworkPolicy, t: Translator): string[] {
  const or = ` ${t('policy.or')} `;
  const line = (dir: string, i: number, word: string, peers: PolicyPeer[] | undefined, ports: PolicyPort[] | undefined) =>
    `${dir}[${i}] ${word} ${peers?.length ? peers.map(peerText).join(or) : '<any>'}; ${ports?.length ? ports.map(portText).join(', ') : t('policy.anyPort')}`;
  return [
    ...(p.spec.ingress ?? []).map((r, i) => line('ingress', i, 'from', r.from, r.ports)),
    ...(p.spec.egress ?? []).map((r, i) => line('egress', i, 'to', r.to, r.ports)),
  ];
}

function PolicyYaml({ policy }: { policy: NetworkPolicy }) {
  const t = useT();
  const store = useEditorStore();
  const id = useId();
  const original = useMemo(() => policyToYaml(policy), [policy]);
  const [text, setText] = useState(original);
  const [error, setError] = useState<FieldError | undefined>();
  // A policy changed elsewhere (undo, the form) replaces the draft: adjusted while rendering.
  const [shown, setShown] = useState(original);
  if (shown !== original) {
    setShown(original);
    setText(original);
    setError(undefined);
  }
  const apply = () => {
    const r = policyFromYaml(text, policy.id);
    if (!r.ok) return setError(r.error);
    const res = store.getState().putPolicy(r.policy);
    setError(res.ok ? undefined : res.error);
  };
  return (
    <div className="field policy-yaml">
      <label htmlFor={id} className="field-label">
        {t('policy.yaml')}
      </label>
      <textarea
        id={id}
        className={`field-input mono${error ? ' invalid' : ''}`}
        value={text}
        rows={Math.min(30, Math.max(8, text.split('\n').length + 1))}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            apply();
          }
        }}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          <ErrorText error={error} />
        </p>
      )}
      <div className="policy-actions">
        <button type="button" className="btn" onClick={apply} disabled={text === original}>
          {t('policy.applyYaml')}
        </button>
        <button type="button" className="btn" onClick={() => (setText(original), setError(undefined))} disabled={text === original}>
          {t('policy.revertYaml')}
        </button>
      </div>
    </div>
  );
}

function PolicyForm({ policy, namespaces }: { policy: NetworkPolicy; namespaces: string[] }) {
  const t = useT();
  const store = useEditorStore();
  const put = (next: NetworkPolicy) => errorOf(store.getState().putPolicy(next));
  const types = effectivePolicyTypes(policy);
  const toggle = (type: 'Ingress' | 'Egress', on: boolean) => {
    const next = on ? [...new Set([...types, type])] : types.filter((x) => x !== type);
    return put({ ...policy, spec: { ...policy.spec, policyTypes: (['Ingress', 'Egress'] as const).filter((x) => next.includes(x)) } });
  };
  const expressions = policy.spec.podSelector.matchExpressions ?? [];
  return (
    <div className="inspector-fields">
      <TextField label={t('policy.name')} mono value={policy.name} onCommit={(name) => put({ ...policy, name: name.trim() })} />
      <SelectField
        label={t('policy.namespace')}
        value={policy.namespace}
        options={namespaces.map((n) => ({ value: n, label: n }))}
        onCommit={(namespace) => put({ ...policy, namespace })}
      />
      <TextField
        label={t('policy.podSelector')}
        mono
        value={formatLabels(policy.spec.podSelector.matchLabels ?? {})}
        placeholder={t('policy.podSelectorAll')}
        hint={expressions.length ? t('policy.alsoExpressions', { text: selectorText({ matchExpressions: expressions }) }) : t('policy.podSelectorHint')}
        onCommit={(text) => {
          const r = parseLabels(text);
          if (!r.ok) return r.error;
          const matchLabels = Object.keys(r.value).length ? r.value : undefined;
          return put({
            ...policy,
            spec: {
              ...policy.spec,
              podSelector: { ...(matchLabels ? { matchLabels } : {}), ...(expressions.length ? { matchExpressions: expressions } : {}) },
            },
          });
        }}
      />
      <fieldset className="field policy-types">
        <legend className="field-label">{t('policy.types')}</legend>
        {(['Ingress', 'Egress'] as const).map((type) => (
          <label key={type} className="check">
            <input type="checkbox" checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} /> {type}
          </label>
        ))}
        {!policy.spec.policyTypes && <p className="field-hint">{t('policy.typesDefaulted')}</p>}
      </fieldset>
      <div className="field">
        <span className="field-label">{t('policy.rules')}</span>
        <ul className="policy-rules mono">
          {rulesInWords(policy, t).map((r) => (
            <li key={r}>{r}</li>
          ))}
          {rulesInWords(policy, t).length === 0 && <li className="muted">{t('policy.noRules')}</li>}
        </ul>
      </div>
    </div>
  );
}

export function PolicyPanel() {
  const t = useT();
  const store = useEditorStore();
  const scenario = useEditor((s) => s.scenario);
  const policies = scenario.networkPolicies;
  const cni = scenario.cluster.cni;
  const namespaces = useMemo(() => namespaceNames(scenario), [scenario]);
  const [selected, setSelected] = useState<string | undefined>(policies[0]?.id);
  const [matrixOpen, setMatrixOpen] = useState(false);
  const closeMatrix = useCallback(() => setMatrixOpen(false), []);
  const policy = policies.find((p) => p.id === selected) ?? policies[0];
  const add = () => {
    const p = newNetworkPolicy(scenario, namespaces.includes('default') ? 'default' : (namespaces[0] ?? 'default'));
    if (store.getState().putPolicy(p).ok) setSelected(p.id);
  };
  return (
    <section className="policy-panel" aria-label={t('policy.title')}>
      <div className="panel-head">
        <h2>{t('policy.title')}</h2>
        <button type="button" className="btn" onClick={() => setMatrixOpen(true)} data-testid="open-matrix">
          {t('matrix.open')}
        </button>
      </div>
      <p className={`policy-cni ${cni === 'calico' ? 'enforced' : 'not-enforced'}`} role="note">
        {cni === 'calico' ? t('policy.enforcedCalico') : t('policy.notEnforcedFlannel')}
      </p>
      <ul className="policy-list" aria-label={t('policy.list')}>
        {policies.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className={`policy-item${p.id === policy?.id ? ' selected' : ''}`}
              aria-pressed={p.id === policy?.id}
              onClick={() => setSelected(p.id)}
            >
              <span className="mono">{policyRef(p)}</span>
              <span className="policy-badges">
                {effectivePolicyTypes(p).map((x) => (
                  <span key={x} className={`badge badge-${x.toLowerCase()}`}>
                    {x}
                  </span>
                ))}
              </span>
            </button>
          </li>
        ))}
        {policies.length === 0 && <li className="muted">{t('policy.none')}</li>}
      </ul>
      <div className="policy-actions">
        <button type="button" className="btn" onClick={add}>
          {t('policy.add')}
        </button>
        {policy && (
          <button type="button" className="btn" onClick={() => store.getState().deletePolicy(policy.id)}>
            {t('policy.delete')}
          </button>
        )}
      </div>
      {policy && (
        <div className="policy-detail" key={policy.id}>
          <PolicyForm policy={policy} namespaces={namespaces} />
          <PolicyYaml policy={policy} />
        </div>
      )}
      <NamespaceLabels namespaces={namespaces} />
      {matrixOpen && <MatrixDialog onClose={closeMatrix} />}
    </section>
  );
}
