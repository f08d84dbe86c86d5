/**
 * Every language at once, for where download size does not matter: the CLI and the unit tests import
 * this for its effect. The app itself loads a language when it is chosen (`loadLocaleMessages`).
 */
import { registerLocalePack } from './index';
import { zhCNPack } from './pack.zh-CN';
// English trace sentences, which the app loads with the tracer.
import './sim/trace-messages';
// The interface strings of every panel the app loads on demand, in every language.
import './parts/all';

registerLocalePack('zh-CN', zhCNPack);
