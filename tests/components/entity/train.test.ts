import { describe, expect, it } from 'vitest';
import { ArgumentError, BinaryFileError, decodeEntityModel, encodeEntityModel, evaluateEntityModel, parseIob, trainEntityModel, DEFAULT_TAGGER_MODEL, type IobSentence } from '../../../src/index.js';
import { readFileSync } from 'node:fs';
import { fixturePath } from '../../eval-data.js';
import { allowed, BOS_ATTRS, CONTEXT_TEMPLATES, EOS_ATTRS, extractFeatures, N_ATTRS, N_CONTEXT, N_FEATURES, PAD, ROLE_TEMPLATES, sentenceMode, wordAttrs } from '../../../src/components/entity/features.js';

const sentences: IobSentence[] = parseIob(readFileSync(fixturePath('uner/en_ewt-ud-dev-first400.iob2'), 'utf8'));
const train = sentences.slice(0, 300);
const held = sentences.slice(300);
const small = { epochs: 4, seed: 3, hashBits: 17 };

describe('trainEntityModel', () => {
  const model = trainEntityModel(train, small);

  it('learns the training entities and finds some held-out ones', () => {
    expect(model.labels.sort()).toEqual(['LOC', 'ORG', 'PER']);
    expect(evaluateEntityModel(model, train).f1).toBeGreaterThan(0.8);
    // 100 unseen sentences after training on 300: far from good, far above nothing.
    expect(evaluateEntityModel(model, held).f1).toBeGreaterThan(0.2);
  });
  it('is deterministic for a seed, and the seed matters', () => {
    const again = trainEntityModel(train, small);
    expect(encodeEntityModel(again)).toEqual(encodeEntityModel(model));
    const other = trainEntityModel(train, { ...small, seed: 4 });
    expect(encodeEntityModel(other)).not.toEqual(encodeEntityModel(model));
  });
  it('reports every epoch with dev scores', () => {
    const reports: number[] = [];
    trainEntityModel(train.slice(0, 50), { epochs: 2, hashBits: 16, dev: held, onEpoch: (r) => reports.push(r.dev!.f1) });
    expect(reports.length).toBe(2);
  });
  it('keeps the epoch that scored best on dev, or the last one with keepBest false', () => {
    const f1: number[] = [];
    const best = trainEntityModel(train.slice(0, 100), { epochs: 4, hashBits: 16, dev: held, onEpoch: (r) => f1.push(r.dev!.f1) });
    const bestEpoch = f1.indexOf(Math.max(...f1)) + 1;
    expect(best.meta.bestEpoch).toBe(bestEpoch);
    expect(evaluateEntityModel(best, held).f1).toBe(Math.max(...f1));
    const last = trainEntityModel(train.slice(0, 100), { epochs: 4, hashBits: 16, dev: held, keepBest: false });
    expect(last.meta.bestEpoch).toBeUndefined();
    expect(evaluateEntityModel(last, held).f1).toBe(f1[3]);
  });
  it('refuses bad options and data', () => {
    expect(() => trainEntityModel([], small)).toThrow(ArgumentError);
    expect(() => trainEntityModel(train, { epochs: 0 })).toThrow(/epochs/);
    expect(() => trainEntityModel(train, { hashBits: 30 })).toThrow(/hashBits/);
    expect(() => trainEntityModel([{ words: ['a'], tags: ['O', 'O'] }])).toThrow(/tags/);
    expect(() => trainEntityModel([{ words: ['a'], tags: ['O'] }])).toThrow(/no entities/);
  });
});

describe('entity model file', () => {
  const model = trainEntityModel(train, small);
  it('round-trips: the loaded model predicts exactly the same spans', () => {
    const bytes = encodeEntityModel(model);
    const back = decodeEntityModel(bytes, 'm.tlner');
    expect(back.labels).toEqual(model.labels);
    const words = held.map((s) => s.words);
    expect(back.predictWords(words)).toEqual(model.predictWords(words));
    expect(encodeEntityModel(back)).toEqual(bytes);
  });
  it('refuses a model of another kind, and a corrupted one, naming the file', () => {
    const tagger = new Uint8Array(readFileSync(DEFAULT_TAGGER_MODEL));
    expect(() => decodeEntityModel(tagger, 'tagger.tlt')).toThrow(BinaryFileError);
    expect(() => decodeEntityModel(tagger, 'tagger.tlt')).toThrow(/tagger\.tlt/);
    const bytes = encodeEntityModel(model);
    bytes[100] ^= 0xff;
    expect(() => decodeEntityModel(bytes, 'bad.tlner')).toThrow(BinaryFileError);
    expect(() => decodeEntityModel(new Uint8Array(10), 'tiny.tlner')).toThrow(BinaryFileError);
  });
});

describe('entity feature templates', () => {
  it('the per-type roles and the context keys cover every template exactly once', () => {
    const all = [...ROLE_TEMPLATES.flat(), ...CONTEXT_TEMPLATES].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: N_FEATURES }, (_, t) => t));
    expect(CONTEXT_TEMPLATES.length).toBe(N_CONTEXT);
  });

  it('the decoder (cached per-type score vectors, rank-indexed weights) picks what a plain sum over all features picks', () => {
    const model = trainEntityModel(train, small);
    const nC = model.classes.length;
    const mask = (1 << model.hashBits) - 1;
    // Reference: greedy decoding summing every feature's packed row, no memory of earlier sentences.
    const reference = (words: readonly string[]): number[] => {
      const n = words.length;
      const at = new Int32Array((n + 2 * PAD) * N_ATTRS);
      at.set(BOS_ATTRS, 0);
      at.set(BOS_ATTRS, N_ATTRS);
      at.set(EOS_ATTRS, (n + PAD) * N_ATTRS);
      at.set(EOS_ATTRS, (n + PAD + 1) * N_ATTRS);
      words.forEach((w, i) => wordAttrs(w, model.lexiconTable, at, (i + PAD) * N_ATTRS));
      const tags = new Int32Array(n + 2 * PAD).fill(-1);
      const pos = new Int32Array(n + 2 * PAD);
      const mem = new Int32Array(n + 2 * PAD);
      const feats = new Uint32Array(N_FEATURES);
      const mode = sentenceMode(at, n);
      for (let p = PAD; p < n + PAD; p++) {
        extractFeatures(at, pos, tags, mem, mode, p, mask, feats);
        const scores = new Array<number>(nC).fill(0);
        for (const b of feats) for (let j = model.rowStart[b]!; j < model.rowStart[b + 1]!; j++) scores[model.data[j]! & 255] += model.data[j]! >> 8;
        let best = -1;
        for (let c = 0; c < nC; c++) if (allowed(tags[p - 1]!, c, p === n + PAD - 1) && (best < 0 || scores[c]! > scores[best]!)) best = c;
        tags[p] = best;
      }
      return [...tags.slice(PAD, n + PAD)];
    };
    let entities = 0;
    for (const s of held) {
      const spans = model.predictWords([s.words])[0]!;
      const classes = reference(s.words);
      const fromRef = [];
      for (let i = 0, open = 0; i < classes.length; i++) {
        const name = model.classes[classes[i]!]!;
        if (name.startsWith('B-')) open = i;
        if (name.startsWith('U-')) fromRef.push({ start: i, end: i + 1, label: name.slice(2) });
        if (name.startsWith('L-')) fromRef.push({ start: open, end: i + 1, label: name.slice(2) });
      }
      expect(spans).toEqual(fromRef);
      entities += spans.length;
    }
    expect(entities).toBeGreaterThan(10);
  });
});
