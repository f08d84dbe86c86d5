/** React access to the editor store: one store per app, read through selectors. */
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../store/editorStore';
import { createStoreContext } from './storeContext';

const editor = createStoreContext<EditorStore>('EditorStore');

export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <editor.Provider value={store}>{children}</editor.Provider>;
}

export const useEditorStore: () => EditorStore = editor.useRequired;

/** The editor store when there is one (inspector fields also render in tests without the app). */
export const useOptionalEditorStore: () => EditorStore | null = editor.useOptional;

/** Subscribe to one slice of the editor state; the selector must return a stable value. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
