import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Parser, parseConllu, scoreParser, Tagger } from '../../../src/index.js';
import { evalPath, hasEval, needsEval } from '../../eval-data.js';

const EWT_DEV = 'ud_english_ewt/en_ewt-ud-dev.conllu';

describe.skipIf(!hasEval(EWT_DEV))(needsEval(EWT_DEV, 'the shipped parser on UD English EWT dev'), () => {
  it('scores above its floor with gold words and tags predicted by the shipped tagger', { timeout: 120_000 }, () => {
    const dev = parseConllu(readFileSync(evalPath(EWT_DEV), 'utf8'), 'en_ewt-ud-dev.conllu');
    const tagger = Tagger.load();
    const tags = dev.map((s) => tagger.tagWords(s.words.map((w) => w.form)).map((t) => t.xpos));
    const s = scoreParser(Parser.load().model, dev, tags);
    // Measured: UAS 0.8349, LAS 0.7963 (full labels).
    expect(s.words).toBe(25147);
    expect(s.uas).toBeGreaterThan(0.83);
    expect(s.las).toBeGreaterThan(0.785);
  });
});
