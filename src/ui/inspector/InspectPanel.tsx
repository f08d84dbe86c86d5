/**
 * The Inspector tab's content: the selected element's (or the scenario's) form, then the problems list.
 * Fetched with the editing code (src/store/editing.ts) just after the first paint: App.tsx shows it
 * through lazyPanel, so it renders once the forms can edit and the scenario has been checked.
 */
import { Inspector } from './Inspector';
import { ProblemsPanel } from '../problems/ProblemsPanel';

export function InspectPanel() {
  return (
    <>
      <Inspector />
      <ProblemsPanel />
    </>
  );
}
