import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { ArgumentError, FormatError } from '../../src/core/errors.js';
import { readLines, readNumberedLines } from '../../src/io/lines.js';
import { readNumberedLinesSync } from '../../src/io/lines-sync.js';

const dir = mkdtempSync(join(tmpdir(), 'textloom-line-limit-'));

function collectSync<T>(it: Iterable<T>): { items: T[]; error: unknown } {
  const items: T[] = [];
  try {
    for (const x of it) items.push(x);
  } catch (e) {
    return { items, error: e };
  }
  return { items, error: undefined };
}

describe('maxLineLength', () => {
  const file = join(dir, 'long.txt');
  // Line 2 is one over the 1 KB limit; line 1 and 3 are within it.
  writeFileSync(file, `short\n${'x'.repeat(1025)}\nafter\n`);

  it('readLines: a line over the limit is a FormatError naming the file and line', async () => {
    const { items, error } = await collect(readNumberedLines(file, { maxLineLength: 1024 }));
    expect(items).toEqual([['short', 1]]);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toContain('line 2 is longer than 1 KB');
    expect((error as FormatError).message).toContain(file);
  });

  it('readLines: fails early, before the end of a line spanning many chunks', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'y'.repeat(1 << 20));
    const { items, error } = await collect(readLines(big, { maxLineLength: 1024 }));
    expect(items).toEqual([]);
    expect((error as FormatError).message).toContain('line 1 is longer than 1 KB');
  });

  it('readLines: a line of exactly the limit passes; \\r\\n and lone \\r still end lines', async () => {
    const ok = join(dir, 'ok.txt');
    writeFileSync(ok, `${'z'.repeat(1024)}\r\na\rb\n\nc`);
    const { items, error } = await collect(readLines(ok, { maxLineLength: 1024 }));
    expect(error).toBeUndefined();
    expect(items).toEqual(['z'.repeat(1024), 'a', 'b', '', 'c']);
  });

  it('readNumberedLinesSync: a line over the limit (in bytes) is a FormatError naming the file and line', () => {
    const { items, error } = collectSync(readNumberedLinesSync(file, { maxLineLength: 1024 }));
    expect(items).toEqual([['short', 1]]);
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).message).toContain('line 2 is longer than 1 KB');
    expect((error as FormatError).message).toContain(file);
    const ok = join(dir, 'ok-sync.txt');
    writeFileSync(ok, `${'z'.repeat(1024)}\r\nb`);
    expect(collectSync(readNumberedLinesSync(ok, { maxLineLength: 1024 })).items).toEqual([[`${'z'.repeat(1024)}`, 1], ['b', 2]]);
  });

  it('readNumberedLinesSync: an unterminated long last line fails too', () => {
    const tail = join(dir, 'tail.txt');
    writeFileSync(tail, `a\n${'q'.repeat(2000)}`);
    const { items, error } = collectSync(readNumberedLinesSync(tail, { maxLineLength: 1024 }));
    expect(items).toEqual([['a', 1]]);
    expect((error as FormatError).message).toContain('line 2 is longer than 1 KB');
  });

  it('a limit that is not a positive integer is refused', async () => {
    await expect(collect(readLines(file, { maxLineLength: 0 })).then((r) => { throw r.error; })).rejects.toBeInstanceOf(ArgumentError);
    expect(() => readNumberedLinesSync(file, { maxLineLength: 1.5 }).next()).toThrow(ArgumentError);
  });
});
