/**
 * The PhraseMatcher's kernel: a trie over u32 token values. Root edges are a dense array indexed
 * by value (values are dense string ids); deeper edges live in one open-addressing hash table keyed
 * by (node, value). Terminal nodes carry the keys of the phrases that end there.
 */
import { grow } from '../../util/typed.js';
export class TokenTrie {
  /** Child of the root for value v, or -1. */
  private root = new Int32Array(64).fill(-1);
  private hNode = new Int32Array(1024).fill(-1);
  private hVal = new Uint32Array(1024);
  private hChild = new Int32Array(1024);
  private hCount = 0;
  private nodes = 1;
  /** Keys ending at each node (sparse). */
  readonly terminals = new Map<number, number[]>();
  /** 1 where a node is terminal, so the scan touches the map only on hits. */
  private term = new Uint8Array(1024);

  /** Inserts a phrase (a sequence of values) ending in `key`. */
  insert(values: ArrayLike<number>, key: number): void {
    if (values.length === 0) return;
    let node = this.rootChild(values[0]!, true);
    for (let k = 1; k < values.length; k++) node = this.child(node, values[k]!, true);
    const list = this.terminals.get(node);
    this.term = grow(this.term, node + 1);
    this.term[node] = 1;
    if (!list) this.terminals.set(node, [key]);
    else if (!list.includes(key)) list.push(key);
  }

  private rootChild(v: number, create: boolean): number {
    if (v >= this.root.length) {
      if (!create) return -1;
      this.root = grow(this.root, v + 1, -1);
    }
    let c = this.root[v]!;
    if (c < 0 && create) c = this.root[v] = this.nodes++;
    return c;
  }

  private child(node: number, v: number, create: boolean): number {
    const mask = this.hNode.length - 1;
    let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(v, 0x85ebca6b)) & mask;
    for (;;) {
      const n = this.hNode[h]!;
      if (n < 0) break;
      if (n === node && this.hVal[h] === v) return this.hChild[h]!;
      h = (h + 1) & mask;
    }
    if (!create) return -1;
    if ((this.hCount + 1) * 2 > this.hNode.length) {
      this.rehash();
      return this.child(node, v, true);
    }
    this.hNode[h] = node;
    this.hVal[h] = v;
    const c = (this.hChild[h] = this.nodes++);
    this.hCount++;
    return c;
  }

  private rehash(): void {
    const oldNode = this.hNode;
    const oldVal = this.hVal;
    const oldChild = this.hChild;
    const size = oldNode.length * 2;
    this.hNode = new Int32Array(size).fill(-1);
    this.hVal = new Uint32Array(size);
    this.hChild = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < oldNode.length; k++) {
      const node = oldNode[k]!;
      if (node < 0) continue;
      const v = oldVal[k]!;
      let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(v, 0x85ebca6b)) & mask;
      while (this.hNode[h]! >= 0) h = (h + 1) & mask;
      this.hNode[h] = node;
      this.hVal[h] = v;
      this.hChild[h] = oldChild[k]!;
    }
  }

  /**
   * Finds every phrase occurrence in `values[from..to)`, overlapping and nested ones included, in
   * order of start then end (spaCy's PhraseMatcher order). `emit(key, start, end)` is called per match.
   */
  scan(values: ArrayLike<number>, from: number, to: number, emit: (key: number, start: number, end: number) => void): void {
    const root = this.root;
    const rootLen = root.length;
    const terminals = this.terminals;
    const term = this.term;
    const hNode = this.hNode;
    const hVal = this.hVal;
    const hChild = this.hChild;
    const mask = hNode.length - 1;
    for (let i = from; i < to; i++) {
      const v0 = values[i]!;
      if (v0 >= rootLen) continue;
      let node = root[v0]!;
      if (node < 0) continue;
      let j = i + 1;
      for (;;) {
        const keys = term[node] === 1 ? terminals.get(node) : undefined;
        if (keys !== undefined) for (let k = 0; k < keys.length; k++) emit(keys[k]!, i, j);
        if (j >= to) break;
        const v = values[j]!;
        let h = (Math.imul(node, 0x9e3779b1) ^ Math.imul(v, 0x85ebca6b)) & mask;
        let next = -1;
        for (;;) {
          const n = hNode[h]!;
          if (n < 0) break;
          if (n === node && hVal[h] === v) {
            next = hChild[h]!;
            break;
          }
          h = (h + 1) & mask;
        }
        if (next < 0) break;
        node = next;
        j++;
      }
    }
  }
}
