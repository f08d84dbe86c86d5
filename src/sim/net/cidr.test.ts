import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  broadcastAddress,
  cidrContains,
  cidrsOverlap,
  cidrWithin,
  intToIp,
  ipToInt,
  isIPv4,
  isIPv4Cidr,
  isNetworkAligned,
  nthAddress,
  parseCidr,
} from './cidr';

describe('cidr helpers', () => {
  it('validates addresses and CIDRs', () => {
    expect(isIPv4('10.244.1.5')).toBe(true);
    expect(isIPv4('10.244.1.256')).toBe(false);
    expect(isIPv4('10.244.1')).toBe(false);
    expect(isIPv4Cidr('10.244.0.0/16')).toBe(true);
    expect(isIPv4Cidr('10.244.0.0/33')).toBe(false);
    expect(isIPv4Cidr('10.244.0.0')).toBe(false);
  });

  it('parses a CIDR to its network', () => {
    expect(parseCidr('10.244.1.7/24').text).toBe('10.244.1.0/24');
    expect(isNetworkAligned('10.244.1.7/24')).toBe(false);
    expect(isNetworkAligned('10.244.1.0/24')).toBe(true);
    expect(broadcastAddress('10.244.1.0/24')).toBe('10.244.1.255');
    expect(nthAddress('10.244.1.0/24', 1)).toBe('10.244.1.1');
  });

  it('answers containment and overlap', () => {
    expect(cidrContains('10.244.0.0/16', '10.244.3.4')).toBe(true);
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false);
    expect(cidrsOverlap('10.244.0.0/16', '10.244.5.0/24')).toBe(true);
    expect(cidrsOverlap('10.96.0.0/12', '10.244.0.0/16')).toBe(false);
    expect(cidrWithin('10.244.5.0/24', '10.244.0.0/16')).toBe(true);
    expect(cidrWithin('10.0.0.0/8', '10.244.0.0/16')).toBe(false);
  });

  it('round-trips any address through its integer form', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(intToIp(ipToInt(ip))).toBe(ip);
      }),
    );
  });
});
