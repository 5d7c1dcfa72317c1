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

describe('Doc iteration and access', () => {
  const doc = Doc.fromWords(['a', 'b', 'c']);
  it('iterates tokens as views', () => {
    expect([...doc].map((t) => t.text)).toEqual(['a', 'b', 'c']);
    expect(doc.tokens().length).toBe(3);
    expect(doc.token(-1).text).toBe('c');
    expect(() => doc.token(3)).toThrow(/out of range/);
  });
});

describe('Doc.charSpan', () => {
  const doc = Doc.fromWords(['I', 'like', 'New', 'York']);
  it('finds spans on token boundaries', () => {
    expect(doc.charSpan(7, 15, 'GPE')!.text).toBe('New York');
    expect(doc.charSpan(7, 15, 'GPE')!.label).toBe('GPE');
    expect(doc.charSpan(8, 15)).toBeNull();
  });
  it('contracts or expands misaligned offsets', () => {
    expect(doc.charSpan(8, 15, '', 'contract')!.text).toBe('York');
    expect(doc.charSpan(8, 14, '', 'expand')!.text).toBe('New York');
  });
});

describe('Doc.sents', () => {
  it('is one sentence without boundaries, else splits at sentStart', () => {
    const doc = Doc.fromWords(['Hi', '.', 'Bye', '.']);
    expect(doc.sents.length).toBe(1);
    expect(doc.hasSents).toBe(false);
    doc.sentStart[2] = 1;
    doc.sentStart[1] = -1;
    doc.sentStart[3] = -1;
    expect(doc.sents.map((s) => s.text)).toEqual(['Hi .', 'Bye .']);
    expect(doc.token(3).sent.start).toBe(2);
  });
});

describe('Doc.ents', () => {
  it('sets and reads entities, rejecting overlaps', () => {
    const doc = Doc.fromWords(['Tim', 'Cook', 'visited', 'Paris', 'and', 'Rome']);
    doc.ents = [doc.span(0, 2, 'PERSON'), doc.span(3, 4, 'GPE'), doc.span(5, 6, 'GPE')];
    expect(doc.ents.map((e) => [e.text, e.label])).toEqual([
      ['Tim Cook', 'PERSON'],
      ['Paris', 'GPE'],
      ['Rome', 'GPE'],
    ]);
    expect(() => {
      doc.ents = [doc.span(0, 2, 'A'), doc.span(1, 3, 'B')];
    }).toThrow(/overlapping/);
  });
});

describe('Doc.extension', () => {
  it('stores per-token custom data by kind', () => {
    const doc = Doc.fromWords(['running', 'fast']);
    const stems = doc.extension<string>('stem', 'string');
    stems.set(0, 'run');
    expect(doc.token(0).ext('stem')).toBe('run');
    expect(doc.token(1).ext('stem')).toBeUndefined();
    const scores = doc.extension<number>('score', 'number');
    scores.set(1, 0.5);
    expect(doc.token(1).ext('score')).toBe(0.5);
    expect(() => doc.extension('stem', 'number')).toThrow(/already exists/);
    doc.user.set('cats', { POSITIVE: 0.9 });
    expect(doc.user.get('cats')).toEqual({ POSITIVE: 0.9 });
  });
});

describe('Doc JSON', () => {
  it('round-trips every column', () => {
    const doc = Doc.fromWords(['Tim', 'Cook', 'smiled', '.'], { spaces: [true, true, false, false] });
    const s = doc.vocab.strings;
    doc.tag[2] = s.add('VBD');
    doc.pos[2] = s.add('VERB');
    doc.lemma[2] = s.add('smile');
    doc.head[0] = 2;
    doc.dep[0] = s.add('nsubj');
    doc.sentStart[0] = 1;
    doc.ents = [doc.span(0, 2, 'PERSON')];
    doc.extension<string>('stem', 'string').set(2, 'smile');
    const json = JSON.parse(JSON.stringify(doc.toJSON()));
    const back = Doc.fromJSON(json);
    expect(back.toJSON()).toEqual(doc.toJSON());
    expect(back.text).toBe('Tim Cook smiled.');
    expect(back.token(2).lemma).toBe('smile');
    expect(back.ents[0]!.label).toBe('PERSON');
    expect(back.token(2).ext('stem')).toBe('smile');
  });
  it('rejects tokens that do not match the text', () => {
    const json = Doc.fromWords(['a', 'b']).toJSON();
    json.tokens[1]!.idx = 0;
    expect(() => Doc.fromJSON(json)).toThrow(/does not match/);
    expect(() => Doc.fromJSON({ ...json, formatVersion: 2 as 1 })).toThrow(/formatVersion/);
  });
});
