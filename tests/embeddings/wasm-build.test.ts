import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as train from '../../src/embeddings/wasm/train-bytes.js';
import * as vecops from '../../src/ann/wasm/vecops-bytes.js';

const dirs = [new URL('../../src/embeddings/wasm/', import.meta.url), new URL('../../src/ann/wasm/', import.meta.url)];
const GENERATED: Record<string, Record<string, string>> = { train, vecops };
const dirOf = (name: string): URL => dirs.find((d) => readdirSync(d).includes(`${name}.wat`))!;
/** Node's WebAssembly global (the tests compile without the DOM typings). */
const wasm = (globalThis as unknown as { WebAssembly: { validate(bytes: Uint8Array): boolean } }).WebAssembly;

// The *-bytes.ts files are generated from the .wat sources by bench/build-wasm.mjs, which records
// each source's sha256. A .wat edited without rebuilding (or bytes edited by hand) fails here.
describe('src/{ann,embeddings}/wasm/*-bytes.ts (generated)', () => {
  it('covers every .wat source', () => {
    expect(dirs.flatMap((dir) => readdirSync(dir)).filter((f) => f.endsWith('.wat')).map((f) => f.slice(0, -4)).sort()).toEqual(Object.keys(GENERATED).sort());
  });
  it.each(Object.keys(GENERATED))('%s-bytes.ts was built from the current .wat source (run bench/build-wasm.mjs after editing it)', (name) => {
    const mod = GENERATED[name]!;
    const sha = createHash('sha256').update(readFileSync(new URL(`${name}.wat`, dirOf(name)))).digest('hex');
    expect(mod[`${name.toUpperCase()}_WAT_SHA256`]).toBe(sha);
    const bytes = Buffer.from(mod[`${name.toUpperCase()}_WASM_BASE64`]!, 'base64');
    expect(wasm.validate(bytes)).toBe(true);
  });
});
