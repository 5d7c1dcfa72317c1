import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTITY_MODEL, evaluateEntityModel, loadEntityModel, readIob, Tagger, type IobSentence } from '../../../src/index.js';
import { evalPath, hasEval, needsEval } from '../../eval-data.js';

const TEST = 'uner_english_ewt/en_ewt-ud-test.iob2';

describe.skipIf(!hasEval(TEST))(needsEval(TEST, 'the shipped entity model on UNER English-EWT test'), () => {
  it('scores above its floor with gold tokens (exact-span micro F1)', async () => {
    const gold: IobSentence[] = [];
    for await (const s of readIob(evalPath(TEST))) gold.push(s);
    const model = loadEntityModel(DEFAULT_ENTITY_MODEL);
    const tagger = Tagger.load();
    const r = evaluateEntityModel(model, gold, (s) => tagger.tagWords(s.words).map((t) => t.xpos));
    // Measured 0.73 when the model was trained (ORG 0.51); the floor catches a broken model or feature drift.
    expect(r.f1).toBeGreaterThan(0.68);
    expect(r.perLabel.PER!.f1).toBeGreaterThan(0.7);
    expect(r.perLabel.LOC!.f1).toBeGreaterThan(0.65);
  }, 120_000);
});
