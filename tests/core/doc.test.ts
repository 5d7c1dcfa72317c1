import { describe, expect, it } from 'vitest';
import { ArgumentError, Doc, FormatError, Vocab, type DocJSON } from '../../src/index.js';

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
  it('rejects a foreign, unlabelled or empty span without touching the current entities', () => {
    const doc = Doc.fromWords(['a', 'b', 'c', 'd']);
    doc.ents = [doc.span(0, 1, 'X')];
    const other = Doc.fromWords(['a', 'b', 'c', 'd']);
    expect(() => { doc.ents = [doc.span(2, 3, 'Y'), other.span(1, 2, 'Z')]; }).toThrow(/another doc/);
    expect(() => { doc.ents = [doc.span(1, 2, '')]; }).toThrow(/no label/);
    expect(() => { doc.ents = [doc.span(1, 1, 'E')]; }).toThrow(/empty/);
    expect(doc.ents.map((e) => [e.start, e.end, e.label])).toEqual([[0, 1, 'X']]);
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

describe('Doc.reserve', () => {
  it('grows extension columns with the token columns, past the initial capacity', () => {
    const vocab = new Vocab();
    const text = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const doc = new Doc(vocab, text, 4);
    const str = doc.extension<string>('s', 'string');
    const num = doc.extension<number>('n', 'number');
    const any = doc.extension<unknown>('a', 'any');
    let at = 0;
    for (let i = 0; i < 40; i++) {
      const w = `w${i}`;
      doc.pushToken(vocab.strings.add(w), at, i < 39);
      at += w.length + 1;
      str.set(i, w.toUpperCase());
      num.set(i, i / 2);
      if (i % 2) any.set(i, { i });
    }
    expect(doc.length).toBe(40);
    expect(doc.token(39).ext('s')).toBe('W39');
    expect(doc.token(39).ext('n')).toBe(19.5);
    expect(doc.token(39).ext('a')).toEqual({ i: 39 });
    expect(doc.token(38).ext('a')).toBeUndefined();
    doc.reserve(1000);
    // Grown slots are unset, not 0.
    expect(num.get(999)).toBeUndefined();
    expect(Doc.fromJSON(doc.toJSON()).toJSON()).toEqual(doc.toJSON());
  });
  it('rejects a negative or fractional token index instead of dropping the write', () => {
    const doc = Doc.fromWords(['a', 'b']);
    for (const kind of ['string', 'number', 'any'] as const) {
      const col = doc.extension(kind, kind);
      expect(() => col.set(-1, 'x' as never)).toThrow(ArgumentError);
      expect(() => col.set(0.5, 'x' as never)).toThrow(ArgumentError);
    }
  });
});

describe('Doc.fromJSON', () => {
  const good = () => {
    const doc = Doc.fromWords(['Tim', 'Cook', 'smiled', '.'], { spaces: [true, true, false, false] });
    doc.head[0] = 2;
    doc.sentStart[0] = 1;
    doc.ents = [doc.span(0, 2, 'PERSON')];
    doc.extension<number>('score', 'number').set(1, 0.5);
    return JSON.parse(JSON.stringify(doc.toJSON())) as DocJSON;
  };
  const bad = (edit: (j: DocJSON & Record<string, unknown>) => void, key: string) => {
    const json = good() as DocJSON & Record<string, unknown>;
    edit(json);
    let err: unknown;
    try {
      Doc.fromJSON(json);
    } catch (e) {
      err = e;
    }
    expect(err, key).toBeInstanceOf(FormatError);
    expect((err as FormatError).where?.key, (err as Error).message).toBe(key);
  };
  it('accepts what toJSON writes', () => {
    expect(Doc.fromJSON(good()).toJSON()).toEqual(good());
  });
  it('rejects bad offsets and texts, naming the token', () => {
    bad((j) => void (j.tokens[1]!.idx = -4), 'tokens[1].idx');
    bad((j) => void (j.tokens[1]!.idx = 4.5), 'tokens[1].idx');
    bad((j) => void (j.tokens[1]!.idx = '4' as never), 'tokens[1].idx');
    bad((j) => void (j.tokens[2]!.text = ''), 'tokens[2].text');
    bad((j) => void (j.tokens[2]!.text = 'smiles'), 'tokens[2]');
    bad((j) => void (j.tokens[2]!.ws = true), 'tokens[2].ws');
    bad((j) => void (j.tokens[3]!.ws = 'no' as never), 'tokens[3].ws');
    bad((j) => void (j.tokens[1] = null as never), 'tokens[1]');
    bad((j) => void ((j.tokens[1] as unknown as Record<string, unknown>).bogus = 1), 'tokens[1].bogus');
    // Out of order: the text matches at offset 0, but it overlaps token 0.
    bad((j) => void (j.tokens[1] = { text: 'Tim', idx: 0, ws: true }), 'tokens[1].idx');
  });
  it('rejects heads outside the doc and bad annotation values', () => {
    bad((j) => void (j.tokens[0]!.head = 4), 'tokens[0].head');
    bad((j) => void (j.tokens[1]!.head = -2), 'tokens[1].head');
    bad((j) => void (j.tokens[1]!.head = 0.5), 'tokens[1].head');
    bad((j) => void (j.tokens[1]!.sentStart = 2), 'tokens[1].sentStart');
    bad((j) => void (j.tokens[1]!.entIob = 'X' as never), 'tokens[1].entIob');
    bad((j) => void (j.tokens[1]!.entIob = 'toString' as never), 'tokens[1].entIob');
    bad((j) => void (j.tokens[1]!.tag = 5 as never), 'tokens[1].tag');
  });
  it('rejects sents and ents that are not token ranges of the doc', () => {
    bad((j) => void (j.sents = [[0, 5]]), 'sents[0]');
    bad((j) => void (j.sents = [[-1, 2]]), 'sents[0]');
    bad((j) => void (j.sents = 'all' as never), 'sents');
    bad((j) => void (j.ents = [[2, 1, 'X']]), 'ents[0]');
    bad((j) => void (j.ents = [[0, 1, 7 as never]]), 'ents[0][2]');
  });
  it('sets sentences and entities from sents/ents when the tokens carry none', () => {
    const json = Doc.fromWords(['Hi', '.', 'Tim', 'Cook', 'left', '.'], { spaces: [false, true, true, true, false, false] }).toJSON();
    expect(json.tokens.some((t) => t.sentStart !== undefined || t.entIob !== undefined)).toBe(false);
    const doc = Doc.fromJSON({ ...json, sents: [[0, 2], [2, 6]], ents: [[2, 4, 'PERSON']] });
    expect(doc.sents.map((x) => x.text)).toEqual(['Hi.', 'Tim Cook left.']);
    expect(doc.ents.map((e) => [e.text, e.label])).toEqual([['Tim Cook', 'PERSON']]);
    expect(Doc.fromJSON(doc.toJSON()).toJSON()).toEqual(doc.toJSON());
    // one sentence over the doc, no entities: nothing to set, the JSON round-trips as written
    expect(Doc.fromJSON(json).toJSON()).toEqual(json);
  });
  it('rejects sents that do not tile the doc and sents/ents contradicting the tokens', () => {
    bad((j) => void (j.sents = [[0, 2], [1, 4]]), 'sents[1]');
    bad((j) => void (j.sents = [[0, 2], [3, 4]]), 'sents[1]');
    bad((j) => void (j.sents = [[0, 3]]), 'sents');
    bad((j) => void (j.sents = [[0, 2], [2, 4]]), 'sents'); // token 2 has no sentStart: one sentence
    bad((j) => void (j.ents = [[0, 2, 'ORG']]), 'ents'); // the tokens say PERSON
    bad((j) => void (j.ents = []), 'ents');
    const plain = () => JSON.parse(JSON.stringify(Doc.fromWords(['a', 'b', 'c']).toJSON())) as DocJSON;
    const badPlain = (ents: [number, number, string][], key: string) => {
      let err: unknown;
      try {
        Doc.fromJSON({ ...plain(), ents });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormatError);
      expect((err as FormatError).where?.key).toBe(key);
    };
    badPlain([[0, 2, 'X'], [1, 3, 'Y']], 'ents[1]');
  });
  it('rejects extension columns of the wrong kind or length', () => {
    bad((j) => void (j.extensions!.score!.values = [null, 0.5]), 'extensions.score.values');
    bad((j) => void (j.extensions!.score!.values[2] = 'x'), 'extensions.score.values[2]');
    bad((j) => void (j.extensions!.score!.kind = 'float' as never), 'extensions.score.kind');
    bad((j) => void (j.extensions = { s: { kind: 'string', values: [null, 3, null, null] } }), 'extensions.s.values[1]');
  });
  it('rejects "cats" that are not label -> finite number', () => {
    bad((j) => void (j.cats = { POS: 'high' } as never), 'cats');
    bad((j) => void (j.cats = [0.5] as never), 'cats');
  });
});

describe('Doc.toJSON cats', () => {
  it('round-trips a textcat\'s doc.user cats, as spaCy\'s Doc.to_json', () => {
    const doc = Doc.fromWords(['great', 'film']);
    doc.user.set('cats', { pos: 0.9, neg: 0.1 });
    const json = JSON.parse(JSON.stringify(doc.toJSON())) as DocJSON;
    expect(json.cats).toEqual({ pos: 0.9, neg: 0.1 });
    expect(Doc.fromJSON(json).user.get('cats')).toEqual({ pos: 0.9, neg: 0.1 });
    expect('cats' in Doc.fromWords(['x']).toJSON()).toBe(false);
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
