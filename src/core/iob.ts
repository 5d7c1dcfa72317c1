/** Entity IOB codes stored in a Doc's `entIob` column (spaCy's numbering). */
export const IOB = { UNSET: 0, I: 1, O: 2, B: 3 } as const;

/** Letters for the IOB codes, indexed by code ('' for UNSET). */
export const IOB_NAMES = ['', 'I', 'O', 'B'] as const;

/** The IOB code of a letter (`''` is UNSET), or -1 for any other string. */
export function iobCode(letter: string): number {
  return (IOB_NAMES as readonly string[]).indexOf(letter);
}
