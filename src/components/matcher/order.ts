/**
 * The two orders match lists are sorted in, shared by the Matcher (final order, LONGEST greedy
 * filter) and the EntityRuler (which merges token and phrase matches). A match is
 * `[key, start, end]`; ties between equal spans go by `rank(key)` (default: the key itself).
 */

/** A match as the sorters see it: `[key, start, end]`. */
type Triple = [number, number, number];

const byKey = (key: number): number => key;

/**
 * Sorts in place by start, then end, then rank of the key (spaCy's match order); returns `ms`.
 * @example sortByPosition([[0, 2, 3], [1, 0, 2], [0, 0, 2]]) // [[0, 0, 2], [1, 0, 2], [0, 2, 3]]
 */
export function sortByPosition<T extends Triple>(ms: T[], rank: (key: number) => number = byKey): T[] {
  return ms.sort((a, b) => a[1] - b[1] || a[2] - b[2] || rank(a[0]) - rank(b[0]));
}

/**
 * Sorts in place longest first, then earliest, then rank of the key (spaCy's LONGEST greedy
 * filter and the entity ruler's resolution order); returns `ms`.
 * @example sortLongestFirst([[0, 0, 1], [0, 2, 5], [0, 1, 4]]) // [[0, 1, 4], [0, 2, 5], [0, 0, 1]]
 */
export function sortLongestFirst<T extends Triple>(ms: T[], rank: (key: number) => number = byKey): T[] {
  return ms.sort((a, b) => b[2] - b[1] - (a[2] - a[1]) || a[1] - b[1] || rank(a[0]) - rank(b[0]));
}
