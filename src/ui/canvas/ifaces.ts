/**
 * Where each interface is drawn inside its element (eth0, cni0, a veth port, flannel.1): the element
 * components hand over the interface's element through a ref as they draw it, so the packet markers
 * find it by node id and interface name without looking in the page. An element scrolled out of
 * view (React Flow does not draw it) has none.
 */
import type { RefCallback } from 'react';

const drawn = new Map<string, HTMLElement>();
/** One ref per interface, the same on every render (a new one would detach and attach it each time). */
const refs = new Map<string, RefCallback<HTMLElement>>();
const keyOf = (node: string, iface: string) => `${node}\u0000${iface}`;

/** The element drawing `iface` of canvas node `node`, while it is drawn. */
export function ifaceElement(node: string, iface: string): HTMLElement | undefined {
  return drawn.get(keyOf(node, iface));
}

/** For an element component: `ref={ifaceRef(id, 'eth0')}` on what draws its eth0. */
export function ifaceRef(node: string, iface: string): RefCallback<HTMLElement> {
  const key = keyOf(node, iface);
  let ref = refs.get(key);
  if (!ref) {
    ref = (el) => {
      if (!el) return;
      drawn.set(key, el);
      return () => {
        if (drawn.get(key) === el) drawn.delete(key);
      };
    };
    refs.set(key, ref);
  }
  return ref;
}
