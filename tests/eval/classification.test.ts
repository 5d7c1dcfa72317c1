import { describe, expect, it } from 'vitest';
import {
  accuracy, balancedAccuracy, confusionMatrix, precisionRecallF1, rocCurve, rocAuc, auc, prCurve,
  averagePrecision, logLoss, crossEntropy, entropy, klDivergence,
} from '../../src/eval/metrics/classification.js';
import { ArgumentError } from '../../src/core/errors.js';

const animalsTrue = ['cat', 'dog', 'pig', 'cat', 'dog', 'pig'];
const animalsPred = ['cat', 'pig', 'dog', 'cat', 'cat', 'dog'];

describe('accuracy', () => {
  it('matches the scikit-learn doc example', () => {
    expect(accuracy([0, 2, 1, 3], [0, 1, 2, 3])).toBe(0.5);
    expect(accuracy([0, 2, 1, 3], [0, 1, 2, 3], { normalize: false })).toBe(2);
  });
  it('rejects mismatched lengths', () => {
    expect(() => accuracy([1, 2], [1])).toThrow(ArgumentError);
    expect(() => accuracy([], [])).toThrow(ArgumentError);
  });
});

describe('balancedAccuracy', () => {
  it('is the mean per-class recall (sklearn doc example)', () => {
    expect(balancedAccuracy([0, 1, 0, 0, 1, 0], [0, 1, 0, 0, 0, 1])).toBeCloseTo(0.625, 12);
  });
  it('ignores classes only predicted, and adjusts for chance', () => {
    // recall(a)=1/2, recall(b)=1; 'c' never true.
    expect(balancedAccuracy(['a', 'a', 'b'], ['a', 'c', 'b'])).toBeCloseTo(0.75, 12);
    expect(balancedAccuracy(['a', 'a', 'b'], ['a', 'c', 'b'], { adjusted: true })).toBeCloseTo(0.5, 12);
  });
});

describe('confusionMatrix', () => {
  it('matches the scikit-learn doc example', () => {
    expect(confusionMatrix([2, 0, 2, 2, 0, 1], [0, 0, 2, 2, 0, 2]).matrix).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
    const cm = confusionMatrix(['cat', 'ant', 'cat', 'cat', 'ant', 'bird'], ['ant', 'ant', 'cat', 'cat', 'ant', 'cat'], { labels: ['ant', 'bird', 'cat'] });
    expect(cm.matrix).toEqual([[2, 0, 0], [0, 0, 1], [1, 0, 2]]);
  });
  it('drops samples outside the given labels', () => {
    expect(confusionMatrix([0, 1, 2], [0, 2, 2], { labels: [0, 1] }).matrix).toEqual([[1, 0], [0, 0]]);
  });
});

describe('precisionRecallF1', () => {
  it('macro / micro / weighted match the scikit-learn doc example', () => {
    const macro = precisionRecallF1(animalsTrue, animalsPred, { average: 'macro' });
    expect(macro.precision).toBeCloseTo(2 / 9, 12);
    expect(macro.recall).toBeCloseTo(1 / 3, 12);
    expect(macro.f1).toBeCloseTo(0.26666666666666666, 12);
    const micro = precisionRecallF1(animalsTrue, animalsPred, { average: 'micro' });
    expect([micro.precision, micro.recall, micro.f1]).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const weighted = precisionRecallF1(animalsTrue, animalsPred, { average: 'weighted' });
    expect(weighted.precision).toBeCloseTo(2 / 9, 12);
    expect(weighted.f1).toBeCloseTo(0.26666666666666666, 12);
  });
  it('per class, with a chosen label order', () => {
    const per = precisionRecallF1(animalsTrue, animalsPred, { average: null, labels: ['pig', 'dog', 'cat'] });
    expect(per.labels).toEqual(['pig', 'dog', 'cat']);
    expect(per.precision).toEqual([0, 0, 2 / 3]);
    expect(per.recall).toEqual([0, 0, 1]);
    expect(per.f1[2]).toBeCloseTo(0.8, 12);
    expect(per.support).toEqual([2, 2, 2]);
  });
  it('binary reports the positive class; beta weights recall', () => {
    // tp=2 fp=1 fn=2 for class 1
    const s = precisionRecallF1([1, 1, 1, 1, 0, 0], [1, 1, 0, 0, 1, 0]);
    expect(s.precision).toBeCloseTo(2 / 3, 12);
    expect(s.recall).toBeCloseTo(0.5, 12);
    expect(s.f1).toBeCloseTo(4 / 7, 12);
    const f2 = precisionRecallF1([1, 1, 1, 1, 0, 0], [1, 1, 0, 0, 1, 0], { beta: 2 });
    expect(f2.f1).toBeCloseTo((5 * 2) / (5 * 2 + 4 * 2 + 1), 12);
    expect(() => precisionRecallF1([0, 1, 2], [0, 1, 2])).toThrow(ArgumentError);
    expect(() => precisionRecallF1(['a', 'b'], ['a', 'b'])).toThrow(/posLabel/);
  });
  it('zeroDivision sets 0/0 and NaN is skipped by averages', () => {
    const s = precisionRecallF1([0, 0, 1], [0, 0, 0], { average: null, zeroDivision: 1 });
    expect(s.precision).toEqual([2 / 3, 1]);
    const nanMacro = precisionRecallF1([0, 0, 1], [0, 0, 0], { average: 'macro', zeroDivision: NaN });
    expect(nanMacro.precision).toBeCloseTo(2 / 3, 12);
    expect(() => precisionRecallF1([0], [0], { zeroDivision: 0.5 })).toThrow(ArgumentError);
  });
});

describe('rocCurve', () => {
  it('matches the scikit-learn doc example', () => {
    const r = rocCurve([1, 1, 2, 2], [0.1, 0.4, 0.35, 0.8], { posLabel: 2 });
    expect(r.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(r.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(r.thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });
  it('drops collinear points unless asked not to', () => {
    const y = [1, 1, 1, 0];
    const s = [0.9, 0.8, 0.7, 0.1];
    expect(rocCurve(y, s).thresholds).toEqual([Infinity, 0.9, 0.7, 0.1]);
    expect(rocCurve(y, s, { dropIntermediate: false }).thresholds).toEqual([Infinity, 0.9, 0.8, 0.7, 0.1]);
  });
  it('needs posLabel for non-{0,1} labels', () => {
    expect(() => rocCurve(['a', 'b'], [0.1, 0.2])).toThrow(/posLabel/);
  });
});

describe('auc', () => {
  it('integrates by trapezoids in either direction', () => {
    expect(auc([1, 2, 3, 4], [0, 1, 1, 0])).toBeCloseTo(2, 12);
    expect(auc([4, 3, 2, 1], [0, 1, 1, 0])).toBeCloseTo(2, 12);
    expect(() => auc([0, 2, 1], [0, 1, 1])).toThrow(ArgumentError);
  });
});

describe('rocAuc', () => {
  it('binary: scikit-learn doc example and ties get half credit', () => {
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
    // All scores tied: AUC 0.5. One pos/neg tie among 4 pairs: (3 + 0.5) / 4.
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.5, 0.5, 0.9])).toBeCloseTo(0.875, 12);
  });
  it('equals the pairwise (Mann-Whitney) probability on random data', () => {
    const y: number[] = [], s: number[] = [];
    for (let i = 0; i < 200; i++) { y.push((i * 7919) % 3 === 0 ? 1 : 0); s.push(((i * 104729) % 50) / 50); }
    let win = 0, pairs = 0;
    for (let i = 0; i < 200; i++) for (let j = 0; j < 200; j++) {
      if (y[i] === 1 && y[j] === 0) { pairs++; win += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0; }
    }
    expect(rocAuc(y, s)).toBeCloseTo(win / pairs, 12);
  });
  it('multiclass ovr and ovo, macro and weighted', () => {
    const y = [0, 1, 2, 2, 1, 0];
    const p = [[0.7, 0.2, 0.1], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7], [0.2, 0.5, 0.3], [0.5, 0.3, 0.2], [0.4, 0.4, 0.2]];
    // ovr per class: class0 AUC 1, class1 (pos 1,4: .4,.3 vs .2,.2,.5,.4) = (0.5+1+1+0 ... computed pairwise below)
    const pairAuc = (pos: number[], neg: number[]): number => {
      let w = 0;
      for (const a of pos) for (const b of neg) w += a > b ? 1 : a === b ? 0.5 : 0;
      return w / (pos.length * neg.length);
    };
    const col = (j: number, idx: number[]): number[] => idx.map((i) => p[i]![j]!);
    const all = [0, 1, 2, 3, 4, 5];
    const of = (c: number): number[] => all.filter((i) => y[i] === c);
    const not = (c: number): number[] => all.filter((i) => y[i] !== c);
    const ovr = [0, 1, 2].map((c) => pairAuc(col(c, of(c)), col(c, not(c))));
    expect(rocAuc(y, p)).toBeCloseTo((ovr[0]! + ovr[1]! + ovr[2]!) / 3, 12);
    const ovo: number[] = [];
    for (const [a, b] of [[0, 1], [0, 2], [1, 2]] as const) {
      ovo.push((pairAuc(col(a, of(a)), col(a, of(b))) + pairAuc(col(b, of(b)), col(b, of(a)))) / 2);
    }
    expect(rocAuc(y, p, { multiClass: 'ovo' })).toBeCloseTo((ovo[0]! + ovo[1]! + ovo[2]!) / 3, 12);
    expect(rocAuc(y, p, { average: 'weighted' })).toBeCloseTo((ovr[0]! + ovr[1]! + ovr[2]!) / 3, 12); // balanced classes
  });
  it('throws when only one class is present', () => {
    expect(() => rocAuc([1, 1], [0.2, 0.3])).toThrow(/one class/);
  });
});

describe('prCurve', () => {
  it('matches the scikit-learn doc example', () => {
    const c = prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(c.precision.map((v) => +v.toFixed(8))).toEqual([0.5, 0.66666667, 0.5, 1, 1]);
    expect(c.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(c.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
  });
});

describe('averagePrecision', () => {
  it('matches the scikit-learn doc example (0.8333)', () => {
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(5 / 6, 12);
  });
  it('is 1 for a perfect ranking and handles ties as one threshold', () => {
    expect(averagePrecision([1, 1, 0], [0.9, 0.8, 0.1])).toBe(1);
    // One threshold holding everything: precision 2/4 at recall 1.
    expect(averagePrecision([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(0.5);
  });
  it('multiclass macro over one-vs-rest', () => {
    const y = [0, 1, 2];
    const p = [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.5, 0.1, 0.4]];
    // class 0: scores .8 (pos) .2 .5 -> AP 1; class 1: AP 1; class 2: .4 (pos) vs .1 .1 -> 1
    expect(averagePrecision(y, p)).toBe(1);
    const p2 = [[0.4, 0.3, 0.3], [0.5, 0.4, 0.1], [0.1, 0.1, 0.8]];
    // class 0: pos .4, negs .5 .1 -> ranks: .5(n) .4(p) -> AP 1/2; class 1 and 2: AP 1
    expect(averagePrecision(y, p2)).toBeCloseTo((0.5 + 1 + 1) / 3, 12);
  });
});

describe('logLoss', () => {
  it('matches the scikit-learn doc example', () => {
    expect(logLoss(['spam', 'ham', 'ham', 'spam'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]])).toBeCloseTo(0.21616187468057912, 12);
  });
  it('accepts 1-D positive-class probabilities and sums when normalize is false', () => {
    const mean = logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65]);
    expect(mean).toBeCloseTo(0.21616187468057912, 12);
    expect(logLoss([1, 0, 0, 1], [0.9, 0.1, 0.2, 0.65], { normalize: false })).toBeCloseTo(4 * mean, 12);
  });
  it('clips 0 and 1 to eps', () => {
    expect(logLoss([0, 1], [1, 0])).toBeCloseTo(-Math.log(Number.EPSILON), 9);
    expect(logLoss([0, 1], [1, 0], { eps: 1e-15 })).toBeCloseTo(-Math.log(1e-15), 9);
    expect(logLoss([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])).toBeCloseTo(-Math.log(1 - Number.EPSILON), 12);
  });
  it('rejects bad rows and single-label truth', () => {
    expect(() => logLoss([0, 1], [[0.5, 0.6], [0.5, 0.5]])).toThrow(/sums to/);
    expect(() => logLoss([1, 1], [0.5, 0.5])).toThrow(/only one label/);
    expect(logLoss([1, 1], [0.5, 0.5], { labels: [0, 1] })).toBeCloseTo(Math.LN2, 12);
    expect(() => logLoss([0, 1], [1.5, 0.5])).toThrow(ArgumentError);
  });
});

describe('entropy', () => {
  it('is 1 bit for a fair coin and normalizes its input', () => {
    expect(entropy([0.5, 0.5], { base: 2 })).toBeCloseTo(1, 12);
    expect(entropy([1, 1, 1, 1], { base: 2 })).toBeCloseTo(2, 12);
    expect(entropy([1, 0])).toBe(0);
    expect(() => entropy([-1, 2])).toThrow(ArgumentError);
  });
});

describe('crossEntropy', () => {
  it('equals H(p) + KL(p||q)', () => {
    const p = [0.2, 0.5, 0.3], q = [0.1, 0.6, 0.3];
    expect(crossEntropy(p, q)).toBeCloseTo(entropy(p) + klDivergence(p, q), 12);
    expect(crossEntropy([1, 0], [0.5, 0.5], { base: 2 })).toBeCloseTo(1, 12);
    expect(crossEntropy([0.5, 0.5], [1, 0])).toBe(Infinity);
  });
});

describe('klDivergence', () => {
  it('matches a hand computation and is 0 for equal inputs', () => {
    expect(klDivergence([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1), 12);
    expect(klDivergence([1, 2], [2, 4])).toBe(0);
    expect(klDivergence([1, 1], [1, 0])).toBe(Infinity);
  });
});
