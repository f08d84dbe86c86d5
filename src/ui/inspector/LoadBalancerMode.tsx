/**
 * How a load balancer hands a connection to a node: to a NodePort (AWS NLB style, the default) or
 * unchanged to the load balancer IP (GCP passthrough / MetalLB style), where kube-proxy's
 * KUBE-SERVICES rule for the IP takes it.
 */
import type { LoadBalancer } from '../../sim/index';
import { useT } from '../../i18n/useT';
import { useEditorStore } from '../state';
import { errorOf, SelectField } from './fields';

export function LoadBalancerMode({ lb }: { lb: LoadBalancer }) {
  const t = useT();
  const store = useEditorStore();
  const mode = lb.mode ?? 'nodeport';
  return (
    <SelectField
      label={t('inspector.lbMode')}
      value={mode}
      options={[
        { value: 'nodeport', label: t('inspector.lbMode.nodeport') },
        { value: 'vip', label: t('inspector.lbMode.vip') },
      ]}
      onCommit={(next) => errorOf(store.getState().editElement(lb.id, { mode: next === 'vip' ? 'vip' : undefined }))}
      hint={t(mode === 'vip' ? 'inspector.lbMode.vipHint' : 'inspector.lbMode.nodeportHint')}
    />
  );
}
