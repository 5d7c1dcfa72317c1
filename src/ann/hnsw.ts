/**
 * Hierarchical Navigable Small World graph (Malkov & Yashunin) over the slots of a
 * {@link VectorStore}, in typed arrays only: level-0 neighbour lists of fixed size 2M+1
 * (count, then links) per slot, upper-level lists of M+1 per (slot, level) in one pool addressed
 * by `upperOff`, a level per slot, and a visited bitset (visited.ts). No per-node object.
 *
 * Insert: a level drawn from the seeded Rng (floor(-ln U / ln M)), a greedy descent from the entry
 * point to that level, then on each level a beam search of width efConstruction, the neighbour
 * selection heuristic (keep a candidate only if it is closer to the new node than to every
 * neighbour kept so far), and back links, pruned by the same heuristic when a list is full.
 * Search: greedy descent, then a beam search of width max(ef, k) on level 0 in which removed or
 * filtered slots are walked through but never returned.
 * Each expanded node's unvisited links are gathered first and scored by one SIMD kernel call
 * (store.scoreGathered), so the walk crosses into WebAssembly once per node rather than per link.
 */
import { Rng } from '../util/rng.js';
import { drainBestFirst, SlotHeap } from './heaps.js';
import type { SlotFilter } from './flat-search.js';
import type { VectorStore } from './store.js';
import { VisitedSet } from './visited.js';

/** Highest level a node may get (levels beyond ~log_M(n) never occur in practice). */
const MAX_LEVEL = 31;

/** The graph's arrays, as saved and loaded. */
export interface HnswArrays {
  levels: Uint8Array;
  links0: Int32Array;
  upperOff: Int32Array;
  upper: Int32Array;
  upperUsed: number;
  entry: number;
  maxLevel: number;
  rngState: Uint32Array;
}

/** The HNSW graph of one index. */
export class HnswGraph {
  /** Links per node on levels >= 1. */
  readonly m: number;
  /** Links per node on level 0 (2M). */
  readonly m0: number;
  /** Per-slot level. */
  levels: Uint8Array;
  /** Level 0: per slot [count, link x m0]. */
  links0: Int32Array;
  /** Per slot: offset of its level-1 list in {@link upper}, or -1 for level-0 nodes. */
  upperOff: Int32Array;
  /** Levels >= 1: per (slot, level) [count, link x m]. */
  upper: Int32Array;
  /** Int32s of {@link upper} in use. */
  upperUsed = 0;
  /** Entry point slot (-1 while empty). */
  entry = -1;
  /** Level of the entry point. */
  maxLevel = -1;
  private readonly rng: Rng;
  private readonly mult: number;
  private readonly visited: VisitedSet;
  /** Candidates to expand, most similar on top. */
  private readonly frontier = new SlotHeap();
  /** Best found so far, as negated similarities (top = least similar kept). */
  private readonly nearest = new SlotHeap();
  // Scratch for neighbour selection: candidate slots/similarities and the kept list.
  private candSlots = new Int32Array(64);
  private candSims = new Float32Array(64);
  private kept = new Int32Array(64);
  private keptSims = new Float32Array(64);

  constructor(
    private readonly store: VectorStore,
    m: number,
    readonly efConstruction: number,
    seed: number,
    capacity: number,
  ) {
    this.m = m;
    this.m0 = 2 * m;
    this.mult = 1 / Math.log(m);
    this.rng = new Rng(seed);
    this.levels = new Uint8Array(capacity);
    this.links0 = new Int32Array(capacity * (this.m0 + 1));
    this.upperOff = new Int32Array(capacity).fill(-1);
    this.upper = new Int32Array(Math.max(64, Math.ceil(capacity / m) * (m + 1) * 2));
    this.visited = new VisitedSet(capacity);
  }

  /** The arrays to save (trimmed to `count` slots). */
  arrays(count: number): HnswArrays {
    return {
      levels: this.levels.subarray(0, count),
      links0: this.links0.subarray(0, count * (this.m0 + 1)),
      upperOff: this.upperOff.subarray(0, count),
      upper: this.upper.subarray(0, this.upperUsed),
      upperUsed: this.upperUsed,
      entry: this.entry,
      maxLevel: this.maxLevel,
      rngState: this.rng.getState(),
    };
  }

  /** Restores arrays checked by the loader. */
  restore(a: HnswArrays): void {
    this.levels = a.levels;
    this.links0 = a.links0;
    this.upperOff = a.upperOff;
    this.upper = a.upper.length ? a.upper : new Int32Array(64);
    this.upperUsed = a.upperUsed;
    this.entry = a.entry;
    this.maxLevel = a.maxLevel;
    this.rng.setState(a.rngState);
    this.visited.reserve(a.levels.length);
  }

  /** Bytes held by the graph arrays (allocated capacity). */
  get bytes(): number {
    return this.levels.byteLength + this.links0.byteLength + this.upperOff.byteLength + this.upper.byteLength + this.visited.bytes;
  }

  private reserve(n: number): void {
    if (n <= this.levels.length) return;
    const cap = Math.max(n, Math.ceil(this.levels.length * 1.5), 16);
    const lv = new Uint8Array(cap);
    lv.set(this.levels);
    this.levels = lv;
    const l0 = new Int32Array(cap * (this.m0 + 1));
    l0.set(this.links0);
    this.links0 = l0;
    const uo = new Int32Array(cap).fill(-1);
    uo.set(this.upperOff);
    this.upperOff = uo;
    this.visited.reserve(cap);
  }

  /** The array and offset of slot `s`'s list on `level` (its count first). */
  private listOffset(s: number, level: number): number {
    return level === 0 ? s * (this.m0 + 1) : this.upperOff[s]! + (level - 1) * (this.m + 1);
  }

  /** Links `slot` (already appended to the store) into the graph. */
  insert(slot: number): void {
    this.reserve(slot + 1);
    const level = Math.min(MAX_LEVEL, Math.floor(-Math.log(1 - this.rng.next()) * this.mult));
    this.levels[slot] = level;
    this.links0[slot * (this.m0 + 1)] = 0;
    if (level > 0) {
      const need = this.upperUsed + level * (this.m + 1);
      if (need > this.upper.length) {
        const u = new Int32Array(Math.max(need, this.upper.length * 2));
        u.set(this.upper.subarray(0, this.upperUsed));
        this.upper = u;
      }
      this.upperOff[slot] = this.upperUsed;
      for (let l = 0; l < level; l++) this.upper[this.upperUsed + l * (this.m + 1)] = 0;
      this.upperUsed = need;
    } else this.upperOff[slot] = -1;
    if (this.entry < 0) {
      this.entry = slot;
      this.maxLevel = level;
      return;
    }
    const store = this.store;
    store.useRow(slot);
    let cur = this.entry;
    let curSim = store.sim(cur);
    for (let l = this.maxLevel; l > level; l--) {
      const r = this.greedy(cur, curSim, l);
      cur = r;
      curSim = this.greedySim;
    }
    for (let l = Math.min(level, this.maxLevel); l >= 0; l--) {
      this.searchLayer(cur, curSim, this.efConstruction, l, null, false);
      const n = this.takeCandidates();
      // The best candidate is the next level's entry.
      cur = this.candSlots[0]!;
      curSim = this.candSims[0]!;
      const kept = this.selectNeighbours(n, this.m, slot);
      const off = this.listOffset(slot, l);
      const arr = l === 0 ? this.links0 : this.upper;
      arr[off] = kept;
      for (let i = 0; i < kept; i++) arr[off + 1 + i] = this.kept[i]!;
      // Copy the kept list: the back-link pruning below reuses the scratch arrays.
      const mine = this.kept.slice(0, kept);
      const mineSims = this.keptSims.slice(0, kept);
      for (let i = 0; i < kept; i++) this.linkBack(mine[i]!, slot, mineSims[i]!, l);
      store.useRow(slot);
    }
    if (level > this.maxLevel) {
      this.maxLevel = level;
      this.entry = slot;
    }
  }

  private greedySim = 0;

  /** Greedy walk on `level` from `cur` towards the current query; returns the slot, sets greedySim. */
  private greedy(cur: number, curSim: number, level: number): number {
    const store = this.store;
    const arr = level === 0 ? this.links0 : this.upper;
    const gIds = store.gatherIds;
    const gSims = store.gatherSims;
    let changed = true;
    while (changed) {
      changed = false;
      const off = this.listOffset(cur, level);
      const n = arr[off]!;
      for (let i = 0; i < n; i++) gIds[i] = arr[off + 1 + i]!;
      store.scoreGathered(n);
      const from = cur;
      for (let i = 0; i < n; i++) {
        const s = gSims[i]!;
        if (s > curSim) {
          curSim = s;
          cur = gIds[i]!;
        }
      }
      changed = cur !== from;
    }
    this.greedySim = curSim;
    return cur;
  }

  /**
   * Beam search of width `ef` on `level` from `ep`, leaving the results in `nearest`. With
   * `check`, removed slots and slots `accept` refuses are walked through but not kept.
   */
  private searchLayer(ep: number, epSim: number, ef: number, level: number, accept: SlotFilter, check: boolean): void {
    const store = this.store;
    const deleted = store.deleted;
    const arr = level === 0 ? this.links0 : this.upper;
    const stride = this.m0 + 1;
    const upperOff = this.upperOff;
    const mStride = this.m + 1;
    const visited = this.visited;
    visited.reset();
    const frontier = this.frontier;
    const nearest = this.nearest;
    const gIds = store.gatherIds;
    const gSims = store.gatherSims;
    frontier.clear();
    nearest.clear();
    visited.add(ep);
    frontier.push(ep, epSim);
    if (!check || (deleted[ep] === 0 && (accept === null || accept(ep)))) nearest.push(ep, -epSim);
    // Least similar kept once `nearest` holds ef (the bar a new candidate must pass).
    let bar = nearest.size >= ef ? -nearest.topScore : -Infinity;
    while (frontier.size > 0) {
      if (frontier.topScore < bar) break;
      const c = frontier.topSlot;
      frontier.pop();
      const off = level === 0 ? c * stride : upperOff[c]! + (level - 1) * mStride;
      const n = arr[off]!;
      let g = 0;
      for (let i = 1; i <= n; i++) {
        const nb = arr[off + i]!;
        if (!visited.add(nb)) continue;
        gIds[g++] = nb;
      }
      if (g === 0) continue;
      store.scoreGathered(g);
      for (let j = 0; j < g; j++) {
        const s = gSims[j]!;
        if (s <= bar) continue;
        const nb = gIds[j]!;
        frontier.push(nb, s);
        if (!check || (deleted[nb] === 0 && (accept === null || accept(nb)))) {
          // Full: the new one takes the least similar's place (one sift instead of push + pop).
          if (nearest.size < ef) nearest.push(nb, -s);
          else nearest.replaceTop(nb, -s);
          if (nearest.size >= ef) bar = -nearest.topScore;
        }
      }
    }
  }

  /** Moves `nearest` into candSlots/candSims, best first; returns the count. */
  private takeCandidates(): number {
    const n = this.nearest.size;
    if (n > this.candSlots.length) {
      this.candSlots = new Int32Array(n * 2);
      this.candSims = new Float32Array(n * 2);
    }
    return drainBestFirst(this.nearest, this.candSlots, this.candSims);
  }

  /**
   * The neighbour heuristic over candSlots/candSims[0, n) (best first, similarities to `self`):
   * keeps a candidate unless it is closer to an already kept one than to `self`. Fills
   * kept/keptSims; returns how many (at most `max`).
   */
  private selectNeighbours(n: number, max: number, self: number): number {
    if (this.kept.length < max) {
      this.kept = new Int32Array(max * 2);
      this.keptSims = new Float32Array(max * 2);
    }
    const store = this.store;
    let k = 0;
    for (let i = 0; i < n && k < max; i++) {
      const c = this.candSlots[i]!;
      if (c === self) continue;
      const sc = this.candSims[i]!;
      let good = true;
      for (let j = 0; j < k; j++) {
        if (store.simPair(c, this.kept[j]!) > sc) {
          good = false;
          break;
        }
      }
      if (good) {
        this.kept[k] = c;
        this.keptSims[k++] = sc;
      }
    }
    return k;
  }

  /** Adds `slot` to `nb`'s list on `level`, re-selecting the list by the heuristic when full. */
  private linkBack(nb: number, slot: number, sim: number, level: number): void {
    const max = level === 0 ? this.m0 : this.m;
    const arr = level === 0 ? this.links0 : this.upper;
    const off = this.listOffset(nb, level);
    const n = arr[off]!;
    if (n < max) {
      arr[off + 1 + n] = slot;
      arr[off] = n + 1;
      return;
    }
    // Full: the n links plus the new one, by similarity to nb, through the heuristic.
    const store = this.store;
    if (this.candSlots.length < n + 1) {
      this.candSlots = new Int32Array((n + 1) * 2);
      this.candSims = new Float32Array((n + 1) * 2);
    }
    const nearest = this.nearest;
    nearest.clear();
    nearest.push(slot, -sim);
    for (let i = 1; i <= n; i++) {
      const o = arr[off + i]!;
      nearest.push(o, -store.simPair(nb, o));
    }
    const count = drainBestFirst(nearest, this.candSlots, this.candSims);
    const kept = this.selectNeighbours(count, max, nb);
    arr[off] = kept;
    for (let i = 0; i < kept; i++) arr[off + 1 + i] = this.kept[i]!;
  }

  /**
   * The best `ef` slots for the store's current query (set by the caller), best first, into
   * `outSlots`/`outSims` (each >= ef long); returns how many. Only slots `accept` takes and not
   * removed are returned.
   */
  search(ef: number, accept: SlotFilter, outSlots: Int32Array, outSims: Float32Array): number {
    if (this.entry < 0) return 0;
    const store = this.store;
    let cur = this.entry;
    let curSim = store.sim(cur);
    for (let l = this.maxLevel; l > 0; l--) {
      cur = this.greedy(cur, curSim, l);
      curSim = this.greedySim;
    }
    this.searchLayer(cur, curSim, ef, 0, accept, true);
    return drainBestFirst(this.nearest, outSlots, outSims);
  }
}
