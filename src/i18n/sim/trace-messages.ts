/**
 * A trace's sentences in English and its codes' parameter shapes, registered when this module loads: with the tracer
 * (src/store/tracer.ts) and with every panel that shows trace sentences and may open before a packet
 * is sent (the hop inspector, the Policies tab's matrix and verdicts, the Inside view).
 */
import { registerMessageSpecs, registerSimDictionary } from './format';
import { enSim } from './en';
import { TRACE_CODES } from '../../sim/messages/codes-trace';
import { MODEL_CODES } from '../../sim/messages/codes-model';

// A trace's result can carry the editor's codes too (its English, enSim, has their sentences).
registerMessageSpecs({ ...TRACE_CODES, ...MODEL_CODES });
registerSimDictionary('en', enSim);
