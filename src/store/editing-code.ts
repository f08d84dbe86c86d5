/**
 * What the editor fetches on demand (src/store/editing.ts): the simulation's editing door (the zod
 * schemas, parsing, validation and every edit), saved work and JSON files (which read and write
 * through the schema), and the English sentences of validation problems and refused edits.
 */
import '../i18n/sim/model-messages';

export * from '../sim/editing';
export * as savedWork from '../io/saved-work';
export * as scenarioFile from '../io/scenario-file';
export { applyAdd } from './addElement';
