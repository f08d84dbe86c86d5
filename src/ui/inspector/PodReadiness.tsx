/** A pod's readiness (settable), its readiness probes and the controller that created it. */
import type { Pod, Readiness, ElementPatch } from '../../sim/index';
import { useT } from '../../i18n/useT';
import { Fact, SelectField } from './fields';
import type { FieldError } from './fields';

const STATES: readonly Readiness[] = ['Ready', 'NotReady', 'Terminating'];

export function PodReadiness({ pod, edit }: { pod: Pod; edit: (patch: ElementPatch) => FieldError | undefined }) {
  const t = useT();
  const probes = pod.containers.flatMap((c) =>
    c.readinessProbe
      ? [`${c.name}: ${c.readinessProbe.type}${c.readinessProbe.port !== undefined ? ` :${c.readinessProbe.port}` : ''}${c.readinessProbe.path ?? ''}`]
      : [],
  );
  return (
    <>
      <SelectField
        label={t('field.readiness')}
        value={pod.readiness ?? 'Ready'}
        options={STATES.map((s) => ({ value: s, label: t(`readiness.${s}`) }))}
        onCommit={(v) => edit({ readiness: v === 'Ready' ? undefined : v })}
        hint={t('inspector.readinessHint')}
      />
      {probes.length > 0 && (
        <Fact label={t('inspector.readinessProbe')}>
          <span className="mono">{probes.join(', ')}</span>
        </Fact>
      )}
      {pod.owner && (
        <Fact label={t('inspector.owner')}>
          <span className="mono">
            {pod.owner.kind}/{pod.owner.name}
          </span>
        </Fact>
      )}
    </>
  );
}
