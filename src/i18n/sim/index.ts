/** Simulator messages in the reader's language: `formatMessage(locale, message)` and `messageParts` for monospace names. */
import { registerSimDictionary } from './format';
import { enSim } from './en';
import { zhSim } from './zh-CN';

registerSimDictionary('en', enSim);
registerSimDictionary('zh-CN', zhSim);

export { formatMessage, messageParts, type MessagePart, type SimDictionary, type Fmt } from './format';
export { enSim, zhSim };
