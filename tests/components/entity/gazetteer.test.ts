import { describe, expect, it } from 'vitest';
import { buildLexicon, FormatError, gazetteerClasses, GAZ_PART, parseGazetteer, trainEntityModel, ArgumentError } from '../../../src/index.js';
import { Attr, N_ATTRS, wordAttrs } from '../../../src/components/entity/features.js';

describe('gazetteer', () => {
  it('numbers types in first-seen order; one-word phrases beat parts of longer ones', () => {
    const g = gazetteerClasses([['Paris', 'City'], ['new york', 'City'], ['Acme', 'Org'], ['york', 'Org'], ['paris', 'Org']]);
    expect(g.types).toEqual(['City', 'Org']);
    expect(g.words.get('paris')).toBe(1);
    expect(g.words.get('acme')).toBe(2);
    expect(g.words.get('york')).toBe(2);
    expect(g.words.get('new')).toBe(1 + GAZ_PART);
  });

  it('refuses a sixteenth type', () => {
    expect(() => gazetteerClasses(Array.from({ length: 16 }, (_, i) => [`w${i}`, `T${i}`] as [string, string]))).toThrow(ArgumentError);
  });

  it('parses tab-separated lines and names the bad line', () => {
    expect(parseGazetteer('# names\nnew york\tCity\n\nacme\tOrg\r\n')).toEqual([['new york', 'City'], ['acme', 'Org']]);
    try {
      parseGazetteer('a\tB\nno tab here\n', 'g.tsv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect(String((e as Error).message)).toContain('no tab here');
      expect((e as FormatError).file).toBe('g.tsv');
      expect((e as FormatError).line).toBe(2);
    }
  });

  it('lands in the lexicon on lower-case forms, next to clusters', () => {
    const lex = buildLexicon(['Paris', 'paris', 'the'], [90, 10, 100], new Map([['Paris', 3], ['the', 0]]), { gazetteer: new Map([['paris', 1], ['acme', 2]]), coarse: new Map([['Paris', 1]]) });
    const at = new Int32Array(N_ATTRS);
    wordAttrs('Paris', lex, at, 0);
    expect(at[Attr.CLUSTER]).toBe(5); // cluster + 2 (1: none)
    expect(at[Attr.COARSE]).toBe(2);
    expect(at[Attr.GAZ]).toBe(2);
    wordAttrs('ACME', lex, at, 0);
    expect(at[Attr.GAZ]).toBe(3);
    expect(at[Attr.CLUSTER]).toBe(1);
    wordAttrs('the', lex, at, 0);
    expect(at[Attr.GAZ]).toBe(1);
    expect(at[Attr.COARSE]).toBe(0);
  });

  it('lets a model label a listed word it never saw in training', () => {
    const gaz = new Map([['zorbia', 1], ['paris', 1], ['rome', 1]]);
    const lex = buildLexicon([], undefined, new Map(), { gazetteer: gaz });
    const s = (w: string) => ({ words: ['I', 'saw', w, 'today'], tags: ['O', 'O', 'B-LOC', 'O'] });
    const o = (w: string) => ({ words: ['I', 'saw', w, 'today'], tags: ['O', 'O', 'O', 'O'] });
    const model = trainEntityModel([s('Paris'), o('Bob'), s('Rome'), o('Tim'), s('Paris'), o('Ann')], { epochs: 5, hashBits: 16, lexicon: lex });
    expect(model.predictWords([['I', 'saw', 'Zorbia', 'today']])[0]).toEqual([{ start: 2, end: 3, label: 'LOC' }]);
  });
});
