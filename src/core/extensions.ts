import { grow } from '../util/typed.js';
import { ArgumentError } from './errors.js';
import type { StringStore } from './strings.js';

/** Kinds of per-token extension columns. `string` values are interned in the vocab. */
export type ExtensionKind = 'string' | 'number' | 'any';

/** A per-token extension column that components attach to a Doc (see `Doc.extension`). */
export interface ExtensionColumn<T = unknown> {
  readonly name: string;
  readonly kind: ExtensionKind;
  get(i: number): T | undefined;
  set(i: number, value: T): void;
}

/** An extension column's storage: grows with the Doc's token capacity (see `Doc.reserve`). */
export interface StoredExt extends ExtensionColumn {
  /** Ensures room for `n` tokens. */
  reserve(n: number): void;
}

/** Returns `i` if it is a valid token index: a typed array would drop a write at a bad one silently. */
function checkIndex(name: string, i: number): number {
  if (!Number.isInteger(i) || i < 0) throw new ArgumentError(`extension "${name}": token index ${i} is not a non-negative integer`);
  return i;
}

class StringExt implements StoredExt {
  readonly kind = 'string' as const;
  ids: Uint32Array;
  constructor(readonly name: string, private readonly strings: StringStore, n: number) {
    this.ids = new Uint32Array(n);
  }
  get(i: number): string | undefined {
    const id = this.ids[i];
    return id ? this.strings.get(id) : undefined;
  }
  set(i: number, value: string): void {
    if (!((i >>> 0) === i && i < this.ids.length)) this.reserve(checkIndex(this.name, i) + 1);
    this.ids[i] = this.strings.add(value);
  }
  reserve(n: number): void {
    this.ids = grow(this.ids, n);
  }
}

class NumberExt implements StoredExt {
  readonly kind = 'number' as const;
  values: Float64Array;
  constructor(readonly name: string, n: number) {
    this.values = new Float64Array(n).fill(NaN);
  }
  get(i: number): number | undefined {
    const v = this.values[i];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  }
  set(i: number, value: number): void {
    if (!((i >>> 0) === i && i < this.values.length)) this.reserve(checkIndex(this.name, i) + 1);
    this.values[i] = value;
  }
  reserve(n: number): void {
    this.values = grow(this.values, n, NaN); // NaN = unset
  }
}

class AnyExt implements StoredExt {
  readonly kind = 'any' as const;
  values: unknown[];
  constructor(readonly name: string, n: number) {
    this.values = new Array(n).fill(undefined);
  }
  get(i: number): unknown {
    return this.values[i];
  }
  set(i: number, value: unknown): void {
    if (!((i >>> 0) === i && i < this.values.length)) this.reserve(checkIndex(this.name, i) + 1);
    this.values[i] = value;
  }
  reserve(n: number): void {
    while (this.values.length < n) this.values.push(undefined);
  }
}

/**
 * A new extension column of `kind` with room for `n` tokens; `string` values are interned in
 * `strings`. Unset entries read as undefined.
 */
export function makeExtension(name: string, kind: ExtensionKind, strings: StringStore, n: number): StoredExt {
  return kind === 'string' ? new StringExt(name, strings, n) : kind === 'number' ? new NumberExt(name, n) : new AnyExt(name, n);
}
