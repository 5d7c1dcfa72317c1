import { describe, expect, it } from 'vitest';
import { count } from '../../src/cli/plural.js';

describe('count', () => {
  it('puts the noun in the number the count needs', () => {
    expect(count(1, 'document')).toBe('1 document');
    expect(count(0, 'document')).toBe('0 documents');
    expect(count(2, 'match', 'matches')).toBe('2 matches');
  });
});
