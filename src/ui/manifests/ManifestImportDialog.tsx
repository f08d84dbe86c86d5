/**
 * File → Import manifests. The dialog's code (./ManifestDialogBody.tsx) and the YAML parser behind it
 * are fetched when it first opens, not before the first paint.
 */
import type { ReactNode } from 'react';
import { useManifestDialog, useManifestDialogStore } from './ManifestDialogContext';
import { lazyPanel } from '../LazyPanel';
import { useT } from '../../i18n/useT';
import { withEditingCode } from '../../store/editing';

/** The dialog's box while its code is fetched, or if that fails. */
function DialogFrame({ children }: { children: ReactNode }) {
  const t = useT();
  const dialog = useManifestDialogStore();
  return (
    <div className="modal-backdrop" onClick={() => dialog.getState().close()}>
      <div className="modal manifest-dialog" role="dialog" aria-modal="true" aria-label={t('manifests.title')} onClick={(e) => e.stopPropagation()}>
        {children}
      </div>
    </div>
  );
}

// Importing replaces the scenario through the schema: the dialog comes with the editing code.
const ManifestDialogBody = lazyPanel(() => withEditingCode(import('./ManifestDialogBody')).then((m) => m.ManifestDialogBody), DialogFrame);

export function ManifestImportDialog() {
  const open = useManifestDialog((s) => s.open);
  return open ? <ManifestDialogBody /> : null;
}
