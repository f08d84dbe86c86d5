/** Top bar: undo/redo, delete, auto-layout, fit view. */
import { useReactFlow } from '@xyflow/react';
import { useEditor, useEditorStore } from './state';
import { autoLayout } from './canvas/layout';

export function Toolbar({ children }: { children?: React.ReactNode }) {
  const store = useEditorStore();
  const rf = useReactFlow();
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const selected = useEditor((s) => s.selection.length);
  const name = useEditor((s) => s.scenario.name);
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          ⎈
        </span>
        <h1>Kube Network Playground</h1>
        <span className="scenario-name" title="Scenario">
          {name}
        </span>
      </div>
      <div className="toolbar" role="toolbar" aria-label="Editing">
        <button type="button" className="btn" onClick={() => store.getState().undo()} disabled={!canUndo} aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">
          ↶ Undo
        </button>
        <button type="button" className="btn" onClick={() => store.getState().redo()} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z" title="Redo (Ctrl+Shift+Z)">
          ↷ Redo
        </button>
        <button type="button" className="btn" onClick={() => store.getState().deleteSelection()} disabled={selected === 0} aria-keyshortcuts="Delete" title="Delete the selection (Delete)">
          Delete
        </button>
        <span className="sep" aria-hidden />
        <button
          type="button"
          className="btn"
          onClick={() => {
            store.getState().replaceLayout(autoLayout(store.getState().scenario));
            window.requestAnimationFrame(() => void rf.fitView({ padding: 0.08, duration: 300 }));
          }}
          title="Arrange everything in layers: routers, subnets with their hosts, services"
        >
          Auto-layout
        </button>
        <button type="button" className="btn" onClick={() => void rf.fitView({ padding: 0.08, duration: 300 })}>
          Fit view
        </button>
        {children}
      </div>
    </header>
  );
}
