import { describe, expect, it, onTestFinished } from 'vitest';
import { load, Tagger } from '../../../src/index.js';
import { hasEval, needsEval } from '../../eval-data.js';
import { expectGolden } from '../../golden.js';
import { EWT_TEST, ewtTest } from './data.js';

// Pins the shipped model's exact output on EWT test, so kernel and cache rewrites provably change
// nothing. The expected output is in tests/fixtures/golden/tagger/ (one line per sentence, or per
// group of 8 sentences fed to en_core as one text); a change shows as a line diff. After a
// deliberate change (model, lemma tables, tokenizer), UPDATE_GOLDEN=1 rewrites the files; review
// the diff before committing it.
describe.skipIf(!hasEval(EWT_TEST))(needsEval(EWT_TEST, 'TaggerModel predictions (golden)'), () => {
  it.each([
    ['default caches', 0, 0],
    ['pair cache cleared every few sentences', 1 << 7, 0],
    ['word-type slots released every few sentences', 0, 1 << 6],
  ])('tags every EWT test sentence (gold tokens) exactly as before (%s)', (_, capMax, slotMax) => {
    const tagger = Tagger.load();
    const saved = [tagger.model.pairCapMax, tagger.model.slotCapMax] as const;
    if (capMax) tagger.model.pairCapMax = capMax;
    if (slotMax) tagger.model.slotCapMax = slotMax;
    onTestFinished(() => {
      [tagger.model.pairCapMax, tagger.model.slotCapMax] = saved;
    });
    const lines: string[] = [];
    let n = 0;
    for (const s of ewtTest()) {
      const tags = tagger.tagWords(s.words.map((w) => w.form));
      n += tags.length;
      lines.push(tags.map((t, i) => `${s.words[i]!.form}/${t.xpos}/${t.upos}`).join(' '));
    }
    expect(n).toBe(25094);
    expectGolden('tagger/ewt-test-gold-tokens.txt', lines.join('\n') + '\n');
  });

  it('tags and lemmatizes raw EWT test text through en_core exactly as before, twice (lemma and pair caches)', async () => {
    const nlp = await load('en_core');
    const sents = ewtTest();
    const passes: string[] = [];
    for (let pass = 0; pass < 2; pass++) {
      const lines: string[] = [];
      for (let i = 0; i < sents.length; i += 8) {
        const doc = nlp(sents.slice(i, i + 8).map((s) => s.meta.text ?? '').join(' '));
        lines.push(doc.tokens().map((t) => `${t.text}/${t.tag}/${t.pos}/${t.lemma}`).join(' '));
      }
      passes.push(lines.join('\n') + '\n');
    }
    expect(passes[1]).toBe(passes[0]);
    expectGolden('tagger/ewt-test-en_core.txt', passes[0]!);
  });
});
