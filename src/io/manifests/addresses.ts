/**
 * Addresses for imported objects, kept when the manifest gives a usable one (status.podIP,
 * spec.clusterIP, nodePort) and allocated otherwise, the way the cluster's allocators would, with a
 * cursor and a set each so that ten thousand objects cost ten thousand steps.
 */
import { cidrContainsInt, intToIp, ipToInt, isIPv4, parseCidr, type Cidr } from '../../sim/index';
import { DNS_SERVICE_OFFSET, API_SERVICE_OFFSET, NODE_PORT_MIN, NODE_PORT_MAX } from '../../sim/index';

/** Free addresses of one range: host addresses from `first`, skipping the ones in `reserved`. */
export class AddressPool {
  private readonly used = new Set<number>();
  private cursor: number;
  private readonly last: number;

  constructor(
    readonly cidr: Cidr,
    first: number,
    private readonly reserved: ReadonlySet<number> = new Set(),
  ) {
    this.cursor = (cidr.network + first) >>> 0;
    // the broadcast address is not handed out
    this.last = (cidr.network + (2 ** (32 - cidr.prefix) - 2)) >>> 0;
  }

  contains(ip: string): boolean {
    return isIPv4(ip) && cidrContainsInt(this.cidr, ipToInt(ip));
  }

  isFree(ip: string): boolean {
    // Not an address at all (a manifest's `clusterIP: http`): not free, and the caller says why.
    if (!this.contains(ip)) return false;
    const n = ipToInt(ip);
    return !this.used.has(n) && !this.reserved.has(n) && n !== this.cidr.network && n <= this.last;
  }

  /** Claim an address given by the manifest or the canvas; false when it cannot be used. */
  claim(ip: string): boolean {
    if (!this.isFree(ip)) return false;
    this.used.add(ipToInt(ip));
    return true;
  }

  /** Mark an address as taken without checking (the canvas's own, possibly out of range). */
  take(ip: string): void {
    if (isIPv4(ip)) this.used.add(ipToInt(ip));
  }

  next(): string | undefined {
    while (this.cursor <= this.last) {
      const n = this.cursor;
      this.cursor = (this.cursor + 1) >>> 0;
      if (!this.used.has(n) && !this.reserved.has(n)) {
        this.used.add(n);
        return intToIp(n);
      }
    }
    return undefined;
  }
}

/** Pod addresses of one node: host-local IPAM from .2 (.1 is cni0). */
export function podPool(nodePodCidr: string): AddressPool {
  return new AddressPool(parseCidr(nodePodCidr), 2);
}

/** ClusterIPs: .1 is default/kubernetes and .10 kube-dns, claimed only by them. */
export function clusterIpPool(serviceCidr: string): AddressPool {
  const c = parseCidr(serviceCidr);
  return new AddressPool(c, API_SERVICE_OFFSET + 1, new Set([(c.network + DNS_SERVICE_OFFSET) >>> 0]));
}

export function reservedClusterIp(serviceCidr: string, role: 'dns' | 'api'): string {
  const c = parseCidr(serviceCidr);
  return intToIp((c.network + (role === 'dns' ? DNS_SERVICE_OFFSET : API_SERVICE_OFFSET)) >>> 0);
}

export class NodePortPool {
  private readonly used = new Set<number>();
  private cursor = NODE_PORT_MIN;

  claim(port: number): boolean {
    if (port < NODE_PORT_MIN || port > NODE_PORT_MAX || this.used.has(port)) return false;
    this.used.add(port);
    return true;
  }

  take(port: number): void {
    this.used.add(port);
  }

  next(): number | undefined {
    while (this.cursor <= NODE_PORT_MAX) {
      const p = this.cursor++;
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
    return undefined;
  }
}
