/**
 * The editor's sentences in English (validation problems, refused edits), registered when this module
 * loads: with the editing code (src/store/editing.ts) and with the tracer, whose results can carry them.
 */
import { registerSimDictionary } from './format';
import { enModel } from './en-model';

registerSimDictionary('en', enModel);
