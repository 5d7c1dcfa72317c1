import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Tokenizer, Vocab } from '../../src/index.js';
import { INSPECT_MAX_CHARS, truncateText } from '../../src/util/inspect.js';

const tok = new Tokenizer(new Vocab());

describe('util.inspect and toString of Doc, Span, Token', () => {
  it('print the text, as spaCy does', () => {
    const doc = tok.tokenize("Hello, world! It's me.");
    expect(inspect(doc)).toBe("Hello, world! It's me.");
    expect(String(doc)).toBe("Hello, world! It's me.");
    expect(inspect(doc.span(0, 3))).toBe('Hello, world');
    expect(String(doc.span(0, 3))).toBe('Hello, world');
    expect(inspect(doc.token(5))).toBe("'s");
    expect(inspect([doc.token(0), doc.token(2)])).toBe('[ Hello, world ]');
    expect(`${doc.token(2)}`).toBe('world');
  });

  it('cut a long text in inspect but not in toString', () => {
    const text = 'word '.repeat(100).trim();
    const doc = tok.tokenize(text);
    expect(inspect(doc)).toBe(`${text.slice(0, INSPECT_MAX_CHARS)}… (${text.length - INSPECT_MAX_CHARS} more characters)`);
    expect(inspect(doc.span(0, doc.length))).toBe(inspect(doc));
    expect(String(doc)).toBe(text);
  });
});

describe('truncateText', () => {
  it('keeps short texts and never splits a surrogate pair', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcd', 3)).toBe('abc… (1 more characters)');
    expect(truncateText('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });
});
