/** The router's inspector form: its interfaces (one per subnet it joins), static routes and BGP peering. */
import { useState } from 'react';
import { type Router, routerIfaceName } from '../../sim/index';
import { useT } from '../../i18n/useT';
import { useEditor, useEditorStore } from '../state';
import { CheckField, ErrorText, errorOf, TextField, useFieldError } from './fields';
import { formatRoutes, parseRoutes } from './fieldText';
import { selectSubnets, useEdit } from './useEdit';

export function RouterForm({ router }: { router: Router }) {
  const t = useT();
  const store = useEditorStore();
  const edit = useEdit(router.id);
  const subnets = useEditor(selectSubnets);
  const free = subnets.filter((x) => !router.interfaces.some((i) => i.subnet === x.id));
  const [pick, setPick] = useState('');
  const [error, setError] = useFieldError(t('inspector.interfaces'));
  const calico = useEditor((s) => s.scenario.cluster.cni === 'calico');
  const name = (id: string) => subnets.find((x) => x.id === id)?.name ?? id;
  return (
    <>
      <TextField label={t('field.name')} value={router.name} onCommit={(n) => edit({ name: n })} />
      {calico && (
        <CheckField
          label={t('inspector.bgpPeer')}
          checked={router.bgpPeer === true}
          onCommit={(bgpPeer) => edit({ bgpPeer })}
          hint={t('inspector.bgpPeerHint')}
        />
      )}
      <fieldset className="group">
        <legend>{t('inspector.interfaces')}</legend>
        {router.interfaces.map((itf, k) => (
          <div key={itf.subnet} className="iface-row">
            <TextField
              label={t('inspector.ifaceOn', { iface: routerIfaceName(router, itf.subnet), subnet: name(itf.subnet) })}
              mono
              value={itf.ip}
              onCommit={(ip) => edit({ interfaces: router.interfaces.map((x, j) => (j === k ? { ...x, ip: ip.trim() } : x)) })}
            />
            <button
              type="button"
              className="btn small ghost"
              aria-label={t('inspector.removeIface', { subnet: name(itf.subnet) })}
              onClick={() => setError(errorOf(store.getState().removeRouterInterface(router.id, itf.subnet)))}
            >
              {t('inspector.remove')}
            </button>
          </div>
        ))}
        {free.length > 0 && (
          <div className="iface-add">
            <label className="field-label" htmlFor={`${router.id}-add-if`}>
              {t('inspector.connectSubnet')}
            </label>
            <select id={`${router.id}-add-if`} className="field-input" value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">{t('inspector.choose')}</option>
              {free.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.cidr})
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn small"
              disabled={!pick}
              onClick={() => {
                setError(errorOf(store.getState().addRouterInterface(router.id, pick)));
                setPick('');
              }}
            >
              {t('inspector.addIface')}
            </button>
          </div>
        )}
        {error && (
          <p className="field-error" role="alert">
            <ErrorText error={error} />
          </p>
        )}
      </fieldset>
      <TextField
        label={t('inspector.staticRoutes')}
        mono
        multiline
        value={formatRoutes(router.routes)}
        placeholder="10.244.0.0/16 via 192.168.1.10"
        onCommit={(text) => {
          const r = parseRoutes(text);
          return r.ok ? edit({ routes: r.value }) : r.error;
        }}
        hint={t('inspector.staticRoutesHint')}
      />
    </>
  );
}
