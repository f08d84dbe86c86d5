/**
 * The File → Import manifests dialog's state: open or not, and the text it starts with (a file
 * dropped on the canvas or opened). What the user types lives in the dialog until they import.
 */
import { createStore } from 'zustand/vanilla';

export interface ManifestDialogState {
  open: boolean;
  /** Text to start from; `seq` changes each time new text is handed in. */
  text: string;
  fileName: string;
  seq: number;
  show(text?: string, fileName?: string): void;
  close(): void;
}

export type ManifestDialogStore = ReturnType<typeof createManifestDialogStore>;

export function createManifestDialogStore() {
  return createStore<ManifestDialogState>()((set, get) => ({
    open: false,
    text: '',
    fileName: '',
    seq: 0,
    show(text, fileName) {
      if (text === undefined) set({ open: true });
      else set({ open: true, text, fileName: fileName ?? '', seq: get().seq + 1 });
    },
    close: () => set({ open: false }),
  }));
}
