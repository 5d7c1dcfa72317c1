import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormatError, NotFoundError } from '../../src/core/errors.js';
import { NgramLM } from '../../src/lm/model.js';
import { syntheticCorpus } from './fixtures.js';

let dir: string;
let file: string;
let bytes: Buffer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tl-tlm-'));
  file = path.join(dir, 'm.tlm');
  (await NgramLM.train(syntheticCorpus(100), { order: 3, smoothing: 'witten-bell' })).save(file);
  bytes = readFileSync(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function variant(name: string, edit: (b: Buffer) => Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, edit(Buffer.from(bytes)));
  return p;
}

describe('NgramLM.load', () => {
  it('starts with the magic and version and loads back', () => {
    expect(bytes.toString('latin1', 0, 4)).toBe('TLBF');
    expect(bytes.toString('latin1', 8, 12)).toBe('NGLM');
    expect(bytes.readUInt32LE(12)).toBe(2);
    expect(NgramLM.load(file).smoothing).toBe('witten-bell');
  });

  it('detects a flipped byte by CRC', () => {
    const p = variant('flip.tlm', (b) => {
      b[b.length - 40]! ^= 0x10;
      return b;
    });
    expect(() => NgramLM.load(p)).toThrow(/CRC/);
  });

  it('rejects bad magic, unknown versions and truncation with the byte offset', () => {
    const magic = variant('magic.tlm', (b) => {
      b.write('XXXX', 0, 'latin1');
      return b;
    });
    expect(() => NgramLM.load(magic)).toThrow(FormatError);
    const ver = variant('ver.tlm', (b) => {
      b.writeUInt32LE(99, 12);
      return b;
    });
    let err: unknown;
    try {
      NgramLM.load(ver);
    } catch (e) {
      err = e;
    }
    expect((err as FormatError).message).toMatch(/version 99/);
    expect((err as FormatError).where).toMatchObject({ offset: 12 });
    expect(() => NgramLM.load(variant('short.tlm', (b) => b.subarray(0, 10)))).toThrow(FormatError);
    expect(() => NgramLM.load(path.join(dir, 'missing.tlm'))).toThrow(NotFoundError);
    expect(() => NgramLM.load(dir)).toThrow(/is a directory/);
  });
});

describe('NgramLM.open', () => {
  it('picks the format from the file name', async () => {
    const arpa = path.join(dir, 'm.arpa');
    const lm = NgramLM.load(file);
    await lm.toARPA(arpa);
    expect((await NgramLM.open(arpa)).smoothing).toBe('arpa');
    expect((await NgramLM.open(file)).smoothing).toBe('witten-bell');
  });

  it('opens by content under other names: an ARPA file named .lm, a binary named .bin', async () => {
    const lm = NgramLM.load(file);
    const lmName = path.join(dir, 'kenlm-style.lm');
    await lm.toARPA(lmName);
    const a = await NgramLM.open(lmName);
    expect(a.smoothing).toBe('arpa');
    expect(a.score('the cat sat')).toBeCloseTo(lm.score('the cat sat'), 5);
    const bin = path.join(dir, 'model.bin');
    writeFileSync(bin, bytes);
    expect((await NgramLM.open(bin)).smoothing).toBe('witten-bell');
    const kenlm = path.join(dir, 'kenlm.binary');
    writeFileSync(kenlm, Buffer.concat([Buffer.from('mmap lm http://kheafield.com/code format version 5\n\0'), Buffer.alloc(64)]));
    await expect(NgramLM.open(kenlm)).rejects.toThrow(/KenLM binary/);
    await expect(NgramLM.open(path.join(dir, 'missing.lm'))).rejects.toThrow(NotFoundError);
    await expect(NgramLM.open(variant('bad-magic.bin', (b) => (b.write('XXXX', 0, 'latin1'), b)))).rejects.toThrow(/bad magic/);
  });

  it('refuses to save under a .gz name, which open() would read as gzipped ARPA', () => {
    expect(() => NgramLM.load(file).save(path.join(dir, 'm.tlm.gz'))).toThrow(/gzipped/);
  });
});
