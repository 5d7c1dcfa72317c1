import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collect } from './collect.js';
import { ArgumentError, FormatError, readJsonl, readLines } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'textloom-lines-'));

describe('readLines', () => {
  it('strips \\n and \\r\\n terminators and gunzips .gz', async () => {
    const f = join(dir, 'crlf.txt.gz');
    writeFileSync(f, gzipSync('a b\r\nc\n\nd'));
    expect((await collect(readLines(f))).items).toEqual(['a b', 'c', '', 'd']);
  });

  it('drops a UTF-8 byte order mark at the start of the file (only there)', async () => {
    const f = join(dir, 'bom.txt');
    writeFileSync(f, '\ufeffthe cat\n\ufeffdog\n');
    expect((await collect(readLines(f))).items).toEqual(['the cat', '\ufeffdog']);
    const g = join(dir, 'bom.txt.gz');
    writeFileSync(g, gzipSync('\ufeff{"a":1}\n'));
    expect((await collect(readJsonl(g))).items).toEqual([{ a: 1 }]);
  });

  it('raises a FormatError naming the file for a truncated .gz, after the lines it could read', async () => {
    const text = Array.from({ length: 50000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    const gz = gzipSync(text);
    const f = join(dir, 'trunc.txt.gz');
    writeFileSync(f, gz.subarray(0, gz.length >> 1));
    const { items, error } = await collect(readLines(f));
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).where?.file).toBe(f);
    expect((error as Error).message).toMatch(/gzip/);
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThan(50000);
  });

  it('raises a FormatError for a .gz that is not gzip', async () => {
    const f = join(dir, 'plain.gz');
    writeFileSync(f, 'not gzipped\n');
    const { error } = await collect(readLines(f));
    expect(error).toBeInstanceOf(FormatError);
  });

  it('raises an ArgumentError for a directory, also one named *.gz (no unhandled error event)', async () => {
    const d1 = join(dir, 'adir');
    const d2 = join(dir, 'bdir.gz');
    mkdirSync(d1);
    mkdirSync(d2);
    for (const d of [d1, d2]) {
      const { error } = await collect(readLines(d));
      expect(error).toBeInstanceOf(ArgumentError);
      expect((error as ArgumentError).where?.file).toBe(d);
    }
  });
});

describe('readJsonl', () => {
  it('passes a truncated .gz on as a FormatError', async () => {
    const gz = gzipSync(Array.from({ length: 20000 }, (_, i) => JSON.stringify({ i })).join('\n'));
    const f = join(dir, 'trunc.jsonl.gz');
    writeFileSync(f, gz.subarray(0, gz.length - 10));
    const { error } = await collect(readJsonl(f));
    expect(error).toBeInstanceOf(FormatError);
  });
});
