/** Simplified Chinese, loaded when the reader chooses it (or the browser prefers it). */
import type { LocalePack } from './pack';
import { zhCN } from './messages.zh-CN';
import { zhSim } from './sim/zh-CN';
import { catalogZhCN } from '../lessons/catalog.zh-CN';

export const zhCNPack: LocalePack = { ui: zhCN, sim: zhSim, lessons: catalogZhCN };
