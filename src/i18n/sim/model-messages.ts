/**
 * The editor's sentences in English (validation problems, refused edits) and its codes' parameter
 * shapes, registered when this module loads: with the editing code (src/store/editing.ts) and with the tracer, whose results can carry them.
 */
import { registerMessageSpecs, registerSimDictionary } from './format';
import { enModel } from './en-model';
import { MODEL_CODES } from '../../sim/messages/codes-model';

registerMessageSpecs(MODEL_CODES);
registerSimDictionary('en', enModel);
