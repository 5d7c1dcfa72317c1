/**
 * Snowball's `among` for suffixes: a table of suffix groups, matched against the end of a word by
 * taking the longest suffix that matches, with no backtracking to shorter ones when the chosen
 * suffix's rule then fails (exactly Snowball's semantics). Suffixes are bucketed by their last
 * code unit and sorted longest first, so a lookup compares only the candidates sharing the word's
 * last letter and allocates nothing.
 */
import type { SnowballWord } from './word.js';

interface Entry {
  codes: Uint16Array;
  group: number;
}

/**
 * A compiled suffix table. Each group is a list of suffixes sharing one action; {@link match}
 * returns the group of the longest matching suffix and leaves its length in {@link length}.
 * @example
 * const t = new SuffixTable([['en', 'ern'], ['s']]);
 * w.load('kindern'); t.match(w) // 0, t.length === 3
 */
export class SuffixTable {
  private readonly byLast = new Map<number, Entry[]>();
  /** Length of the suffix the last successful {@link match} found. */
  length = 0;

  constructor(groups: readonly (readonly string[])[]) {
    groups.forEach((suffixes, group) => {
      for (const s of suffixes) {
        if (!s) throw new RangeError('empty suffix in a suffix table');
        const codes = Uint16Array.from(s, (ch) => ch.charCodeAt(0));
        const last = codes[codes.length - 1]!;
        let list = this.byLast.get(last);
        if (!list) this.byLast.set(last, (list = []));
        if (list.some((e) => e.codes.length === codes.length && e.codes.every((x, i) => x === codes[i]))) {
          throw new RangeError(`suffix "${s}" listed twice`);
        }
        list.push({ codes, group });
      }
    });
    for (const list of this.byLast.values()) list.sort((a, b) => b.codes.length - a.codes.length);
  }

  /**
   * The group of the longest suffix of `w` (cut at `end`) that starts at or after `limit`
   * (Snowball's `setlimit`), or -1 when none matches.
   */
  match(w: SnowballWord, limit = 0, end = w.n): number {
    if (end <= limit) return -1;
    const c = w.c;
    const list = this.byLast.get(c[end - 1]!);
    if (!list) return -1;
    for (let k = 0; k < list.length; k++) {
      const e = list[k]!;
      const len = e.codes.length;
      if (end - len < limit) continue;
      let i = len - 2;
      const base = end - len;
      while (i >= 0 && c[base + i] === e.codes[i]) i--;
      if (i < 0) {
        this.length = len;
        return e.group;
      }
    }
    return -1;
  }
}
