/**
 * IPv4 address and CIDR helpers on ipaddr.js. Addresses travel as dotted strings in the scenario
 * and as unsigned 32-bit integers inside hot paths (route lookups), converted here only.
 */
import ipaddr from 'ipaddr.js';

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  network: number;
  prefix: number;
  /** Netmask as an unsigned 32-bit integer. */
  mask: number;
  /** The CIDR in canonical text, network address first (10.244.1.0/24). */
  text: string;
}

export function isIPv4(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text);
}

export function isIPv4Cidr(text: string): boolean {
  if (typeof text !== 'string' || !text.includes('/')) return false;
  try {
    const [addr] = ipaddr.IPv4.parseCIDR(text);
    return isIPv4(addr.toString()) && isIPv4(text.split('/')[0] ?? '');
  } catch {
    return false;
  }
}

export function ipToInt(ip: string): number {
  const b = ipaddr.IPv4.parse(ip).toByteArray();
  return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
}

export function intToIp(n: number): string {
  return ipaddr.fromByteArray([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]).toString();
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function parseCidr(text: string): Cidr {
  const [addr, prefix] = ipaddr.IPv4.parseCIDR(text);
  const mask = maskOf(prefix);
  const network = (ipToInt(addr.toString()) & mask) >>> 0;
  return { network, prefix, mask, text: `${intToIp(network)}/${prefix}` };
}

/** True when the CIDR text names its network address (10.244.1.0/24, not 10.244.1.7/24). */
export function isNetworkAligned(text: string): boolean {
  const [addr] = ipaddr.IPv4.parseCIDR(text);
  return parseCidr(text).network === ipToInt(addr.toString());
}

export function cidrContainsInt(c: Cidr, ip: number): boolean {
  return (ip & c.mask) >>> 0 === c.network;
}

export function cidrContains(cidrText: string, ip: string): boolean {
  return ipaddr.IPv4.parse(ip).match(ipaddr.IPv4.parseCIDR(cidrText));
}

/** Two CIDRs overlap when either contains the other's network address. */
export function cidrsOverlap(a: string, b: string): boolean {
  const ca = parseCidr(a);
  const cb = parseCidr(b);
  return cidrContainsInt(ca, cb.network) || cidrContainsInt(cb, ca.network);
}

/** True when `inner` lies wholly inside `outer`. */
export function cidrWithin(inner: string, outer: string): boolean {
  const ci = parseCidr(inner);
  const co = parseCidr(outer);
  return ci.prefix >= co.prefix && cidrContainsInt(co, ci.network);
}

/** The n-th address of a CIDR (0 is the network address). */
export function nthAddress(cidrText: string, n: number): string {
  const c = parseCidr(cidrText);
  return intToIp((c.network + n) >>> 0);
}

export function cidrSize(cidrText: string): number {
  return 2 ** (32 - parseCidr(cidrText).prefix);
}

/** The broadcast address of a CIDR. */
export function broadcastAddress(cidrText: string): string {
  const c = parseCidr(cidrText);
  return intToIp((c.network | (~c.mask >>> 0)) >>> 0);
}
