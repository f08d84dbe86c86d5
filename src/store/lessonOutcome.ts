/** What happened to a lesson's suggested packet (kept with the lesson in the session and in undo steps). */
export interface PacketOutcome {
  verdict: 'delivered' | 'dropped';
  /** The drop reason code. */
  code?: string;
  /** Element id where the request finally arrived (the backend pod behind an ingress controller). */
  at?: string;
  /** The HTTP status the ingress controller answered itself, when it did (404, 503). */
  http?: number;
  /** The outcome the lesson's text expects. */
  asExpected: boolean;
}
