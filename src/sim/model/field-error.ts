/** A problem with one field of a scenario loaded from outside. */
export interface FieldError {
  /** Dotted path of the bad field, e.g. `pods.2.ip`. */
  path: string;
  message: string;
}
