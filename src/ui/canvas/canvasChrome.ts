/** The canvas's chrome: minimap colours and React Flow's own accessible names, in the interface language. */
import type { Translator } from '../../i18n';
import type { AppNode } from './flow';

export const MINIMAP_COLORS: Record<string, string> = {
  subnet: '#e2e8f0',
  clusterNode: '#bfdbfe',
  router: '#334155',
  client: '#94a3b8',
  service: '#a78bfa',
  loadBalancer: '#fb923c',
  ingress: '#2dd4bf',
};

export function minimapColor(n: AppNode): string {
  if (n.type === 'pod') return (n.data as { color?: string }).color ?? '#64748b';
  return MINIMAP_COLORS[n.type ?? ''] ?? '#cbd5e1';
}

/** React Flow's own accessible names (controls, minimap, the keyboard help of a node), in the interface language. */
export function ariaLabels(t: Translator) {
  return {
    'controls.ariaLabel': t('canvas.zoomControls'),
    'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
    'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
    'controls.fitView.ariaLabel': t('canvas.fitView'),
    'minimap.ariaLabel': t('canvas.minimap'),
    'node.a11yDescription.default': t('canvas.nodeHelp'),
    'node.a11yDescription.keyboardDisabled': t('canvas.nodeHelpNoKeys'),
  };
}
