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

describe('Vocab, StringStore and JSON of tokens and spans', () => {
  it('summarize instead of dumping internal columns', () => {
    const vocab = new Vocab();
    const doc = new Tokenizer(vocab).tokenize('Hello world');
    expect(inspect(vocab)).toBe(`Vocab(${vocab.strings.size} strings)`);
    expect(inspect(vocab.strings)).toBe(`StringStore(${vocab.strings.size} strings)`);
    expect(inspect({ doc }, { depth: 0 })).toBe('{ doc: Hello world }');
  });
  it('JSON.stringify a token or span gives that token or span, not the whole Doc', () => {
    const doc = tok.tokenize("Hello, world! It's me.");
    expect(JSON.parse(JSON.stringify(doc.token(2)))).toEqual({ i: 2, ...doc.toJSON().tokens[2] });
    expect(JSON.stringify(doc.token(2))).toBe('{"i":2,"text":"world","idx":7,"ws":false}');
    expect(JSON.stringify(doc.span(0, 2))).toBe('{"start":0,"end":2,"startChar":0,"endChar":6,"text":"Hello,"}');
    expect(JSON.parse(JSON.stringify(doc.span(2, 3, 'PLACE')))).toEqual({ start: 2, end: 3, startChar: 7, endChar: 12, text: 'world', label: 'PLACE' });
    expect(JSON.parse(JSON.stringify(doc.sents))).toEqual([{ start: 0, end: doc.length, startChar: 0, endChar: doc.text.length, text: doc.text }]); // no senter: one sentence
  });
});

describe('truncateText', () => {
  it('keeps short texts and never splits a surrogate pair', () => {
    expect(truncateText('abc', 3)).toBe('abc');
    expect(truncateText('abcd', 3)).toBe('abc… (1 more character)');
    expect(truncateText('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });
});
