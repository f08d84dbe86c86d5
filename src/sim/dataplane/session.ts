/**
 * State that outlives one traced connection: what the kernels and proxies remember between requests.
 * Each trace() is one new connection; to watch a sequence of requests (the CLI's --count, the UI's
 * "send N"), the caller creates one SessionState and passes it to every trace. Without one, each trace
 * starts from an empty state.
 *
 * - xt_recent lists, per node: kube-proxy's sessionAffinity ClientIP in iptables mode is
 *   `-m recent --set --name KUBE-SEP-...` in the endpoint chain and `-m recent --rcheck --seconds
 *   <timeout> --reap` in the service chain; the list lives in that node's kernel only.
 * - IPVS scheduler positions and persistence templates, per node and virtual server.
 * - round-robin positions of ingress controllers.
 * `now` is a clock in seconds; advance it to let affinity expire (default timeout 10800 s).
 */
export interface SessionState {
  now: number;
  /** key "node|listName" -> source IP -> last seen (seconds). */
  recent: Map<string, Map<string, number>>;
  /** key "node|virtual server" -> next real server index (rr) and connection counts (lc). */
  ipvs: Map<string, { next: number; conns: number[] }>;
  /** key "node|virtual server|client IP" -> real server and when it was last used (IPVS persistence). */
  ipvsPersistence: Map<string, { server: string; at: number }>;
  /** key "controller pod|upstream" -> next endpoint index. */
  proxyRoundRobin: Map<string, number>;
}

export function createSessionState(now = 0): SessionState {
  return { now, recent: new Map(), ipvs: new Map(), ipvsPersistence: new Map(), proxyRoundRobin: new Map() };
}

/** `-m recent --rcheck --seconds N --reap`: seen within N seconds (older entries are reaped). */
export function recentCheck(s: SessionState, node: string, list: string, src: string, seconds: number): boolean {
  const entries = s.recent.get(`${node}|${list}`);
  const seen = entries?.get(src);
  if (seen === undefined) return false;
  if (s.now - seen > seconds) {
    entries!.delete(src);
    return false;
  }
  return true;
}

/** `-m recent --set`: remember this source now. */
export function recentSet(s: SessionState, node: string, list: string, src: string): void {
  const key = `${node}|${list}`;
  let entries = s.recent.get(key);
  if (!entries) s.recent.set(key, (entries = new Map()));
  entries.set(src, s.now);
}
