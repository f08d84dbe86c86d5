/**
 * File → Import manifests. The dialog's code (./ManifestDialogBody.tsx) and the YAML parser behind it
 * are fetched when it first opens, not before the first paint.
 */
import { lazy, Suspense } from 'react';
import { useManifestDialog } from './ManifestDialogContext';

const ManifestDialogBody = lazy(() => import('./ManifestDialogBody').then((m) => ({ default: m.ManifestDialogBody })));

export function ManifestImportDialog() {
  const open = useManifestDialog((s) => s.open);
  return open ? (
    <Suspense fallback={null}>
      <ManifestDialogBody />
    </Suspense>
  ) : null;
}
