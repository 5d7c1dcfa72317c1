import { describe, expect, it } from 'vitest';
import { Tokenizer, Vocab, docTokenSpans, evaluateTokenization, readConllu } from '../../src/index.js';
import { evalPath, hasEval, needsEval } from '../eval-data.js';
import { EWT_FIXTURE, EWT_TEST } from '../components/tagger/data.js';

describe('Tokenizer on the 300 UD English EWT sentences shipped with the tests', () => {
  it('reaches token F1 >= 0.995 (multiword tokens split)', async () => {
    const tok = new Tokenizer(new Vocab());
    const r = await evaluateTokenization(readConllu(EWT_FIXTURE), (t) => docTokenSpans(tok.tokenize(t)));
    expect(r.sentences).toBe(300);
    // Measured: precision = recall = F1 = 0.99915.
    expect(r.f1).toBeGreaterThanOrEqual(0.995);
    expect(r.precision).toBeGreaterThanOrEqual(0.995);
    expect(r.recall).toBeGreaterThanOrEqual(0.995);
  });
});

describe.skipIf(!hasEval(EWT_TEST))(needsEval(EWT_TEST, 'Tokenizer on UD English EWT test'), () => {
  it('reaches token F1 >= 0.990 (multiword tokens split)', async () => {
    const tok = new Tokenizer(new Vocab());
    const r = await evaluateTokenization(readConllu(evalPath(EWT_TEST)), (t) => docTokenSpans(tok.tokenize(t)));
    expect(r.sentences).toBe(2077);
    expect(r.f1).toBeGreaterThanOrEqual(0.99);
    expect(r.precision).toBeGreaterThanOrEqual(0.99);
    expect(r.recall).toBeGreaterThanOrEqual(0.99);
  });
});
