/** The manifest import dialog's store, shared by the File menu, the canvas drop and the dialog. */
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createManifestDialogStore, type ManifestDialogState, type ManifestDialogStore } from '../../store/manifestDialog';

const Ctx = createContext<ManifestDialogStore | null>(null);

export function ManifestDialogProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createManifestDialogStore);
  return <Ctx.Provider value={store}>{children}</Ctx.Provider>;
}

export function useManifestDialogStore(): ManifestDialogStore {
  const s = useContext(Ctx);
  if (!s) throw new Error('useManifestDialogStore outside <ManifestDialogProvider>');
  return s;
}

export function useManifestDialog<T>(selector: (s: ManifestDialogState) => T): T {
  return useStore(useManifestDialogStore(), selector);
}

/** Read dropped or chosen files as one manifest text (documents joined by ---). */
export async function readManifestFiles(files: Iterable<File>): Promise<{ text: string; fileName: string } | undefined> {
  const list = [...files].filter((f) => /\.ya?ml$/i.test(f.name));
  if (list.length === 0) return undefined;
  const texts = await Promise.all(list.map((f) => f.text()));
  return { text: texts.map((t) => t.replace(/^\uFEFF/, '').replace(/\n?$/, '\n')).join('---\n'), fileName: list.map((f) => f.name).join(', ') };
}
