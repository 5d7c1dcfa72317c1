import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blank, getLanguage, languageCodes, type Tokenizer } from '../../src/index.js';

const words = (lang: string, text: string) => blank(lang)(text).tokens().map((t) => t.text);

describe('per-language tokenizers', () => {
  it.each([
    ['de', 'Das ist z.B. gut, usw.', ['Das', 'ist', 'z.B.', 'gut', ',', 'usw', '.']],
    ['de', 'Am 13. Mai gehen wir zum Bahnhof!!', ['An', 'dem', '13.', 'Mai', 'gehen', 'wir', 'zu', 'dem', 'Bahnhof', '!', '!']],
    ['de', 'Der US-Präsident kam.', ['Der', 'US', '-', 'Präsident', 'kam', '.']],
    ['fr', "L'homme qu'il a vu.", ["L'", 'homme', "qu'", 'il', 'a', 'vu', '.']],
    ['fr', 'Il y a 80 000 habitants, 1 000 000 de 25\u00a0785.', ['Il', 'y', 'a', '80 000', 'habitants', ',', '1 000 000', 'de', '25\u00a0785', '.']],
    ['fr', 'En 2019 2020 et 3,5 000 ou a1 000 ou 12 34.', ['En', '2019', '2020', 'et', '3,5', '000', 'ou', 'a1', '000', 'ou', '12', '34', '.']],
    ['fr', "Jusqu'à l’école du village.", ["Jusqu'", 'à', 'l’', 'école', 'de', 'le', 'village', '.']],
    ['fr', 'Aussi a-t-il dit aux États-Unis.', ['Aussi', 'a', '-t-il', 'dit', 'à', 'les', 'États-Unis', '.']],
    ['fr', 'Par des amis, le prix des pommes.', ['Par', 'des', 'amis', ',', 'le', 'prix', 'de', 'les', 'pommes', '.']],
    ['es', 'Vengo del mercado para darle al niño.', ['Vengo', 'de', 'el', 'mercado', 'para', 'dar', 'le', 'a', 'el', 'niño', '.']],
    ['es', 'Está dándoselo, la parte 38-41.', ['Está', 'dando', 'se', 'lo', ',', 'la', 'parte', '38-41', '.']],
    ['pt', 'Trata-se do livro ao lado da mesa.', ['Trata', 'se', 'de', 'o', 'livro', 'a', 'o', 'lado', 'de', 'a', 'mesa', '.']],
    ['pt', 'Vou à praia na segunda-feira.', ['Vou', 'a', 'a', 'praia', 'em', 'a', 'segunda-feira', '.']],
    ['nl', "'s Avonds zei ze ,,ja'' tegen Rabo's baas.", ["'s", 'Avonds', 'zei', 'ze', ',,', 'ja', "''", 'tegen', "Rabo's", 'baas', '.']],
    ['it', "Dell'uomo della casa, voglio farlo.", ['Di', "l'", 'uomo', 'di', 'la', 'casa', ',', 'voglio', 'far', 'lo', '.']],
    ['zh', '我喜欢北京。', ['我', '喜欢', '北京', '。']],
    // ICU gives 行き ま した; UD GSD writes 行き まし た (a split, then a merge).
    ['ja', '東京に行きました。', ['東京', 'に', '行き', 'まし', 'た', '。']],
    ['zh', '他成为一个老师。', ['他', '成', '为', '一', '个', '老师', '。']],
  ])('%s: %s', (lang, text, expected) => {
    expect(words(lang, text)).toEqual(expected);
  });

  it('explain lists the tokens the tokenizer makes, spaced digit groups (80 000) included', () => {
    const tok = blank('fr').tokenizer as Tokenizer;
    for (const text of ['Il y a 80 000 habitants, 1 000 000 de 25\u00a0785.', 'En 2019 2020 et 3,5 000 ou 12 34.', '80 000']) {
      expect(tok.explain(text).map(([, t]) => t)).toEqual(words('fr', text));
    }
    expect(tok.explain('80 000')).toEqual([['TOKEN', '80 000']]);
  });

  it('keeps English unchanged (the default tokenizer and blank("en") agree)', () => {
    expect(words('en', "I can't go to the U.S. today.")).toEqual(['I', 'ca', "n't", 'go', 'to', 'the', 'U.S.', 'today', '.']);
  });

  it('splits Unicode word boundaries for xx', () => {
    expect(words('xx', 'Привет, мир! Γειά σου.')).toEqual(['Привет', ',', 'мир', '!', 'Γειά', 'σου', '.']);
  });

  it('keeps doc.text exact and every offset inside the text, for every language', () => {
    for (const lang of languageCodes()) {
      const nlp = blank(lang);
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', 'l', "'", 'd', 'e', 'del', 'zum', ' ', '  ', '.', '-', 'ao', 'se', '北京', '。', '\n', 'x') , maxLength: 30 }), (text) => {
          const doc = nlp(text);
          expect(doc.text).toBe(text);
          for (let i = 0; i < doc.length; i++) {
            expect(doc.idx[i]).toBeLessThanOrEqual(text.length);
            expect(doc.endChar(i)).toBeLessThanOrEqual(text.length);
            const mwt = doc.token(i).mwt;
            // A word's text is a substring of the text unless it is a word of a multiword token.
            if (mwt === null) expect(text.slice(doc.idx[i], doc.endChar(i))).toBe(doc.token(i).text);
            else expect(text.slice(mwt.startChar, mwt.endChar)).toBe(mwt.text);
          }
        }),
        { numRuns: 60 },
      );
    }
  });
});

describe('multiword tokens in the Doc', () => {
  it('token.mwt and doc.multiwordTokens give the surface token', () => {
    const doc = blank('es')('Vengo del mercado al mediodía.');
    expect(doc.multiwordTokens.map((s) => [s.start, s.end, s.text])).toEqual([[1, 3, 'del'], [4, 6, 'al']]);
    expect(doc.token(1).mwt?.text).toBe('del');
    expect(doc.token(2).mwt?.text).toBe('del');
    expect(doc.token(0).mwt).toBeNull();
    // Only the last word of a multiword token carries its whitespace.
    expect([doc.token(1).whitespace, doc.token(2).whitespace]).toEqual(['', ' ']);
  });

  it('scan() returns the words too (what the search analyzer reads)', () => {
    const nlp = blank('de');
    const s = nlp.tokenizer.scan!('zum Bahnhof');
    const got = Array.from(s.orth.subarray(0, s.n), (o) => nlp.vocab.strings.get(o));
    expect(got).toEqual(['zu', 'dem', 'Bahnhof']);
    expect(Array.from(s.idx.subarray(0, s.n))).toEqual([0, 0, 4]);
  });
});

describe('language data', () => {
  it('isStop and likeNum use the language', () => {
    const de = blank('de')('und zwölf Katzen');
    expect(de.tokens().map((t) => [t.isStop, t.likeNum])).toEqual([[true, false], [false, true], [false, false]]);
    expect(blank('fr')('trois').token(0).likeNum).toBe(true);
    expect(blank('en')('three').token(0).likeNum).toBe(true);
  });

  it('getLanguage names the known codes on an unknown one', () => {
    expect(getLanguage('DE').code).toBe('de');
    expect(() => getLanguage('tlh')).toThrow(/unknown language "tlh"; known: en, de, fr/);
  });
});

describe('multiword tokens survive serialization', () => {
  it('doc.toJSON -> Doc.fromJSON keeps the words and their surface tokens', async () => {
    const { Doc } = await import('../../src/index.js');
    const doc = blank('pt')('Trata-se do livro ao lado.');
    const json = JSON.parse(JSON.stringify(doc.toJSON()));
    expect(json.tokens[1]).toEqual({ text: 'se', idx: 0, ws: true, mwt: 'Trata-se' });
    const back = Doc.fromJSON(json);
    expect(back.tokens().map((t) => t.text)).toEqual(doc.tokens().map((t) => t.text));
    expect(back.multiwordTokens.map((s) => s.text)).toEqual(['Trata-se', 'do', 'ao']);
    expect(back.text).toBe(doc.text);
  });

  it('rejects a multiword surface that is not in the text, naming the token', async () => {
    const { Doc } = await import('../../src/index.js');
    const json = { formatVersion: 1, text: 'del mar', tokens: [{ text: 'de', idx: 0, ws: false, mwt: 'dal' }, { text: 'el', idx: 0, ws: true, mwt: 'dal' }, { text: 'mar', idx: 4, ws: false }] };
    expect(() => Doc.fromJSON(json as never)).toThrow(/surface "dal" does not match the doc text at offset 0.*tokens\[0\]/);
  });
});

describe('CoNLL-U output', () => {
  it('tokenize --format conllu writes UD range lines that the CoNLL-U reader keeps', async () => {
    const { docConllu } = await import('../../src/cli/commands/tokenize.js');
    const { parseConllu } = await import('../../src/io/conllu.js');
    const nlp = blank('es');
    nlp.addPipe('senter');
    const text = docConllu(nlp('Vengo del mercado.'), 1);
    expect(text.split('\n').slice(2, 6)).toEqual(['1\tVengo\t_\t_\t_\t_\t_\t_\t_\t_', '2-3\tdel\t_\t_\t_\t_\t_\t_\t_\t_', '2\tde\t_\t_\t_\t_\t_\t_\t_\t_', '3\tel\t_\t_\t_\t_\t_\t_\t_\t_']);
    const [s] = parseConllu(text);
    expect(s!.multiwords.map((m) => [m.first, m.last, m.form])).toEqual([[2, 3, 'del']]);
    expect(s!.words.map((w) => w.form)).toEqual(['Vengo', 'de', 'el', 'mercado', '.']);
  });
});
