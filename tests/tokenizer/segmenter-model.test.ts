import { describe, expect, it } from 'vitest';
import { FormatError, SegmenterModel, Vocab, WordSegmenter, decodeSegmenterModel, encodeSegmenterModel, trainSegmenter } from '../../src/index.js';
import { base64ToBytes, bytesToBase64 } from '../../src/tokenizer/segmenter-model.js';

// A toy treebank whose convention differs from ICU's: 北京大学 is one word, 一个 two (一 个).
const SENTENCES = ['我在北京大学学习。', '北京大学很大。', '他是一个学生。', '一个老师在北京大学。', '她有一个朋友。', '我们去北京大学。'];
const GOLD = [
  ['我', '在', '北京大学', '学习', '。'],
  ['北京大学', '很', '大', '。'],
  ['他', '是', '一', '个', '学生', '。'],
  ['一', '个', '老师', '在', '北京大学', '。'],
  ['她', '有', '一', '个', '朋友', '。'],
  ['我们', '去', '北京大学', '。'],
];
const train = SENTENCES.map((text, i) => {
  const starts: number[] = [];
  let at = 0;
  for (const w of GOLD[i]!) {
    starts.push(at);
    at += w.length;
  }
  return { text, starts };
});
const words = (seg: WordSegmenter, text: string) => seg.tokenize(text).tokens().map((t) => t.text);

describe('trainSegmenter', () => {
  it("learns the treebank's convention where ICU differs", () => {
    const icu = new WordSegmenter(new Vocab(), { locale: 'zh' });
    const model = trainSegmenter(train, { locale: 'zh', epochs: 10, bits: 16 });
    const seg = new WordSegmenter(new Vocab(), { locale: 'zh', model });
    for (let i = 0; i < SENTENCES.length; i++) expect(words(seg, SENTENCES[i]!)).toEqual(GOLD[i]);
    // ICU alone does not: the model changed something.
    expect(SENTENCES.some((s, i) => JSON.stringify(words(icu, s)) !== JSON.stringify(GOLD[i]))).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = encodeSegmenterModel(trainSegmenter(train, { locale: 'zh', epochs: 3, bits: 14, seed: 7 }));
    const b = encodeSegmenterModel(trainSegmenter(train, { locale: 'zh', epochs: 3, bits: 14, seed: 7 }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('rejects bad options by name', () => {
    expect(() => trainSegmenter(train, { epochs: 0 })).toThrow(/epochs/);
    expect(() => trainSegmenter(train, { bits: 30 })).toThrow(/bits/);
    expect(() => trainSegmenter([], {})).toThrow(/no training sentences/);
  });

  it('keeps whitespace, Latin runs and doc.text exact', () => {
    const model = trainSegmenter(train, { locale: 'zh', epochs: 5, bits: 14 });
    const seg = new WordSegmenter(new Vocab(), { locale: 'zh', model });
    const text = '  我在 北京大学\n学习 iPhone 12。𠀀好 ';
    const doc = seg.tokenize(text);
    expect(doc.text).toBe(text);
    let rebuilt = '';
    for (const t of doc.tokens()) rebuilt += t.text + (t.whitespace ? ' ' : '');
    expect(rebuilt).toBe(text);
    expect(doc.tokens().map((t) => t.text)).toContain('北京大学');
    expect(seg.tokenize('').length).toBe(0);
  });
});

describe('encodeSegmenterModel / decodeSegmenterModel', () => {
  const model = trainSegmenter(train, { locale: 'zh', epochs: 4, bits: 14 });
  const bytes = encodeSegmenterModel(model);

  it('round-trips the weights (int16-quantized) and the lexicon', () => {
    const back = decodeSegmenterModel(bytes);
    expect(back.bits).toBe(14);
    expect([...back.lexicon].sort()).toEqual([...model.lexicon].sort());
    let max = 0;
    for (const v of model.weights) max = Math.max(max, Math.abs(v));
    for (let i = 0; i < model.weights.length; i++) expect(Math.abs(back.weights[i]! - model.weights[i]!)).toBeLessThanOrEqual(max / 32767);
    expect(Buffer.from(encodeSegmenterModel(back)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('round-trips through base64', () => {
    expect(Buffer.from(base64ToBytes(bytesToBase64(bytes))).equals(Buffer.from(bytes))).toBe(true);
    expect(bytesToBase64(Uint8Array.of(1, 2))).toBe(Buffer.from([1, 2]).toString('base64'));
    expect(() => base64ToBytes('ab!c')).toThrow(FormatError);
  });

  it('names damage: magic, CRC, truncation', () => {
    const bad = bytes.slice();
    bad[0] = 0x58;
    expect(() => decodeSegmenterModel(bad, 'm.bin')).toThrow(/bad magic.*m\.bin/);
    const flipped = bytes.slice();
    flipped[20] = flipped[20]! ^ 1;
    expect(() => decodeSegmenterModel(flipped)).toThrow(/CRC/);
    expect(() => decodeSegmenterModel(bytes.subarray(0, 10))).toThrow(FormatError);
    expect(() => new SegmenterModel(30)).toThrow(FormatError);
  });
});
