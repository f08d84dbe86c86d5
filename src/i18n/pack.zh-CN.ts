/** Simplified Chinese, loaded when the reader chooses it (or the browser prefers it). */
import type { LocalePack } from './pack';
import { zhCN } from './messages.zh-CN';
import { zhModel } from './sim/zh-CN-model';
import { zhInput } from './sim/zh-CN-input';
import { zhSend } from './sim/zh-CN-send';
import { catalogZhCN } from '../lessons/catalog.zh-CN';

// A trace's sentences are not here: they come with the tracer in every language (sim/trace-messages.ts).
export const zhCNPack: LocalePack = { ui: zhCN, sim: { ...zhModel, ...zhInput, ...zhSend }, lessons: catalogZhCN };
