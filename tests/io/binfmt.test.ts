import { describe, expect, it } from 'vitest';
import { FormatError } from '../../src/core/errors.js';
import { BinaryFileError, BinaryWriter, ENTRY_BYTES, HEADER_BYTES, readBinary, sniffBinary } from '../../src/io/binfmt.js';
import { crc32 } from '../../src/util/crc32.js';

const EXPECT = { kind: 'TEST', what: 'test file', versions: [3], file: 't.bin' };

function sample(): Uint8Array {
  return new BinaryWriter('TEST', 3)
    .json('meta', { a: 1, s: 'naïve' })
    .add('f32', Float32Array.of(1.5, -2, 3.25))
    .add('odd', Uint8Array.of(1, 2, 3))
    .add('packed', new Uint32Array(5000).fill(7), { deflate: true })
    .add('empty', new Uint8Array(0))
    .finish();
}

function recrc(b: Uint8Array): Uint8Array {
  new DataView(b.buffer, b.byteOffset).setUint32(b.length - 4, crc32(b.subarray(0, b.length - 4)), true);
  return b;
}

function refusal(bytes: Uint8Array): BinaryFileError {
  try {
    readBinary(bytes, EXPECT);
  } catch (e) {
    expect(e).toBeInstanceOf(BinaryFileError);
    return e as BinaryFileError;
  }
  throw new Error('accepted');
}

describe('BinaryWriter / readBinary', () => {
  it('round-trips named and numbered sections, typed arrays, JSON and deflated sections', () => {
    const bytes = sample();
    expect(sniffBinary(bytes)).toEqual({ kind: 'TEST', version: 3 });
    const r = readBinary(bytes, EXPECT);
    expect(r.names).toEqual(['meta', 'f32', 'odd', 'packed', 'empty']);
    expect(r.json('meta')).toEqual({ a: 1, s: 'naïve' });
    expect(Array.from(r.typed('f32', Float32Array, 3))).toEqual([1.5, -2, 3.25]);
    expect(Array.from(r.sectionAt(2))).toEqual([1, 2, 3]);
    const packed = r.typed('packed', Uint32Array, 5000);
    expect(packed.every((v) => v === 7)).toBe(true);
    expect(r.section('empty').length).toBe(0);
    expect(bytes.length).toBeLessThan(5000 * 4);
    for (const n of r.names) expect(r.offsetOf(n) % 8).toBe(0);
  });

  it('writes a section given in pieces as their concatenation', () => {
    const bytes = new BinaryWriter('TEST', 3).addPieces('joined', [Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)]).add('after', Uint8Array.of(9)).finish();
    const r = readBinary(bytes, EXPECT);
    expect(Array.from(r.section('joined'))).toEqual([1, 2, 3]);
    expect(Array.from(r.section('after'))).toEqual([9]);
  });

  it('checks element sizes and counts before allocating', () => {
    const r = readBinary(sample(), EXPECT);
    expect(() => r.typed('odd', Uint16Array)).toThrow(/not a multiple of 2/);
    expect(() => r.typed('f32', Float32Array, 4)).toThrow(/holds 3 values, expected 4/);
    expect(() => r.section('nope')).toThrow(/no "nope" section/);
    const e = (() => {
      try {
        r.typed('f32', Float32Array, 9);
      } catch (err) {
        return err as BinaryFileError;
      }
    })()!;
    expect(e.file).toBe('t.bin');
    expect(e.offset).toBe(r.offsetOf('f32'));
  });

  it('refuses another magic, kind or version, naming the byte offset', () => {
    const b = sample();
    const magic = b.slice();
    magic[0] = 0x58;
    expect(refusal(magic).offset).toBe(0);
    expect(() => readBinary(b, { ...EXPECT, kind: 'NGLM' })).toThrow(/kind is "TEST", expected "NGLM"/);
    expect(() => readBinary(b, { ...EXPECT, versions: [1, 2] })).toThrow(/version 3 \(this textloom reads version 1, 2\)/);
    expect(refusal(new Uint8Array(10)).message).toMatch(/truncated/);
  });

  it('refuses truncated, padded and bit-flipped files', () => {
    const b = sample();
    for (let n = 0; n < b.length; n += 7) expect(() => readBinary(b.subarray(0, n), EXPECT)).toThrow(FormatError);
    const padded = new Uint8Array(b.length + 8);
    padded.set(b);
    expect(refusal(padded).message).toMatch(/padded/);
    for (let i = 0; i < b.length; i++) {
      const f = b.slice();
      f[i]! ^= 1 << (i % 8);
      expect(() => readBinary(f, EXPECT)).toThrow(FormatError);
    }
  });

  it('validates every table field against the file even when the CRC matches', () => {
    const b = sample();
    const dv = (x: Uint8Array) => new DataView(x.buffer, x.byteOffset, x.byteLength);
    const edit = (f: (d: DataView, x: Uint8Array) => void): BinaryFileError => {
      const x = b.slice();
      f(dv(x), x);
      return refusal(recrc(x));
    };
    expect(edit((d) => d.setUint32(16, 0xffffffff, true)).offset).toBe(16); // section count
    expect(edit((d) => d.setUint32(16, 3, true)).message).toMatch(/after its last section/);
    const e1 = HEADER_BYTES + ENTRY_BYTES; // entry of 'f32'
    expect(edit((d) => d.setUint32(e1 + 16, 4, true)).offset).toBe(e1 + 16); // offset before the table
    expect(edit((d) => d.setUint32(e1 + 16, d.getUint32(e1 + 16, true) + 1, true)).message).toMatch(/unaligned/);
    expect(edit((d) => d.setUint32(e1 + 24, 0x7fffffff, true)).offset).toBe(e1 + 24); // size past the end
    expect(edit((d) => d.setUint32(e1 + 28, 0xffffffff, true)).offset).toBe(e1 + 24); // 2^63-ish size
    expect(edit((d) => d.setUint32(e1 + 32, 99, true)).offset).toBe(e1 + 32); // raw size of a plain section
    expect(edit((d) => d.setUint32(e1 + 40, 4, true)).offset).toBe(e1 + 40); // unknown flags
    expect(edit((_, x) => x.set([0x21], e1)).offset).toBe(e1); // name
    expect(edit((_, x) => x.set(Buffer.from('meta'), e1)).message).toMatch(/two sections named "meta"/);
    const ep = HEADER_BYTES + 3 * ENTRY_BYTES; // 'packed'
    expect(edit((d) => d.setUint32(ep + 32, 0x7fffffff, true)).offset).toBe(ep + 32); // zip-bomb raw size
    const liar = b.slice();
    new DataView(liar.buffer).setUint32(ep + 32, 20004, true); // plausible but wrong raw size
    const r = readBinary(recrc(liar), EXPECT);
    expect(() => r.section('packed')).toThrow(BinaryFileError);
  });

  it('refuses bad kinds and section names when writing', () => {
    expect(() => new BinaryWriter('TOOLONG', 1)).toThrow(/4 printable/);
    expect(() => new BinaryWriter('TEST', -1)).toThrow(/u32/);
    const w = new BinaryWriter('TEST', 1).add('a', new Uint8Array(1));
    expect(() => w.add('a', new Uint8Array(1))).toThrow(/twice/);
    expect(() => w.add('a name', new Uint8Array(1))).toThrow(/section name/);
    expect(() => w.add('x'.repeat(17), new Uint8Array(1))).toThrow(/section name/);
  });
});
