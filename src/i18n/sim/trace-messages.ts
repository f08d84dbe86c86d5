/**
 * A trace's sentences in English and Simplified Chinese and its codes' parameter shapes, registered when this module loads: with the tracer
 * (src/store/tracer.ts) and with every panel that shows trace sentences and may open before a packet
 * is sent (the hop inspector, the Policies tab's matrix and verdicts, the Inside view).
 */
import { registerMessageSpecs, registerSimDictionary } from './format';
import { enSim } from './en';
import { zhTrace } from './zh-CN';
import { TRACE_CODES } from '../../sim/messages/codes-trace';
import { MODEL_CODES } from '../../sim/messages/codes-model';

// A trace's result can carry the editor's codes too (its English, enSim, has their sentences).
registerMessageSpecs({ ...TRACE_CODES, ...MODEL_CODES });
registerSimDictionary('en', enSim);
// The Chinese of a trace comes with it too, whichever language is shown: the Chinese pack, fetched before
// a Chinese reader's first paint, stays without it.
registerSimDictionary('zh-CN', zhTrace);
