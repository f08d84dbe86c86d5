/**
 * A steady colour per app label, so the replicas of one app and the Service selecting them share a
 * hue on the canvas. Pure presentation: nothing in the simulation depends on it.
 */
// No red: on this canvas red means a drop or an error.
const PALETTE = ['#2563eb', '#16a34a', '#d97706', '#db2777', '#0891b2', '#7c3aed', '#65a30d', '#0d9488', '#9333ea', '#ca8a04', '#4f46e5'];

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const memo = new Map<string, string>();

export function appColor(app: string): string {
  let c = memo.get(app);
  if (!c) {
    c = PALETTE[hash(app) % PALETTE.length]!;
    memo.set(app, c);
  }
  return c;
}
