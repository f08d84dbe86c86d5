/** Test helpers: telling Chinese prose from English sentences in rendered messages. */
import type { Message } from '../../sim/messages/index';
import { messageParts } from './format';

/** Prose that reads as an English sentence: three Latin words in a row outside code. */
export const ENGLISH_RUN = /\b[A-Za-z][a-z]+(?:[ ,]+[A-Za-z][a-z]+){2,}\b/;

/** The prose of a rendered message (code parts removed). */
export function prose(locale: 'en' | 'zh-CN', m: Message): string {
  return messageParts(locale, m)
    .filter((p) => !p.code)
    .map((p) => p.text)
    .join(' ');
}
