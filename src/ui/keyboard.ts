/**
 * Editor shortcuts: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redo, Delete/Backspace deletes
 * the selection, Escape clears it. Inside text inputs the browser's own editing keys win.
 */
import { useEffect } from 'react';
import type { EditorStore } from '../store/editorStore';
import { withEditing } from '../store/editing';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useEditorShortcuts(store: EditorStore) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) store.getState().redo();
        else store.getState().undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        store.getState().redo();
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        if (store.getState().selection.length === 0) return;
        e.preventDefault();
        withEditing(() => store.getState().deleteSelection());
      } else if (e.key === 'Escape') {
        store.getState().select([]);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
