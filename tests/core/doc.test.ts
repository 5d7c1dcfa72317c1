import { describe, expect, it } from 'vitest';
import { Doc, Vocab } from '../../src/index.js';

describe('Doc.fromWords', () => {
  it('rebuilds text from words and spaces', () => {
    const doc = Doc.fromWords(['Hello', 'world', '!'], { spaces: [true, false, false] });
    expect(doc.text).toBe('Hello world!');
    expect(doc.length).toBe(3);
    expect(doc.token(1).idx).toBe(6);
    expect(doc.token(2).text).toBe('!');
    expect(doc.token(0).whitespace).toBe(' ');
  });
  it('defaults to a space between words', () => {
    expect(Doc.fromWords(['a', 'b']).text).toBe('a b');
  });
  it('rejects mismatched spaces', () => {
    expect(() => Doc.fromWords(['a'], { spaces: [true, false] })).toThrow(/spaces/);
  });
  it('shares a vocab', () => {
    const vocab = new Vocab();
    const a = Doc.fromWords(['x'], { vocab });
    const b = Doc.fromWords(['x'], { vocab });
    expect(a.token(0).orth).toBe(b.token(0).orth);
  });
});
