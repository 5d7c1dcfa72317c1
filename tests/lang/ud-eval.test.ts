import { describe, expect, it } from 'vitest';
import { blank, evaluateWordTokenization } from '../../src/index.js';
import { readConllu } from '../../src/io/conllu.js';
import { evalPath, hasEval } from '../eval-data.js';

/**
 * Word-level tokenization F1 on the UD dev sets (the test sets are reported by
 * `npm run bench:tokenize-lang`). Floors sit a little under the measured figures. The zh and ja
 * segmenter models are trained on the dev sets, so those two are scored on the test sets.
 */
const CASES: [string, string, number][] = [
  ['de', 'ud_multilingual/de_gsd/de_gsd-ud-dev.conllu', 0.995],
  ['fr', 'ud_multilingual/fr_gsd/fr_gsd-ud-dev.conllu', 0.99],
  ['es', 'ud_multilingual/es_gsd/es_gsd-ud-dev.conllu', 0.995],
  ['pt', 'ud_multilingual/pt_bosque/pt_bosque-ud-dev.conllu', 0.995],
  ['nl', 'ud_multilingual/nl_alpino/nl_alpino-ud-dev.conllu', 0.995],
  ['zh', 'ud_multilingual/zh_gsdsimp/zh_gsdsimp-ud-test.conllu', 0.895],
  ['ja', 'ud_multilingual/ja_gsd/ja_gsd-ud-test.conllu', 0.945],
];

describe('word-level tokenization F1 on UD dev (zh, ja: test) sets', () => {
  for (const [lang, rel, floor] of CASES) {
    describe.skipIf(!hasEval(rel))(`${lang} (${rel})`, () => {
      it(`scores at least ${floor}`, async () => {
        const nlp = blank(lang);
        const r = await evaluateWordTokenization(readConllu(evalPath(rel)), (t) => nlp.makeDoc(t));
        expect(r.sentences).toBeGreaterThanOrEqual(400);
        expect(r.words.f1).toBeGreaterThanOrEqual(floor);
      }, 120_000);
    });
  }
});
