/**
 * Namespaces and their labels, editable: a namespaceSelector matches a namespace by its labels, so a
 * learner makes one match by labelling the namespace (as `kubectl label namespace shop team=front`
 * would). kubernetes.io/metadata.name is set by the control plane to the namespace's name and is
 * immutable (kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-metadata-name);
 * it is shown, never stored, and a different value is refused. Under each namespace: the policy
 * rules whose namespaceSelector selects it now.
 */
import { msg, type PolicyPeer, type Scenario } from '../../sim/index';
import { matchSelector, namespaceLabels, policyRef, NAMESPACE_NAME_LABEL } from '../../sim/editing';
import { useEditor, useEditorStore } from '../state';
import { useT } from '../../i18n/useT';
import { TextField, errorOf } from '../inspector/fields';
import { formatLabels, parseLabels } from '../inspector/fieldText';
import '../../i18n/parts/policy';

/** The rules (`ns/policy ingress[i]`) with a peer whose namespaceSelector selects namespace `ns`. */
export function rulesSelectingNamespace(s: Scenario, ns: string): string[] {
  const labels = namespaceLabels(s, ns);
  const out: string[] = [];
  const selects = (peers: PolicyPeer[] | undefined) => peers?.some((x) => x.namespaceSelector && matchSelector(x.namespaceSelector, labels));
  for (const p of s.networkPolicies) {
    (p.spec.ingress ?? []).forEach((r, i) => selects(r.from) && out.push(`${policyRef(p)} ingress[${i}]`));
    (p.spec.egress ?? []).forEach((r, i) => selects(r.to) && out.push(`${policyRef(p)} egress[${i}]`));
  }
  return out;
}

function NamespaceRow({ name }: { name: string }) {
  const t = useT();
  const store = useEditorStore();
  const scenario = useEditor((s) => s.scenario);
  const { [NAMESPACE_NAME_LABEL]: _own, ...own } = namespaceLabels(scenario, name);
  const selectedBy = rulesSelectingNamespace(scenario, name);
  return (
    <li className="policy-ns">
      <TextField
        label={t('policy.nsLabelsOf', { namespace: name })}
        mono
        value={formatLabels(own)}
        placeholder={t('policy.nsLabelsNone')}
        hint={selectedBy.length ? t('policy.nsSelectedBy', { policies: selectedBy.join(', ') }) : undefined}
        onCommit={(text) => {
          const r = parseLabels(text);
          if (!r.ok) return r.error;
          const given = r.value[NAMESPACE_NAME_LABEL];
          if (given !== undefined && given !== name) return msg('text.namespace-name-label', { namespace: name });
          return errorOf(store.getState().setNamespaceLabels(name, r.value));
        }}
      />
    </li>
  );
}

export function NamespaceLabels({ namespaces }: { namespaces: string[] }) {
  const t = useT();
  return (
    <details className="policy-namespaces" open>
      <summary>{t('policy.namespaces')}</summary>
      <p className="field-hint">{t('policy.nsLabelsHelp')}</p>
      <ul>
        {namespaces.map((n) => (
          <NamespaceRow key={n} name={n} />
        ))}
      </ul>
    </details>
  );
}
