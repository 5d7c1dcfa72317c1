import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTaggerModel, encodeTaggerModel, FormatError, loadTaggerModel, NotFoundError, saveTaggerModel, TaggerAttr, TAGGER_FORMAT_VERSION, trainTagger } from '../../../src/index.js';
import { crc32 } from '../../../src/util/crc32.js';
import { ewtFixture } from './data.js';

// Trained on the EWT sentences shipped with the tests; the round trip is checked on the others.
const model = trainTagger(ewtFixture().slice(0, 250), { epochs: 2, seed: 3 });

describe('encodeTaggerModel / decodeTaggerModel', () => {
  it('round-trips: the decoded model tags exactly like the original', () => {
    const back = decodeTaggerModel(encodeTaggerModel(model));
    expect(back.classes).toEqual(model.classes);
    expect(back.numFeatures).toBe(model.numFeatures);
    for (const s of ewtFixture().slice(250)) {
      const words = s.words.map((w) => w.form);
      expect(Array.from(back.tagWords(words))).toEqual(Array.from(model.tagWords(words)));
    }
  });

  it('rejects bad magic, other versions and corrupt bodies with a FormatError naming the offset', () => {
    const bytes = encodeTaggerModel(model);
    const badMagic = bytes.slice();
    badMagic[0] = 0x58;
    expect(() => decodeTaggerModel(badMagic, 'm.tlt')).toThrow(/bad magic.*m\.tlt/);
    const badVersion = bytes.slice();
    badVersion[12] = 99;
    expect(() => decodeTaggerModel(badVersion)).toThrow(/version 99/);
    const corrupt = bytes.slice();
    corrupt[corrupt.length - 5] ^= 0xff;
    expect(() => decodeTaggerModel(corrupt)).toThrow(FormatError);
    expect(() => decodeTaggerModel(corrupt)).toThrow(/CRC/);
    expect(() => decodeTaggerModel(bytes.subarray(0, 10))).toThrow(FormatError);
  });
});

/** `bytes` relabelled as another format version, with the CRC recomputed so only the version differs. */
function withVersion(bytes: Uint8Array, version: number): Uint8Array {
  const out = bytes.slice();
  const dv = new DataView(out.buffer, out.byteOffset, out.byteLength);
  dv.setUint32(12, version, true);
  dv.setUint32(out.length - 4, crc32(out.subarray(0, out.length - 4)), true);
  return out;
}

describe('format versions', () => {
  const sigModel = trainTagger(ewtFixture().slice(0, 120), { epochs: 1, seed: 3, templates: [[], [[TaggerAttr.NORM, 0]], [[TaggerAttr.SIG, 0]], [[TaggerAttr.TAG, -1], [TaggerAttr.SIG, 0]]] });

  it('writes version 3; templates over the word signature round-trip', () => {
    const bytes = encodeTaggerModel(sigModel);
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true)).toBe(TAGGER_FORMAT_VERSION);
    expect(TAGGER_FORMAT_VERSION).toBe(3);
    const back = decodeTaggerModel(bytes);
    const words = ewtFixture()[200]!.words.map((w) => w.form);
    expect(Array.from(back.tagWords(words))).toEqual(Array.from(sigModel.tagWords(words)));
  });

  it('still reads version-2 files, whose templates only use the attributes version 2 had', () => {
    const back = decodeTaggerModel(withVersion(encodeTaggerModel(model), 2));
    expect(back.numFeatures).toBe(model.numFeatures);
  });

  it('refuses a version-2 file whose templates read the word signature, with a FormatError naming the file', () => {
    const v2 = withVersion(encodeTaggerModel(sigModel), 2);
    expect(() => decodeTaggerModel(v2, 'old.tlt')).toThrow(FormatError);
    expect(() => decodeTaggerModel(v2, 'old.tlt')).toThrow(/template 2 reads attribute 11.*old\.tlt/);
  });
});

describe('saveTaggerModel / loadTaggerModel', () => {
  it('writes and reads a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlt-'));
    const path = join(dir, 'm.tlt');
    saveTaggerModel(model, path);
    expect(loadTaggerModel(path).numFeatures).toBe(model.numFeatures);
    writeFileSync(path, 'not a model');
    expect(() => loadTaggerModel(path)).toThrow(FormatError);
  });
  it('a missing file or a directory is a NotFoundError naming it, not a raw ENOENT', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tlt-'));
    expect(() => loadTaggerModel(join(dir, 'nope.tlt'))).toThrow(NotFoundError);
    expect(() => loadTaggerModel(join(dir, 'nope.tlt'))).toThrow(/cannot read tagger model.*nope\.tlt/);
    expect(() => loadTaggerModel(dir)).toThrow(NotFoundError);
  });
});

describe('Tagger.fromBytes / toBytes (Node)', () => {
  it('round-trips the shipped model and tags as the file-loaded tagger does', async () => {
    const { Tagger, TaggerBase } = await import('../../../src/index.js');
    const fromFile = Tagger.load();
    const again = await Tagger.fromBytes(fromFile.toBytes());
    expect(again).toBeInstanceOf(Tagger);
    expect(again).toBeInstanceOf(TaggerBase);
    const words = ['The', 'boundary', 'layer', 'stays', 'laminar', 'over', 'slender', 'wings', '.'];
    expect(again.tagWords(words)).toEqual(fromFile.tagWords(words));
  });
});
