/**
 * The regions Snowball stemmers condition their rules on, as start offsets into the word:
 * R1 (after the first non-vowel that follows a vowel), R2 (R1 applied again inside R1) and the
 * Romance RV. A region that cannot be found starts at the word's end (it is empty).
 */
import { type Grouping, inGrouping } from './grouping.js';
import type { SnowballWord } from './word.js';

/**
 * Snowball's `gopast v gopast non-v` from `from`: the offset just after the first non-vowel that
 * follows a vowel, or the word's length.
 */
export function regionAfter(w: SnowballWord, v: Grouping, from: number): number {
  const n = w.n;
  let i = from;
  while (i < n && !inGrouping(v, w.c[i]!)) i++;
  i++;
  while (i < n && inGrouping(v, w.c[i]!)) i++;
  return i < n ? i + 1 : n;
}

/** The standard regions: `p1` (start of R1) and `p2` (start of R2). */
export interface Regions {
  p1: number;
  p2: number;
  /** Start of RV (Romance languages; the word's length elsewhere). */
  pv: number;
}

/** R1 and R2 of `w` for vowels `v` into `r` (RV left at the end). */
export function standardRegions(w: SnowballWord, v: Grouping, r: Regions): void {
  r.p1 = regionAfter(w, v, 0);
  r.p2 = regionAfter(w, v, r.p1);
  r.pv = w.n;
}

/**
 * RV as Spanish, Portuguese and Italian define it: if the second letter is a consonant, the region
 * after the next vowel; if the first two letters are vowels, the region after the next consonant;
 * otherwise (consonant, vowel) the region after the third letter; the word's end if none applies.
 */
export function romanceRV(w: SnowballWord, v: Grouping): number {
  const n = w.n;
  if (n < 2) return n;
  const first = inGrouping(v, w.c[0]!);
  const second = inGrouping(v, w.c[1]!);
  if (!second) {
    // Go past the next vowel after the second letter.
    for (let i = 2; i < n; i++) if (inGrouping(v, w.c[i]!)) return i + 1;
    return n;
  }
  if (first) {
    // Two vowels: go past the next consonant.
    for (let i = 2; i < n; i++) if (!inGrouping(v, w.c[i]!)) return i + 1;
    return n;
  }
  return n >= 3 ? 3 : n;
}
