/** Over the canvas, top right: follow the packet, show the minimap, export the picture. */
import { useCallback, useState } from 'react';
import { Panel, useReactFlow, useStoreApi } from '@xyflow/react';
import { topology } from '../../sim/index';
import type { AppNode } from '../canvas/flow';
import { useEditorStore } from '../state';
import { useT } from '../../i18n/useT';
import { setView, useView } from '../view';
import { usePacketStore } from './PacketsContext';

export function CanvasTools() {
  const t = useT();
  const follow = useView((v) => v.follow);
  const minimap = useView((v) => v.minimap);
  const editor = useEditorStore();
  const packets = usePacketStore();
  const rf = useReactFlow<AppNode>();
  const flow = useStoreApi();
  const [busy, setBusy] = useState(false);
  const exportImage = useCallback(async () => {
    setBusy(true);
    try {
      // The picture's code is fetched on the first export, not before the first paint.
      const code = await Promise.all([import('./exportImage'), import('./exportSvg'), import('./flowGeometry')]).catch(() => undefined);
      if (!code) {
        editor.getState().notifyMessage('export.failed', { reason: t('lazy.failed') }, { tone: 'error' });
        return;
      }
      const [{ collectPicture, downloadBlob, imageFileBase, svgToPng }, { pictureSvg }, { flowGeometry }] = code;
      const scenario = editor.getState().scenario;
      const names = topology(scenario).names;
      const nameOf = (id: string) => names.get(id) ?? id;
      const s = packets.getState();
      const run = s.packets.find((p) => p.id === s.selectedPacket);
      const title = run ? `${scenario.name} · ${nameOf(run.spec.from)} → ${run.spec.to}${run.spec.port ? `:${run.spec.port}` : ''}` : scenario.name;
      const http = run?.result.http ? ` · ${t('packet.httpStatus', { status: `${run.result.http.status} ${run.result.http.text}` })}` : '';
      const caption = run
        ? run.result.verdict === 'delivered'
          ? `${t('packet.delivered')}${http}`
          : `${t('packet.dropped')} (${run.result.reason?.code ?? ''})`
        : undefined;
      const root = document.querySelector('.react-flow') ?? document;
      const svg = pictureSvg(collectPicture(rf, root, run, flowGeometry(rf, flow), nameOf, title, caption));
      const base = imageFileBase(scenario.name);
      downloadBlob(`${base}.svg`, new Blob([svg], { type: 'image/svg+xml' }));
      downloadBlob(`${base}.png`, await svgToPng(svg));
      editor.getState().notifyMessage('export.done', { svg: `${base}.svg`, png: `${base}.png` });
    } catch (e) {
      editor.getState().notifyMessage('export.failed', { reason: e instanceof Error ? e.message : String(e) }, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  }, [editor, packets, rf, flow, t]);
  return (
    <Panel position="top-right" className="canvas-tools">
      <button type="button" className="btn small" aria-pressed={follow} onClick={() => setView({ follow: !follow })} title={t('view.followTitle')}>
        {follow ? '◉' : '○'} {t('view.follow')}
      </button>
      <button type="button" className="btn small" aria-pressed={minimap} onClick={() => setView({ minimap: !minimap })} title={t('view.minimapTitle')}>
        {t('view.minimap')}
      </button>
      <button type="button" className="btn small" onClick={() => void exportImage()} disabled={busy} title={t('export.imageTitle')}>
        ⤓ {t('export.image')}
      </button>
    </Panel>
  );
}
