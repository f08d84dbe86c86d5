/** React access to the editor store: one store per app, read through selectors. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from '../store/editorStore';

const EditorContext = createContext<EditorStore | null>(null);

export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore outside <EditorProvider>');
  return store;
}

/** The editor store when there is one (inspector fields also render in tests without the app). */
export function useOptionalEditorStore(): EditorStore | null {
  return useContext(EditorContext);
}

/** Subscribe to one slice of the editor state; the selector must return a stable value. */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
