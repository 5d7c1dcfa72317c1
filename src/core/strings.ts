import { ArgumentError } from './errors.js';
import { INSPECT } from '../util/inspect.js';

/**
 * Interns strings to dense unsigned integer ids (id 0 is the empty string, used as "unset").
 * Ids are dense and local to one store, so saved artifacts carry their own string table.
 * @example
 * const s = new StringStore(); const id = s.add('hello'); s.get(id) === 'hello'
 */
export class StringStore {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];

  constructor(initial?: Iterable<string>) {
    this.add('');
    if (initial) for (const s of initial) this.add(s);
  }

  /** Interns `s` and returns its id (the existing id if already present). */
  add(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** The id of `s`, or -1 if it was never interned. */
  idOf(s: string): number {
    const id = this.ids.get(s);
    return id === undefined ? -1 : id;
  }

  /** Whether `s` has been interned. */
  has(s: string): boolean {
    return this.ids.has(s);
  }

  /** The string with this id; throws ArgumentError for an unknown id. */
  get(id: number): string {
    const s = this.list[id];
    if (s === undefined) throw new ArgumentError(`unknown string id ${id}`);
    return s;
  }

  /** `util.inspect` / `console.log`: a summary, not every string. */
  [INSPECT](): string {
    return `StringStore(${this.size} strings)`;
  }

  /** Number of interned strings (including the empty string). */
  get size(): number {
    return this.list.length;
  }

  /** All strings in id order. */
  [Symbol.iterator](): IterableIterator<string> {
    return this.list[Symbol.iterator]();
  }

  /** The strings in id order, for serialization. */
  toArray(): string[] {
    return this.list.slice();
  }
}
