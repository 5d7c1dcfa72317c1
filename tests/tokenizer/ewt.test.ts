import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Tokenizer, Vocab, docTokenSpans, evaluateTokenization, readConllu } from '../../src/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const ewtTest = resolve(repoRoot, '..', 'shared', 'eval', 'ud_english_ewt', 'en_ewt-ud-test.conllu');

describe('Tokenizer on UD English EWT test', () => {
  it.skipIf(!existsSync(ewtTest))('reaches token F1 >= 0.990 (multiword tokens split)', async () => {
    const tok = new Tokenizer(new Vocab());
    const r = await evaluateTokenization(readConllu(ewtTest), (t) => docTokenSpans(tok.tokenize(t)));
    expect(r.sentences).toBe(2077);
    expect(r.f1).toBeGreaterThanOrEqual(0.99);
    expect(r.precision).toBeGreaterThanOrEqual(0.99);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
  });
});
