/**
 * Under the verdict of a packet: for a policy drop, which policies denied it and in which direction,
 * and the what-if: the smallest rule that would allow it, applied in one click as an undoable edit
 * (then the same packet is sent again). For flannel, the one note that policies have no effect.
 */
import { type TraceResult, type PacketSpec } from '../../sim/index';
import { deniedPath, whatIfForResult } from '../../sim/tracer';
import { useEditor, useEditorStore } from '../state';
import { useT } from '../../i18n/useT';
import '../../i18n/parts/policy';

export function PolicyVerdict({ result, spec, resend }: { result: TraceResult; spec: PacketSpec; resend(spec: PacketSpec): void }) {
  const t = useT();
  const store = useEditorStore();
  const scenario = useEditor((s) => s.scenario);
  const note = result.notes?.find((n) => n.code === 'policy-not-enforced');
  const path = deniedPath(result);
  const reason = path?.reason;
  const fix = whatIfForResult(scenario, result);
  return (
    <>
      {note && (
        <p className="policy-note" role="note" data-testid="policy-note">
          {t('policy.noEffect', { policies: note.policies.join(', ') })}
        </p>
      )}
      {reason && (
        <div className="policy-verdict" data-testid="policy-denied">
          <span>{t(reason.direction === 'ingress' ? 'policy.deniedIngress' : 'policy.deniedEgress', { policies: (reason.policies ?? []).join(', ') })}</span>
          {fix && (
            <>
              <span>{t(fix.kind === 'add-rule' ? 'policy.whatIfAdd' : 'policy.whatIfNew')}</span>
              <code className="whatif-rule" data-testid="whatif-rule">
                {fix.text}
              </code>
              <button
                type="button"
                className="btn primary"
                data-testid="whatif-apply"
                onClick={() => {
                  const r = store.getState().putPolicy(fix.policy);
                  if (r.ok) {
                    store.getState().notifyMessage('policy.whatIfApplied', undefined, { tone: 'info' });
                    resend(spec);
                  } else store.getState().notify(r.error, 'error');
                }}
              >
                {t('policy.whatIfApply')}
              </button>
            </>
          )}
        </div>
      )}
    </>
  );
}
