import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeTaggerModel, encodeTaggerModel, FormatError, loadTaggerModel, NotFoundError, saveTaggerModel, trainTagger } from '../../../src/index.js';
import { TaggerModel } from '../../../src/components/tagger/model.js';
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

describe('template checks on load', () => {
  it('refuses a template over an attribute this build does not have, naming the template and the file', () => {
    const bad = new TaggerModel({ ...model, templates: [...model.templates, [[11, 0]]] });
    expect(() => decodeTaggerModel(encodeTaggerModel(bad), 'new.tlt')).toThrow(FormatError);
    expect(() => decodeTaggerModel(encodeTaggerModel(bad), 'new.tlt')).toThrow(new RegExp(`template ${model.templates.length} reads attribute 11.*new\\.tlt`));
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
