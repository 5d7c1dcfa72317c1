/**
 * User ids <-> dense slots. An index holds either numeric ids (safe integers) or string keys,
 * fixed by its first add; slots are the order of insertion and never reused before `compact`.
 */
import { ArgumentError } from '../core/errors.js';

/** A vector's id: a safe integer or a string key (one kind per index). */
export type VectorId = number | string;

/** The id kind of an index, once known. */
export type IdType = 'number' | 'string';

/** Slot -> id and id -> slot (live ids only). */
export class KeyTable {
  /** The id of each slot (removed ones included, until compaction). */
  readonly ids: VectorId[] = [];
  private readonly slots = new Map<VectorId, number>();
  /** `number` or `string`, fixed by the first id added; undefined while empty. */
  type: IdType | undefined;

  /** Live ids. */
  get size(): number {
    return this.slots.size;
  }

  /** Slot of a live `id`, or -1. */
  slotOf(id: VectorId): number {
    return this.slots.get(id) ?? -1;
  }

  /** Throws unless `id` is a valid id of this table's kind; `key` names the argument. */
  check(id: unknown, key: string): asserts id is VectorId {
    const t = typeof id;
    if (t === 'number') {
      if (!Number.isSafeInteger(id)) throw new ArgumentError(`a numeric vector id must be a safe integer, got ${String(id)}`, { key });
    } else if (t !== 'string') throw new ArgumentError(`a vector id must be a number or a string, got ${id === null ? 'null' : t}`, { key });
    if (this.type !== undefined && t !== this.type) {
      throw new ArgumentError(`this index holds ${this.type} ids; got the ${t} ${JSON.stringify(id)}`, { key });
    }
  }

  /** Appends `id` at slot `slot` (the caller checked it is new). */
  append(id: VectorId, slot: number): void {
    this.type ??= typeof id as IdType;
    this.ids[slot] = id;
    this.slots.set(id, slot);
  }

  /** Forgets a live id (its slot keeps the id for compaction to drop). */
  delete(id: VectorId): void {
    this.slots.delete(id);
  }
}
