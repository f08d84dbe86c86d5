/**
 * Files dropped anywhere on the app (the canvas included): .yaml/.yml open the manifest import
 * dialog with their text, a .json scenario file is imported as File → Import JSON does. The browser
 * never navigates away to a dropped file.
 */
import { useEffect } from 'react';
import { useSession } from '../session/SessionContext';
import { readManifestFiles, useManifestDialogStore } from './ManifestDialogContext';

const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function ManifestFileDrop() {
  const dialog = useManifestDialogStore();
  const session = useSession();
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || e.defaultPrevented) return;
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      const json = files.find((f) => /\.json$/i.test(f.name));
      void readManifestFiles(files).then((r) => {
        if (r) dialog.getState().show(r.text, r.fileName);
        else if (json) void session.importFile(json);
      });
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [dialog, session]);
  return null;
}
