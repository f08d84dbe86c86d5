/**
 * A trace's sentences in English and its codes' parameter shapes, registered when this module loads: with the tracer
 * (src/store/tracer.ts) and with every panel that shows trace sentences and may open before a packet
 * is sent (the hop inspector, the Policies tab's matrix and verdicts, the Inside view).
 */
import { registerMessageSpecs, registerSimDictionary } from './format';
import { enSim } from './en';
import { TRACE_CODES } from '../../sim/messages/codes-trace';

registerMessageSpecs(TRACE_CODES);
registerSimDictionary('en', enSim);
