import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritable } from '../../src/io/atomic.js';
import { ArgumentError, NotFoundError, writeFileAtomic, writeFileAtomicSync } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-atomic-'));

describe('writeFileAtomicSync', () => {
  it('writes, and names the target (not the temp file) when its directory is missing or it is a directory', () => {
    const ok = join(dir, 'a.txt');
    writeFileAtomicSync(ok, 'hello');
    expect(readFileSync(ok, 'utf8')).toBe('hello');
    const missing = join(dir, 'nope', 'b.txt');
    expect(() => writeFileAtomicSync(missing, 'x')).toThrow(NotFoundError);
    expect(() => writeFileAtomicSync(missing, 'x')).toThrow(/cannot write .*nope\/b\.txt: directory .*nope does not exist/);
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    expect(() => writeFileAtomicSync(sub, 'x')).toThrow(ArgumentError);
    expect(() => writeFileAtomicSync(sub, 'x')).not.toThrow(/tmp-/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('writeFileAtomic', () => {
  it('raises the same typed errors, naming the target', async () => {
    await expect(writeFileAtomic(join(dir, 'nope', 'c.txt'), ['a', 'b'])).rejects.toThrow(NotFoundError);
    const sub = join(dir, 'sub2');
    mkdirSync(sub);
    const err = await writeFileAtomic(sub, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArgumentError);
    expect((err as Error).message).not.toMatch(/tmp-/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('assertWritable', () => {
  it('checks the directory and the target before any work', () => {
    expect(() => assertWritable(join(dir, 'fine.bin'))).not.toThrow();
    expect(() => assertWritable(join(dir, 'nope', 'x.bin'))).toThrow(NotFoundError);
    expect(() => assertWritable(join(dir, 'a.txt', 'x.bin'))).toThrow(NotFoundError);
    expect(() => assertWritable(dir)).toThrow(ArgumentError);
  });
});
