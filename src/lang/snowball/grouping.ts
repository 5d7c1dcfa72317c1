/**
 * Snowball groupings (sets of letters such as an algorithm's vowels) as lookup tables. Every
 * letter the supported algorithms group is below U+0100, so a 256-entry table answers for all; a
 * code unit above it is never in a grouping.
 */
export type Grouping = Uint8Array;

/** A grouping of the characters of `letters`. */
export function grouping(letters: string): Grouping {
  const g = new Uint8Array(256);
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c > 255) throw new RangeError(`grouping letter ${letters[i]} is outside Latin-1`);
    g[c] = 1;
  }
  return g;
}

/** Whether code unit `c` (or -1 for "no letter") is in grouping `g`. */
export function inGrouping(g: Grouping, c: number): boolean {
  return c >= 0 && c < 256 && g[c] === 1;
}

/** A Latin-1 letter replacement table: `letterMap('áa éé')`-style pairs, identity elsewhere. */
export type LetterMap = Uint16Array;

/**
 * A replacement table from pairs of letters (`from`, `to`), both below U+0100.
 * @example letterMap('áaée') maps á to a and é to e
 */
export function letterMap(pairs: string): LetterMap {
  const m = new Uint16Array(256);
  for (let c = 0; c < 256; c++) m[c] = c;
  for (let i = 0; i + 1 < pairs.length; i += 2) m[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  return m;
}

/** Code unit `c` through table `m` (unchanged above U+00FF). */
export function mapLetter(m: LetterMap, c: number): number {
  return c < 256 ? m[c]! : c;
}
