import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SNOWBALL_LANGUAGES, snowballLanguage, snowballStemmer } from '../../src/lang/stemmers.js';
import { ConfigError } from '../../src/core/errors.js';

/** word -> stem pairs sampled from Snowball's published vocabulary (see tests/fixtures/README.md). */
function published(code: string): [string, string][] {
  const text = gunzipSync(readFileSync(new URL(`../fixtures/snowball/${code}.tsv.gz`, import.meta.url))).toString('utf8');
  return text.split('\n').filter(Boolean).map((line) => line.split('\t') as [string, string]);
}

describe('Snowball stemmers against the published output', () => {
  for (const code of SNOWBALL_LANGUAGES) {
    it(`${code}: every sampled pair`, () => {
      const pairs = published(code);
      expect(pairs.length).toBeGreaterThan(2500);
      const stem = snowballStemmer(code);
      const wrong = pairs.filter(([w, s]) => stem(w) !== s).map(([w, s]) => `${w}: ${stem(w)} (published ${s})`);
      expect(wrong).toEqual([]);
    });
  }
});

describe('Snowball stemmers: rules the sample rarely reaches', () => {
  // Expected stems as Snowball 2.2's reference C build (libstemmer) gives them.
  const cases: Record<string, Record<string, string>> = {
    de: { häuser: 'haus', kenntnisse: 'kenntnis', aufeinanderfolgenden: 'aufeinanderfolg', bauauung: 'bauau', straße: 'strass' },
    // i between vowels is a consonant (prelude), then a vowel doubled before a final consonant is undoubled.
    nl: { oioye: 'oioy', iiuié: 'iiui', maan: 'man', brood: 'brod', lichamelijk: 'licham' },
    // ï and ë are held as Hi / He while stemming; the u in "jouaient" is a vowel, its i a consonant.
    fr: { jouaient: 'jou', ïue: 'ïu', aiguë: 'aigu', noël: 'noël', ëlle: 'ël', naïve: 'naïv' },
    it: { quiete: 'qui', abbandonata: 'abbandon', mangiarlo: 'mang' },
    es: { haciéndola: 'hac', dárselos: 'darsel' },
    pt: { canções: 'cançõ' },
    en: { generously: 'generous', skies: 'sky' },
  };
  for (const [code, words] of Object.entries(cases)) {
    it(code, () => {
      const stem = snowballStemmer(code);
      for (const [w, s] of Object.entries(words)) expect([w, stem(w)]).toEqual([w, s]);
    });
  }
  it('leaves the empty string and one-letter words alone', () => {
    for (const code of SNOWBALL_LANGUAGES) {
      expect(snowballStemmer(code)('')).toBe('');
      expect(snowballStemmer(code)('a')).toBe('a');
    }
  });
  it('handles words longer than the reused buffer', () => {
    const long = `${'donaudampfschifffahrtsgesellschaftskapitän'.repeat(4)}en`;
    expect(snowballStemmer('de')(long)).toBe(long.slice(0, -2).replace('ä', 'a').replaceAll('ä', 'a'));
  });
});

describe('snowballStemmer', () => {
  it('takes a code or an English name, in any case', () => {
    expect(snowballStemmer('German')).toBe(snowballStemmer('de'));
    expect(snowballLanguage('FRENCH')).toBe('fr');
    expect(snowballLanguage(' nl ')).toBe('nl');
    expect(snowballLanguage('xx')).toBeUndefined();
  });
  it('names the known codes for an unknown language', () => {
    expect(() => snowballStemmer('sv', 'analyzer.language')).toThrow(ConfigError);
    expect(() => snowballStemmer('sv')).toThrow('no Snowball stemmer for language "sv"; known: de, en, es, fr, it, nl, pt');
    // An inherited property name is not a language.
    const err = (() => {
      try {
        snowballStemmer('toString', 'analyzer.language');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).key).toBe('analyzer.language');
  });
});

describe('SuffixTable', () => {
  it('takes the longest match and does not fall back to a shorter one', async () => {
    const { SuffixTable } = await import('../../src/lang/snowball/suffix-table.js');
    const { SnowballWord } = await import('../../src/lang/snowball/word.js');
    const t = new SuffixTable([['en', 'ern'], ['n']]);
    const w = new SnowballWord();
    w.load('kindern');
    expect([t.match(w), t.length]).toEqual([0, 3]);
    // With a limit the suffix must start at or after it: from 5 only 'n' fits.
    expect([t.match(w, 5), t.length]).toEqual([1, 1]);
    expect(t.match(w, 7)).toBe(-1);
    w.load('kind');
    expect(t.match(w)).toBe(-1);
    expect(() => new SuffixTable([['en'], ['en']])).toThrow('suffix "en" listed twice');
  });
});

describe('regions', () => {
  it('finds R1, R2 and RV as the algorithm descriptions illustrate', async () => {
    const { grouping } = await import('../../src/lang/snowball/grouping.js');
    const { regionAfter, romanceRV } = await import('../../src/lang/snowball/regions.js');
    const { SnowballWord } = await import('../../src/lang/snowball/word.js');
    const v = grouping('aeiouy');
    const w = new SnowballWord();
    const r1r2 = (s: string) => {
      w.load(s);
      const p1 = regionAfter(w, v, 0);
      return [s.slice(p1), s.slice(regionAfter(w, v, p1))];
    };
    expect(r1r2('beautiful')).toEqual(['iful', 'ul']);
    expect(r1r2('beauty')).toEqual(['y', '']);
    expect(r1r2('animadversion')).toEqual(['imadversion', 'adversion']);
    expect(r1r2('sprinkled')).toEqual(['kled', '']);
    const rv = (s: string) => {
      w.load(s);
      return s.slice(romanceRV(w, grouping('aeiouáéíóúü')));
    };
    expect([rv('macho'), rv('oliva'), rv('trabajo'), rv('áureo')]).toEqual(['ho', 'va', 'bajo', 'eo']);
  });
});
