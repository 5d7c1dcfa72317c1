import { describe, expect, it } from 'vitest';
import { encodeTaggerModel, scoreModel, trainTagger, ArgumentError } from '../../../src/index.js';
import { ewtTest, ewtTrain } from './data.js';

describe('trainTagger', () => {
  const small = () => ewtTrain().slice(0, 1500);

  it('learns: a model trained on 1,500 EWT sentences tags held-out sentences well above a majority baseline', () => {
    const model = trainTagger(small(), { epochs: 3, seed: 1 });
    const acc = scoreModel(model, ewtTest().slice(0, 300));
    expect(acc.words).toBeGreaterThan(3000);
    expect(acc.upos).toBeGreaterThan(0.85);
    expect(acc.xpos).toBeGreaterThan(0.83);
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const a = encodeTaggerModel(trainTagger(small().slice(0, 400), { epochs: 2, seed: 7 }));
    const b = encodeTaggerModel(trainTagger(small().slice(0, 400), { epochs: 2, seed: 7 }));
    const c = encodeTaggerModel(trainTagger(small().slice(0, 400), { epochs: 2, seed: 8 }));
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(c))).not.toBe(0);
  });

  it('reports each epoch with dev accuracy and progress', () => {
    const reports: number[] = [];
    let progress = 0;
    trainTagger(small().slice(0, 300), { epochs: 2, dev: ewtTest().slice(0, 50), onEpoch: (r) => reports.push(r.dev!.upos), onProgress: (d) => (progress = d) });
    expect(reports).toHaveLength(2);
    for (const r of reports) expect(r).toBeGreaterThan(0.5);
    expect(progress).toBe(600);
  });

  it('rejects bad options and empty data with an ArgumentError', () => {
    expect(() => trainTagger([], {})).toThrow(ArgumentError);
    expect(() => trainTagger(small().slice(0, 5), { epochs: 0 })).toThrow(/epochs/);
    expect(() => trainTagger(small().slice(0, 5), { seed: 1.5 })).toThrow(/seed/);
  });
});
