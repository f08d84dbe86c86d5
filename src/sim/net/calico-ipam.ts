/**
 * Calico IPAM (calico-ipam), as projectcalico/calico libcalico-go/lib/ipam does it:
 * - Addresses come from the IP pool (here the cluster's pod CIDR, as the calico.yaml manifest's
 *   CALICO_IPV4POOL_CIDR usually matches --cluster-cidr), in blocks of /26 (IPPool blockSize 26).
 *   A node's spec.podCIDR plays no part (that is host-local IPAM, flannel's).
 * - A block is claimed by a node (block affinity) when the node needs an address and its own blocks
 *   are full; a node may hold several blocks, not necessarily adjacent (bird_aggr.cfg lists one
 *   `route <block> blackhole;` per block affine to the host).
 * - Which free block a node claims: randomBlockGenerator (ipam_block_reader_writer.go) starts at a
 *   random block seeded by the FNV-32 hash of the hostname (determineSeed) and walks up the pool,
 *   wrapping. Here the start is that hash put through a 32-bit mixer (murmur3's fmix32) modulo the
 *   number of blocks: deterministic per host and scattered over the pool as Calico's is, but Go's
 *   math/rand sequence is not reproduced, so the block numbers differ from a real cluster's.
 * - Inside a block, addresses are handed out lowest ordinal first (newBlock's Unallocated list is
 *   0..63, autoAssign takes from its front), the block's first address included.
 * - With IPIP or VXLAN, calico-node gives the node's tunl0 / vxlan.calico an address from the node's
 *   blocks (node/pkg/allocateip assignHostTunnelAddr, an AutoAssign with the host's affinity) before
 *   any pod runs there: so the tunnel has the first address of the node's first block.
 * - An address inside a block affine to another node is "borrowed" (strictAffinity false): the
 *   borrowing node advertises it as a /32.
 * Scenario files store pod addresses; they are taken as allocated, in the order the pods are listed.
 */
import type { Scenario } from '../model/schema';

type CalicoMode = Scenario['cluster']['calicoMode'];
import { intToIp, ipToInt, isIPv4, isIPv4Cidr, parseCidr, type Cidr } from './cidr';

export const CALICO_BLOCK_PREFIX = 26;

/** Go's hash/fnv New32 (FNV-1, 32 bit) of a string's UTF-8 bytes. */
export function fnv1_32(text: string): number {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) {
    h = Math.imul(h, 0x01000193) >>> 0;
    h = (h ^ b) >>> 0;
  }
  return h >>> 0;
}

/** murmur3's 32-bit finalizer: spreads hostnames that differ in one character over the whole pool. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** The index of the block a host starts its search at. */
export function startBlock(hostname: string, numBlocks: number): number {
  return fmix32(fnv1_32(hostname)) % numBlocks;
}

export interface CalicoIpamState {
  pool: Cidr;
  blockPrefix: number;
  /** Each node's affine blocks, in the order claimed. */
  blocks: Map<string, string[]>;
  /** Each node's tunnel address (IPIP and VXLAN modes). */
  tunnels: Map<string, string>;
  /** Pod addresses inside a block affine to another node: the borrowing node. */
  borrowed: Map<string, string>;
}

interface NodeRef {
  id: string;
  name: string;
}

/** A Calico IPAM allocator over one pool: register what is allocated, then hand out more. */
export class CalicoIpam {
  readonly pool: Cidr;
  readonly blockPrefix: number;
  private readonly blockSize: number;
  private readonly numBlocks: number;
  private readonly owner = new Map<number, string>();
  private readonly byNode = new Map<string, number[]>();
  private readonly used = new Set<number>();
  readonly tunnels = new Map<string, string>();
  readonly borrowed = new Map<string, string>();
  private readonly names = new Map<string, string>();

  constructor(poolCidr: string, nodes: NodeRef[]) {
    this.pool = parseCidr(poolCidr);
    this.blockPrefix = Math.max(CALICO_BLOCK_PREFIX, this.pool.prefix);
    this.blockSize = 2 ** (32 - this.blockPrefix);
    this.numBlocks = 2 ** (this.blockPrefix - this.pool.prefix);
    for (const n of nodes) this.names.set(n.id, n.name);
  }

  private blockIndex(ip: number): number | undefined {
    const off = ip - this.pool.network;
    if (off < 0 || off >= this.numBlocks * this.blockSize) return undefined;
    return Math.floor(off / this.blockSize);
  }

  private claim(nodeId: string, index: number): void {
    this.owner.set(index, nodeId);
    const list = this.byNode.get(nodeId);
    if (list) list.push(index);
    else this.byNode.set(nodeId, [index]);
  }

  /** Record an address already allocated to a pod on `nodeId` (a scenario's stored pod IP). */
  register(ip: string, nodeId: string): void {
    if (!isIPv4(ip)) return;
    const n = ipToInt(ip);
    const index = this.blockIndex(n);
    if (index === undefined) return;
    this.used.add(n);
    const owner = this.owner.get(index);
    if (owner === undefined) this.claim(nodeId, index);
    else if (owner !== nodeId) this.borrowed.set(ip, nodeId);
  }

  /** The next free block for this host: from its hash-seeded start, up the pool, wrapping. */
  private claimNew(nodeId: string): number | undefined {
    const start = startBlock(this.names.get(nodeId) ?? nodeId, this.numBlocks);
    for (let k = 0; k < this.numBlocks; k++) {
      const index = (start + k) % this.numBlocks;
      if (!this.owner.has(index)) {
        this.claim(nodeId, index);
        return index;
      }
    }
    return undefined;
  }

  private firstFree(index: number): number | undefined {
    const base = this.pool.network + index * this.blockSize;
    for (let o = 0; o < this.blockSize; o++) if (!this.used.has((base + o) >>> 0)) return (base + o) >>> 0;
    return undefined;
  }

  /** The lowest free address of the node's blocks, claiming a new block when they are full (undefined: the pool is full). */
  allocate(nodeId: string): string | undefined {
    for (const index of this.byNode.get(nodeId) ?? []) {
      const n = this.firstFree(index);
      if (n !== undefined) return this.take(n);
    }
    const index = this.claimNew(nodeId);
    if (index === undefined) return undefined;
    const n = this.firstFree(index);
    return n === undefined ? undefined : this.take(n);
  }

  private take(n: number): string {
    this.used.add(n);
    return intToIp(n);
  }

  /** Give each node its tunnel address (IPIP / VXLAN), in node order. */
  allocateTunnels(nodeIds: string[]): void {
    for (const id of nodeIds) {
      const ip = this.allocate(id);
      if (ip) this.tunnels.set(id, ip);
    }
  }

  state(): CalicoIpamState {
    const blocks = new Map<string, string[]>();
    for (const [node, list] of this.byNode)
      blocks.set(
        node,
        list.map((i) => `${intToIp((this.pool.network + i * this.blockSize) >>> 0)}/${this.blockPrefix}`),
      );
    return { pool: this.pool, blockPrefix: this.blockPrefix, blocks, tunnels: new Map(this.tunnels), borrowed: new Map(this.borrowed) };
  }
}

export function needsTunnel(mode: CalicoMode | undefined): boolean {
  return mode === 'ipip' || mode === 'vxlan';
}

/**
 * The allocator for a scenario: its pods' addresses registered in order (except `exceptPod`, being
 * re-addressed), then the tunnel addresses. Undefined when the pool is not an IPv4 CIDR.
 */
export function calicoIpamFor(s: Scenario, exceptPod?: string): CalicoIpam | undefined {
  if (!isIPv4Cidr(s.cluster.podCidr)) return undefined;
  const ipam = new CalicoIpam(s.cluster.podCidr, s.nodes);
  for (const p of s.pods) if (p.id !== exceptPod) ipam.register(p.ip, p.node);
  if (needsTunnel(s.cluster.calicoMode)) ipam.allocateTunnels(s.nodes.map((n) => n.id));
  return ipam;
}

/** Calico IPAM's state for a scenario: each node's blocks, tunnel addresses and borrowed addresses. */
export function calicoIpamState(s: Scenario): CalicoIpamState | undefined {
  return calicoIpamFor(s)?.state();
}

/** The address Calico IPAM gives a new pod on `nodeId` (undefined: the pool is full). */
export function nextCalicoPodIp(s: Scenario, nodeId: string, exceptPod?: string): string | undefined {
  return calicoIpamFor(s, exceptPod)?.allocate(nodeId);
}
