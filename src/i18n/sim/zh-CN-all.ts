/** Every simulator sentence in Simplified Chinese, as one dictionary (the CLI's and the tests' view; the app loads it in parts). */
import type { SimDictionary } from './format';
import { zhTrace } from './zh-CN';
import { zhSend } from './zh-CN-send';
import { zhModel } from './zh-CN-model';
import { zhInput } from './zh-CN-input';

export const zhSim: SimDictionary = { ...zhTrace, ...zhSend, ...zhModel, ...zhInput };
