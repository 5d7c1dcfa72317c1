import { describe, expect, it } from 'vitest';
import { BinaryFileError, decodeParserModel, encodeParserModel, encodeTaggerModel, trainTagger, FormatError, Parser, parseConllu, scoreParser, trainParser, ArgumentError, Doc, Vocab } from '../../../src/index.js';
import { ewtFixture } from '../tagger/data.js';

/** Small hash tables keep these tests fast. */
const SMALL = { actionBits: 16, labelBits: 18 };
const train = () => ewtFixture().slice(0, 220);
const heldOut = () => ewtFixture().slice(220);
const goldTags = (ss: ReturnType<typeof ewtFixture>) => ss.map((s) => s.words.map((w) => w.xpos));

/** UAS of attaching every word to its left neighbour (the first word to the root). */
function leftBaseline(ss: ReturnType<typeof ewtFixture>): number {
  let n = 0;
  let ok = 0;
  for (const s of ss) s.words.forEach((w, i) => {
    n++;
    if (w.head === i) ok++;
  });
  return ok / n;
}

describe('trainParser (300 EWT sentences shipped with the tests)', () => {
  const model = trainParser(train(), { epochs: 5, seed: 1, tags: 'gold', ...SMALL });

  it('learns: trained on 220 sentences it parses 80 held-out ones far above the left-neighbour baseline', () => {
    const s = scoreParser(model, heldOut(), goldTags(heldOut()));
    // Measured: UAS 0.704, LAS 0.646; attaching each word to its left neighbour: UAS 0.07.
    expect(s.words).toBe(2195);
    expect(leftBaseline(heldOut())).toBeLessThan(0.1);
    expect(s.uas).toBeGreaterThan(0.65);
    expect(s.las).toBeGreaterThan(0.58);
    expect(s.las).toBeLessThanOrEqual(s.uas);
  });

  it('is deterministic for a seed, and another seed gives another model', () => {
    const again = trainParser(train(), { epochs: 5, seed: 1, tags: 'gold', ...SMALL });
    expect(Buffer.from(encodeParserModel(again)).equals(Buffer.from(encodeParserModel(model)))).toBe(true);
    const other = trainParser(train(), { epochs: 5, seed: 2, tags: 'gold', ...SMALL });
    expect(Buffer.from(encodeParserModel(other)).equals(Buffer.from(encodeParserModel(model)))).toBe(false);
  });

  it('every parse is a tree with one root and UD labels', () => {
    for (const s of heldOut()) {
      const { heads, labels } = model.parseWords(s.words.map((w) => w.form), s.words.map((w) => w.xpos));
      expect(heads.filter((h) => h === 0)).toHaveLength(1);
      expect(labels[heads.indexOf(0)]).toBe('root');
      for (const l of labels) expect(l).not.toContain('||');
      // No cycles: every chain reaches the root.
      heads.forEach((_, i) => {
        let k = i + 1;
        for (let steps = 0; k !== 0; steps++) {
          expect(steps).toBeLessThan(heads.length);
          k = heads[k - 1]!;
        }
      });
    }
  });

  it('save -> load gives the same parses (by default), and nearly the same with pruning', () => {
    const agree = (other: typeof model): number => {
      let same = 0;
      let total = 0;
      for (const s of heldOut()) {
        const forms = s.words.map((w) => w.form);
        const tags = s.words.map((w) => w.xpos);
        const a = model.parseWords(forms, tags);
        const b = other.parseWords(forms, tags);
        a.heads.forEach((h, i) => {
          total++;
          if (h === b.heads[i] && a.labels[i] === b.labels[i]) same++;
        });
      }
      return same / total;
    };
    const exact = decodeParserModel(encodeParserModel(model), 'm.tlp');
    expect(exact.labels).toEqual(model.labels);
    expect(exact.tags).toEqual(model.tags);
    expect(Array.from(exact.actionWeights)).toEqual(Array.from(model.actionWeights));
    expect(agree(exact)).toBe(1);
    // Pruning the smallest int8 weights (below 2 of 127) changes a few arcs of this 220-sentence model.
    const pruned = encodeParserModel(model, { prune: 0.015 });
    expect(pruned.length).toBeLessThan(encodeParserModel(model).length);
    expect(agree(decodeParserModel(pruned, 'm.tlp'))).toBeGreaterThan(0.95);
    expect(() => encodeParserModel(model, { prune: 2 })).toThrow(ArgumentError);
  });

  it('Parser#toBytes -> Parser.fromBytes gives the same model and parses', async () => {
    const again = await Parser.fromBytes(new Parser(model).toBytes());
    expect(again).toBeInstanceOf(Parser);
    expect(Array.from(again.model.labelWeights)).toEqual(Array.from(model.labelWeights));
    expect(Array.from(again.model.clusterWords)).toEqual(Array.from(model.clusterWords));
    for (const s of heldOut().slice(0, 20)) {
      const forms = s.words.map((w) => w.form);
      const tags = s.words.map((w) => w.xpos);
      expect(again.parseWords(forms, tags)).toEqual(model.parseWords(forms, tags));
    }
  });

  it('trains on jackknifed tags (taggers trained on the other folds)', () => {
    const small = train().slice(0, 80);
    const tagger = { tagWords: (ws: readonly string[]) => ws.map(() => ({ xpos: 'NN' })) };
    const epochs: number[] = [];
    const m = trainParser(small, { epochs: 1, jackknife: 2, taggerEpochs: 1, seed: 3, ...SMALL, dev: heldOut().slice(0, 10), tagger, onEpoch: (r) => epochs.push(r.dev!.words) });
    expect(epochs).toEqual([heldOut().slice(0, 10).reduce((a, s) => a + s.words.length, 0)]);
    expect(m.meta.tags).toBe('jackknife 2 folds, tagger epochs 1');
  });

  it('refuses bad options and empty data', () => {
    expect(() => trainParser([], {})).toThrow(ArgumentError);
    expect(() => trainParser(train(), { epochs: 0 })).toThrow(ArgumentError);
    expect(() => trainParser(train(), { dev: heldOut() })).toThrow(/tagger/);
  });
});

describe('malformed training trees', () => {
  // The CoNLL-U reader refuses these trees itself; trees built in code reach the trainer's own checks.
  const conllu = (rows: string[]) => `# sent_id = a\n# text = x\n${rows.join('\n')}\n\n`;
  const row = (id: number, form: string, head: number) => `${id}\t${form}\t_\tX\tXX\t_\t${id === 1 ? 0 : 1}\tdep\t_\t_\t${head}`;
  const cases: [string, string[], RegExp, number][] = [
    ['a cycle', [row(1, 'a', 2), row(2, 'b', 3), row(3, 'c', 2), row(4, 'd', 0)], /cycle/, 4],
    ['several roots', [row(1, 'a', 0), row(2, 'b', 0)], /several roots/, 4],
    ['a head out of range', [row(1, 'a', 0), row(2, 'b', 7)], /out of range/, 4],
    ['no root', [row(1, 'a', 2), row(2, 'b', 1)], /no root|cycle/, 3],
  ];
  for (const [what, rows, re, line] of cases) {
    it(`${what} is a FormatError naming file and line`, () => {
      const valid = rows.map((r) => r.split('\t').slice(0, 10).join('\t'));
      const sents = [...parseConllu(conllu([row(1, 'ok', 0)].map((r) => r.split('\t').slice(0, 10).join('\t'))), 'bad.conllu'), ...parseConllu(conllu(valid), 'bad.conllu')];
      sents[1]!.words.forEach((w, i) => (w.head = Number(rows[i]!.split('\t')[10])));
      sents[1]!.line += 4;
      let err: unknown;
      try {
        trainParser(sents, { tags: 'gold', epochs: 1, file: 'bad.conllu' });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormatError);
      expect((err as FormatError).message).toMatch(re);
      expect((err as FormatError).file).toBe('bad.conllu');
      expect((err as FormatError).line).toBeGreaterThanOrEqual(line + 3);
    });
  }
});

describe('parser model files', () => {
  it('a tagger model is refused with a clear typed error', () => {
    const tagger = trainTagger(ewtFixture().slice(0, 20), { epochs: 1 });
    expect(() => decodeParserModel(encodeTaggerModel(tagger), 'tagger.tlt')).toThrow(BinaryFileError);
    expect(() => decodeParserModel(encodeTaggerModel(tagger), 'tagger.tlt')).toThrow(/not a textloom parser model: the file's kind is "TAGR", expected "DPAR"/);
  });

  it('another version and a corrupted file are refused', () => {
    const bytes = encodeParserModel(trainParser(ewtFixture().slice(0, 20), { epochs: 1, tags: 'gold', ...SMALL }));
    const v1 = bytes.slice();
    new DataView(v1.buffer).setUint32(12, 1, true); // version 1: the layout before word clusters
    expect(() => decodeParserModel(v1, 'v1.tlp')).toThrow(BinaryFileError);
    const v2 = bytes.slice();
    new DataView(v2.buffer).setUint32(12, 2, true); // version 2: right arcs labelled when made
    expect(() => decodeParserModel(v2, 'v2.tlp')).toThrow(BinaryFileError);
    const v3 = bytes.slice();
    new DataView(v3.buffer).setUint32(12, 3, true); // version 3: no shape codes for words without a cluster, 92 features
    expect(() => decodeParserModel(v3, 'v3.tlp')).toThrow(BinaryFileError);
    expect(() => decodeParserModel(v3, 'v3.tlp')).toThrow(/version/);
    const bad = bytes.slice();
    bad[100] = bad[100]! ^ 0xff;
    expect(() => decodeParserModel(bad, 'bad.tlp')).toThrow(BinaryFileError);
    expect(() => decodeParserModel(new Uint8Array([1, 2, 3]), 'junk.tlp')).toThrow(/not a textloom parser model/);
  });
});

describe('Parser component', () => {
  const parser = new Parser(trainParser(ewtFixture(), { epochs: 3, seed: 1, tags: 'gold', ...SMALL }));

  function docOf(words: string[], tags: string[], sentStarts?: number[]): Doc {
    const doc = Doc.fromWords(words, { vocab: new Vocab() });
    tags.forEach((t, i) => (doc.tag[i] = doc.vocab.strings.add(t)));
    if (sentStarts) sentStarts.forEach((s, i) => (doc.sentStart[i] = s));
    return doc;
  }

  it('writes head offsets (0 for a root) and dep labels, per sentence when sentences are set', () => {
    const doc = docOf(['I', 'like', 'tea', '.', 'You', 'like', 'coffee', '.'], ['PRP', 'VBP', 'NN', '.', 'PRP', 'VBP', 'NN', '.'], [1, -1, -1, -1, 1, -1, -1, -1]);
    parser.process(doc);
    for (let i = 0; i < doc.length; i++) {
      const h = i + doc.head[i]!;
      // Heads stay inside the sentence.
      expect(i < 4 ? h < 4 : h >= 4).toBe(true);
    }
    const roots = [...doc.head.subarray(0, doc.length)].map((h, i) => (h === 0 ? i : -1)).filter((i) => i >= 0);
    expect(roots).toHaveLength(2);
    for (const r of roots) expect(doc.vocab.strings.get(doc.dep[r]!)).toBe('root');
    const p = parser.parseWords(['I', 'like', 'tea', '.'], ['PRP', 'VBP', 'NN', '.']);
    expect(Array.from(doc.head.subarray(0, 4), (h, i) => (h === 0 ? 0 : i + h + 1))).toEqual(p.heads);
  });

  it('sets sentence starts from the parse when no senter ran', () => {
    const doc = docOf(['I', 'like', 'tea', '.', 'You', 'like', 'coffee', '.'], ['PRP', 'VBP', 'NN', '.', 'PRP', 'VBP', 'NN', '.']);
    expect(doc.hasSents).toBe(false);
    parser.process(doc);
    expect(doc.sentStart[0]).toBe(1);
    // Each sentence is a tree: one root per sentence, no arc across a boundary.
    for (const sent of doc.sents) {
      let roots = 0;
      for (let i = sent.start; i < sent.end; i++) {
        const h = i + doc.head[i]!;
        expect(h >= sent.start && h < sent.end).toBe(true);
        if (doc.head[i] === 0) roots++;
      }
      expect(roots).toBe(1);
    }
  });

  it('an empty doc is left alone', () => {
    const doc = Doc.fromWords([], { vocab: new Vocab() });
    parser.process(doc);
    expect(doc.length).toBe(0);
  });
});
