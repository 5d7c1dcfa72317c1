/**
 * Systematic header damage: in every JSON section of every framed seed (LM, vectors, tagger,
 * textcat, search index files), each number in turn is replaced by a huge, negative, fractional or
 * null value, and the first u32 of every binary section by a huge count; the file is re-framed
 * (correct length and CRC) so only the decoder's own checks stand between the value and an
 * allocation or a loop. Each must be refused with a typed error or load and answer, in time.
 */
import { describe, expect, it } from 'vitest';
import { BinaryFileError, BinaryWriter, readBinary, sniffBinary } from '../../src/index.js';
import { fuzzCases, type FuzzTarget } from './harness.js';
import { TARGETS } from './targets.js';

const ODD: unknown[] = [1_000_000, 1e9, 2 ** 32, 2 ** 53, -1, 1.5, null, 1e308, '7'];
const HUGE_U32 = [0xffffffff, 0x7fffffff, 1_000_000];

/** Every number-valued path in a JSON value. */
function numberPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (typeof v === 'number') out.push(path);
  else if (Array.isArray(v)) v.slice(0, 8).forEach((x, i) => numberPaths(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) numberPaths(x, [...path, k], out);
  return out;
}

function setAt(v: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
  return copy;
}

/** The variants of one framed file: each JSON number and each section's first u32 replaced. */
function variants(bytes: Uint8Array): Uint8Array[] {
  const kind = sniffBinary(bytes);
  if (!kind) return [];
  const r = readBinary(bytes, { kind: kind.kind, what: 'file', versions: [kind.version] });
  const out: Uint8Array[] = [];
  const rebuild = (name: string, section: Uint8Array): Uint8Array => {
    const w = new BinaryWriter(kind.kind, kind.version);
    for (const n of r.names) w.add(n, n === name ? section : r.section(n));
    return w.finish();
  };
  for (const name of r.names) {
    const raw = r.section(name);
    let json: unknown;
    try {
      json = raw[0] === 0x7b || raw[0] === 0x5b ? JSON.parse(new TextDecoder().decode(raw)) : undefined;
    } catch {
      json = undefined;
    }
    if (json !== undefined) {
      for (const p of numberPaths(json).slice(0, 40)) for (const v of ODD) out.push(rebuild(name, new TextEncoder().encode(JSON.stringify(setAt(json, p, v)))));
      out.push(rebuild(name, new TextEncoder().encode('null')));
    } else if (raw.length >= 4) {
      for (const v of HUGE_U32) {
        const b = raw.slice();
        new DataView(b.buffer).setUint32(0, v, true);
        out.push(rebuild(name, b));
      }
    }
  }
  return out;
}

describe('binary headers: huge, negative, fractional or null sizes and counts are refused before any allocation or loop', () => {
  const framed = TARGETS.filter((t) => /^(tlm|tlv|tagger|textcat|search index) \(v2/.test(t.name));
  for (const target of framed) {
    it(target.name, async () => {
      const stats = await fuzzCases(target as FuzzTarget, (seed) => {
        const cases: Record<string, Uint8Array>[] = [];
        for (const [name, bytes] of Object.entries(seed)) {
          for (const v of variants(bytes)) {
            const files = { ...seed, [name]: v };
            target.reseal?.(files, name);
            cases.push(files);
          }
        }
        return cases;
      });
      expect(stats.tried).toBeGreaterThan(20);
      expect(stats.refused).toBeGreaterThan(0);
    });
  }
});

describe('an LM header claiming order 1,000,000', () => {
  const order = (bytes: Uint8Array, claimed: unknown): Uint8Array => {
    const r = readBinary(bytes, { kind: 'NGLM', what: 'LM file', versions: [2] });
    const w = new BinaryWriter('NGLM', 2);
    for (const n of r.names) w.add(n, n === 'header' ? new TextEncoder().encode(JSON.stringify({ ...(r.json('header') as object), order: claimed })) : r.section(n));
    return w.finish();
  };
  it('is refused, naming the order, for version 2 files (and a fractional or null one too)', async () => {
    const tlm = TARGETS.find((t) => t.name === 'tlm (v2, backoff)')!;
    const seed = (await tlm.seed()) as Uint8Array;
    const { decodeModel } = await import('../../src/lm/binary.js');
    expect(() => decodeModel(order(seed, 1_000_000), 'm.tlm')).toThrow(/claims order 1000000, above the 64/);
    expect(() => decodeModel(order(seed, 2.5), 'm.tlm')).toThrow(BinaryFileError);
    expect(() => decodeModel(order(seed, null), 'm.tlm')).toThrow(BinaryFileError);
  });
});
