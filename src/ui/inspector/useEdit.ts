/** The inspector forms' shared hooks: commit a patch to one element, and the scenario lists forms pick from. */
import type { ElementPatch, Node, Subnet } from '../../sim/index';
import { useEditorStore } from '../state';
import { errorOf, type FieldError } from './fields';

/** Commit a patch to one element; returns the inline error, if refused. */
export function useEdit(id: string): (patch: ElementPatch) => FieldError | undefined {
  const store = useEditorStore();
  return (patch) => errorOf(store.getState().editElement(id, patch));
}

export const selectSubnets = (s: { scenario: { subnets: Subnet[] } }) => s.scenario.subnets;
export const selectNodes = (s: { scenario: { nodes: Node[] } }) => s.scenario.nodes;
