/**
 * Every textloom binary format: files written by the version-1 code (tests/fixtures/formats, see
 * make.mjs there) still load and answer exactly as they did; files in the current format round-trip;
 * truncated, bit-flipped and crafted files are refused with a typed error, never a RangeError.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FormatError } from '../../src/core/errors.js';
import { BinaryFileError, BinaryWriter, isFramed, readBinary, sniffBinary } from '../../src/io/binfmt.js';
import { crc32 } from '../../src/util/crc32.js';
import { NgramLM } from '../../src/lm/model.js';
import { decodeModel } from '../../src/lm/binary.js';
import { TextCategorizer } from '../../src/components/textcat/textcat.js';
import { KeyedVectors } from '../../src/embeddings/keyed-vectors.js';
import { SearchIndex } from '../../src/search/search-index.js';
import '../../src/components/register.js';
import { decodeTaggerModel, encodeTaggerModel, loadTaggerModel, saveTaggerModel } from '../../src/components/tagger/model-format.js';

const FIX = path.resolve(__dirname, '../fixtures/formats');
const expected = JSON.parse(readFileSync(path.join(FIX, 'expected.json'), 'utf8')) as Record<string, any>;
const tmp = mkdtempSync(path.join(tmpdir(), 'tl-formats-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let seq = 0;
function writeTmp(bytes: Uint8Array, ext: string): string {
  const p = path.join(tmp, `f${seq++}${ext}`);
  writeFileSync(p, bytes);
  return p;
}

/** Runs `load` and returns the error it throws (or null). */
async function failure(load: () => unknown): Promise<unknown> {
  try {
    await load();
    return null;
  } catch (e) {
    return e;
  }
}

/** Positions to damage: every header/table byte of a framed file, then spread over the rest. */
function positions(len: number): number[] {
  const out = new Set<number>();
  for (let i = 0; i < Math.min(len, 160); i++) out.add(i);
  for (let k = 0; k < 64; k++) out.add(Math.floor(((k + 0.5) * len) / 64));
  out.add(len - 1);
  out.add(len - 4);
  return [...out].filter((i) => i >= 0 && i < len);
}

/** Truncations and single-bit flips of `bytes` must all be typed errors (FormatError for damage). */
async function expectDamageRefused(bytes: Uint8Array, ext: string, load: (p: string) => unknown): Promise<void> {
  const cuts = [0, 3, 10, 31, 32, 33, Math.floor(bytes.length / 2), bytes.length - 5, bytes.length - 1];
  for (const n of cuts) {
    const e = await failure(() => load(writeTmp(bytes.subarray(0, Math.max(0, n)), ext)));
    expect(e, `truncated to ${n}`).toBeInstanceOf(FormatError);
  }
  for (const i of positions(bytes.length)) {
    const b = bytes.slice();
    b[i]! ^= 1 << (i % 8);
    const e = await failure(() => load(writeTmp(b, ext)));
    expect(e, `bit flip at ${i}`).toBeInstanceOf(FormatError);
  }
}

/** Re-frames a file with JSON section `name` edited: a well-formed file (valid CRC) saying something else. */
function editJsonSection(bytes: Uint8Array, name: string, edit: (v: any) => any): Uint8Array {
  const head = sniffBinary(bytes)!;
  const r = readBinary(bytes, { kind: head.kind, what: 'file', versions: [head.version] });
  const w = new BinaryWriter(head.kind, head.version);
  for (const n of r.names) {
    if (n === name) w.json(n, edit(r.json(n)));
    else w.add(n, r.section(n));
  }
  return w.finish();
}

describe('LM (.tlm)', () => {
  for (const name of ['lm-kn.tlm', 'lm-counts.tlm']) {
    it(`a version-1 file (${name}) loads and scores exactly as before; saved again it is version 2 and scores the same`, () => {
      const want = expected[name];
      const old = NgramLM.load(path.join(FIX, name));
      const q = ['sir walter elliot of kellynch hall', 'she was a very fine woman', null, 'anne'];
      expect(old.smoothing).toBe(want.smoothing);
      expect(old.order).toBe(want.order);
      const queries = want.scores.map((_: number, i: number) => q[i] ?? null);
      for (const [i, s] of queries.entries()) if (s) expect(old.score(s)).toBe(want.scores[i]);
      expect(old.perplexity(q.slice(0, 2) as string[])).toEqual(want.perplexity);
      const p = path.join(tmp, `v2-${name}`);
      old.save(p);
      const bytes = readFileSync(p);
      expect(sniffBinary(bytes)).toEqual({ kind: 'NGLM', version: 2 });
      const again = NgramLM.load(p);
      for (const [i, s] of queries.entries()) if (s) expect(again.score(s)).toBe(want.scores[i]);
      expect(again.perplexity(q.slice(0, 2) as string[])).toEqual(want.perplexity);
    });
  }

  it('refuses truncated and bit-flipped files, old and new, with a FormatError', async () => {
    const v1 = readFileSync(path.join(FIX, 'lm-counts.tlm'));
    await expectDamageRefused(v1, '.tlm', (p) => NgramLM.load(p));
    const p = path.join(tmp, 'v2.tlm');
    NgramLM.load(path.join(FIX, 'lm-kn.tlm')).save(p);
    await expectDamageRefused(readFileSync(p), '.tlm', (p2) => NgramLM.load(p2));
  });

  it('refuses a header claiming order 1,000,000 or impossible sizes, with the file and offset', () => {
    const p = path.join(tmp, 'v2b.tlm');
    NgramLM.load(path.join(FIX, 'lm-kn.tlm')).save(p);
    const bytes = new Uint8Array(readFileSync(p));
    const huge = editJsonSection(bytes, 'header', (h) => ({ ...h, order: 1000000 }));
    const e = (() => {
      try {
        decodeModel(huge, 'huge.tlm');
      } catch (err) {
        return err as BinaryFileError;
      }
      return null;
    })();
    expect(e).toBeInstanceOf(BinaryFileError);
    expect(e!.file).toBe('huge.tlm');
    expect(e!.offset).toBeGreaterThan(0);
    expect(e!.message).toMatch(/order 1000000/);
    expect(() => decodeModel(editJsonSection(bytes, 'header', (h) => ({ ...h, sizes: [1e9, ...h.sizes.slice(1)] })))).toThrow(BinaryFileError);
    expect(() => decodeModel(editJsonSection(bytes, 'header', (h) => ({ ...h, sizes: [-1, ...h.sizes.slice(1)] })))).toThrow(BinaryFileError);
    expect(() => decodeModel(editJsonSection(bytes, 'header', (h) => ({ ...h, order: 2, sizes: h.sizes.slice(0, 2) })))).toThrow(BinaryFileError);
    // Version 1: the same claims with a valid CRC.
    const v1 = Buffer.from(readFileSync(path.join(FIX, 'lm-kn.tlm')));
    const hlen = v1.readUInt32LE(8);
    const h = JSON.parse(v1.toString('utf8', 12, 12 + hlen));
    const text = JSON.stringify({ ...h, order: 1000000 });
    const fake = Buffer.concat([v1.subarray(0, 8), Buffer.alloc(4), Buffer.from(text), v1.subarray(12 + hlen)]);
    fake.writeUInt32LE(Buffer.byteLength(text), 8);
    fake.writeUInt32LE(crc32(fake.subarray(0, fake.length - 4)), fake.length - 4);
    expect(() => decodeModel(fake, 'old.tlm')).toThrow(/order 1000000/);
    expect(isFramed(fake)).toBe(false);
  });
});


describe('textcat model', () => {
  it('a version-1 file loads and predicts exactly as before; saved again it is version 2 and predicts the same', () => {
    const want = expected['textcat.tlc'];
    const old = TextCategorizer.load(path.join(FIX, 'textcat.tlc'));
    expect(old.labels).toEqual(want.labels);
    expect(old.predictProba(want.inputs).map((p) => Array.from(p))).toEqual(want.proba);
    const p = path.join(tmp, 'v2.tlc');
    old.save(p);
    expect(sniffBinary(readFileSync(p))).toEqual({ kind: 'TCAT', version: 2 });
    expect(TextCategorizer.load(p).predictProba(want.inputs).map((x) => Array.from(x))).toEqual(want.proba);
  });

  it('refuses truncated, bit-flipped and inconsistent files with a FormatError', async () => {
    await expectDamageRefused(readFileSync(path.join(FIX, 'textcat.tlc')), '.tlc', (p) => TextCategorizer.load(p));
    const p = path.join(tmp, 'v2b.tlc');
    TextCategorizer.load(path.join(FIX, 'textcat.tlc')).save(p);
    const bytes = new Uint8Array(readFileSync(p));
    await expectDamageRefused(bytes, '.tlc', (q) => TextCategorizer.load(q));
    const shrunk = editJsonSection(bytes, 'header', (h) => ({ ...h, vocabulary: h.vocabulary.slice(1) }));
    expect(() => TextCategorizer.load(writeTmp(shrunk, '.tlc'))).toThrow(/weight shapes/);
  });
});

describe('vectors (.tlv)', () => {
  it('a version-1 file loads with the same words, vectors and counts; saved again it is version 2', async () => {
    const want = expected['vectors.tlv'];
    const check = (kv: KeyedVectors) => {
      expect(kv.words).toEqual(want.words);
      expect(kv.dim).toBe(want.dim);
      expect(Array.from(kv.vectors)).toEqual(want.vectors);
      expect(Array.from(kv.counts!)).toEqual(want.counts);
    };
    const old = await KeyedVectors.load(path.join(FIX, 'vectors.tlv'));
    check(old);
    const p = path.join(tmp, 'v2.tlv');
    await old.save(p);
    expect(sniffBinary(readFileSync(p))).toEqual({ kind: 'WVEC', version: 2 });
    check(await KeyedVectors.load(p));
    // by content under another name
    const other = path.join(tmp, 'v2-vectors.bin');
    cpSync(p, other);
    check(await KeyedVectors.load(other));
  });

  it('refuses truncated, bit-flipped and inconsistent files with a FormatError', async () => {
    await expectDamageRefused(readFileSync(path.join(FIX, 'vectors.tlv')), '.tlv', (p) => KeyedVectors.load(p));
    const p = path.join(tmp, 'v2b.tlv');
    await (await KeyedVectors.load(path.join(FIX, 'vectors.tlv'))).save(p);
    const bytes = new Uint8Array(readFileSync(p));
    await expectDamageRefused(bytes, '.tlv', (q) => KeyedVectors.load(q));
    for (const h of [{ words: 6, dim: 3 }, { words: 5, dim: 4 }, { words: 5, dim: 0 }, { words: 1e12, dim: 3 }]) {
      await expect(KeyedVectors.load(writeTmp(editJsonSection(bytes, 'header', () => h), '.tlv'))).rejects.toThrow(BinaryFileError);
    }
  });
});

describe('tagger model (.tlt)', () => {
  it('a version-1 file loads and tags exactly as before; saved again it is version 2 and tags the same', () => {
    const want = expected['tagger.tlt'];
    const old = loadTaggerModel(path.join(FIX, 'tagger.tlt'));
    const tags = (m: ReturnType<typeof loadTaggerModel>) => want.inputs.map((ws: string[]) => Array.from(m.tagWords(ws)));
    expect(tags(old)).toEqual(want.classes);
    const p = path.join(tmp, 'v2.tlt');
    saveTaggerModel(old, p);
    expect(sniffBinary(readFileSync(p))).toEqual({ kind: 'TAGR', version: 2 });
    const again = loadTaggerModel(p);
    expect(tags(again)).toEqual(want.classes);
    expect(again.classes).toEqual(old.classes);
    expect(again.numFeatures).toBe(old.numFeatures);
  });

  it('refuses truncated, bit-flipped and inconsistent files with a FormatError', async () => {
    await expectDamageRefused(readFileSync(path.join(FIX, 'tagger.tlt')), '.tlt', (p) => loadTaggerModel(p));
    const bytes = encodeTaggerModel(loadTaggerModel(path.join(FIX, 'tagger.tlt')));
    await expectDamageRefused(bytes, '.tlt', (p) => loadTaggerModel(p));
    for (const edit of [(j: any) => ({ ...j, rows: j.rows + 1 }), (j: any) => ({ ...j, nonZero: 1e15 }), (j: any) => ({ ...j, scale: -1 }), (j: any) => ({ ...j, classes: j.classes.slice(0, 1) }), (j: any) => ({ ...j, lexicon: [['x', 9999]] }), (j: any) => ({ ...j, templates: [...j.templates, [[11, 0]]] }), (j: any) => ({ ...j, templates: [...j.templates, [[15, 1]]] }), (j: any) => ({ ...j, templates: [...j.templates, [[0, 3]]] }), (j: any) => ({ ...j, templates: [...j.templates, [[0, 0], [1, 0], [2, 0]]] })]) {
      expect(() => decodeTaggerModel(editJsonSection(bytes, 'model', edit), 'm.tlt')).toThrow(BinaryFileError);
    }
  });
});

describe('search index', () => {
  const want = expected['search-index'];
  const answers = (ix: SearchIndex) => ({
    documentCount: ix.documentCount,
    queries: want.queries,
    hits: want.queries.map((q: string) => ix.search(q, { topK: 10 }).map((h) => [h.id, h.score])),
    stored: ['d0', 'd1', 'd159'].map((id) => ix.getStored(id) ?? null),
    suggest: ix.suggest('wal').map((s) => s.term ?? s),
  });
  const copyOld = (): string => {
    const dir = path.join(tmp, `ix${seq++}`);
    cpSync(path.join(FIX, 'search-index'), dir, { recursive: true });
    return dir;
  };

  it('a version-1 index loads and answers exactly as before; saved again it is version 2 and answers the same', async () => {
    const dir = copyOld();
    const old = await SearchIndex.load(dir);
    expect(answers(old)).toEqual(want);
    await old.save(dir);
    const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(m.formatVersion).toBe(2);
    for (const f of m.files) expect(sniffBinary(readFileSync(path.join(dir, f.name)))).toEqual({ kind: expect.stringMatching(/^IX/), version: 2 });
    expect(readdirSync(dir).filter((n) => n.startsWith('1.'))).toEqual([]);
    const again = await SearchIndex.load(dir);
    expect(answers(again)).toEqual(want);
    // still writable after the conversion
    again.add({ id: 'new', title: 'walter', text: 'walter elliot again' });
    expect(again.search('walter', { topK: 1 })[0]!.id).toBeDefined();
  });

  it('refuses truncated and bit-flipped data files, old and new, with a FormatError', async () => {
    const v1 = copyOld();
    const v2 = copyOld();
    await (await SearchIndex.load(v2)).save(v2);
    for (const dir of [v1, v2]) {
      const m = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
      for (const f of m.files as { name: string }[]) {
        const file = path.join(dir, f.name);
        const good = readFileSync(file);
        const cuts = [0, 10, 31, Math.floor(good.length / 2), good.length - 1];
        for (const n of cuts) {
          writeFileSync(file, good.subarray(0, n));
          expect(await failure(() => SearchIndex.load(dir)), `${f.name} cut to ${n}`).toBeInstanceOf(FormatError);
        }
        for (const i of positions(good.length).filter((_, k) => k % 3 === 0)) {
          const b = Buffer.from(good);
          b[i]! ^= 1 << (i % 8);
          writeFileSync(file, b);
          expect(await failure(() => SearchIndex.load(dir)), `${f.name} flip at ${i}`).toBeInstanceOf(FormatError);
        }
        writeFileSync(file, good);
      }
      expect((await SearchIndex.load(dir)).documentCount).toBe(want.documentCount);
    }
  });

  it('refuses a term file whose header disagrees with its sections, even with valid CRCs', async () => {
    const dir = copyOld();
    await (await SearchIndex.load(dir)).save(dir);
    const mfile = path.join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(mfile, 'utf8'));
    const entry = m.files.find((f: { name: string }) => f.name.endsWith('.f1.terms'));
    const file = path.join(dir, entry.name);
    const good = new Uint8Array(readFileSync(file));
    for (const edit of [(h: any) => ({ ...h, terms: h.terms + 1 }), (h: any) => ({ ...h, terms: 1e12 }), (h: any) => ({ ...h, terms: -1 }), (h: any) => ({ ...h, sumTtf: 'x' })]) {
      const bad = editJsonSection(good, 'header', edit);
      writeFileSync(file, bad);
      // the manifest records size and CRC: make it agree, so the contents are what is checked
      const { manifestCrc32: _, ...body } = m;
      const files = body.files.map((f: any) => (f.name === entry.name ? { ...f, bytes: bad.length, crc32: new DataView(bad.buffer).getUint32(bad.length - 4, true) } : f));
      writeFileSync(mfile, JSON.stringify({ ...body, files }));
      const e = await failure(() => SearchIndex.load(dir));
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).message).not.toMatch(/manifest/);
      expect((e as FormatError).where?.file).toBe(file);
    }
  });
});
