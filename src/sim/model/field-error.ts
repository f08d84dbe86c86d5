import type { Message } from '../messages/index';

/** A problem with one field of a scenario loaded from outside: the field's path and what is wrong, as a message. */
export interface FieldError {
  /** Dotted path of the bad field, e.g. `pods.2.ip`; `(root)` for the document as a whole. */
  path: string;
  msg: Message;
}
