/**
 * A trace's sentences in English, registered when this module loads: with the tracer
 * (src/store/tracer.ts) and with every panel that shows trace sentences and may open before a packet
 * is sent (the hop inspector, the Policies tab's matrix and verdicts, the Inside view).
 */
import { registerSimDictionary } from './format';
import { enSim } from './en';

registerSimDictionary('en', enSim);
