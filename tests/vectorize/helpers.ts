import { expect } from 'vitest';

/** Asserts two dense matrices are equal entrywise within `tol`. */
export function expectMatrixClose(actual: ArrayLike<ArrayLike<number>>, expected: number[][], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    expect(a.length).toBe(e.length);
    for (let j = 0; j < e.length; j++) {
      const d = Math.abs(a[j]! - e[j]!);
      if (!(d <= tol)) throw new Error(`entry (${i}, ${j}): got ${a[j]}, expected ${e[j]} (|diff| ${d} > ${tol})`);
    }
  }
}

/** scikit-learn docstring corpus (CountVectorizer / TfidfVectorizer examples). */
export const DOCSTRING_CORPUS = [
  'This is the first document.',
  'This document is the second document.',
  'And this is the third one.',
  'Is this the first document?',
];

/** scikit-learn user guide corpus (text feature extraction section). */
export const GUIDE_CORPUS = [
  'This is the first document.',
  'This is the second second document.',
  'And the third one.',
  'Is this the first document?',
];
