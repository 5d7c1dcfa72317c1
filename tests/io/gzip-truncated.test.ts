import { existsSync, mkdtempSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FormatError } from '../../src/core/errors.js';
import { readConllu } from '../../src/io/conllu.js';
import { readNumberedJsonl } from '../../src/io/jsonl.js';
import { readLines } from '../../src/io/lines.js';
import { readNumberedLinesSync } from '../../src/io/lines-sync.js';
import { readVectors, readVectorsSync } from '../../src/embeddings/w2v-format.js';

const dir = mkdtempSync(join(tmpdir(), 'textloom-gz-cut-'));

/** Writes `bytes` gzipped, then cut to half its size (a truncated download). */
function truncatedGz(name: string, bytes: Buffer): string {
  const gz = gzipSync(bytes);
  const path = join(dir, name);
  writeFileSync(path, gz.subarray(0, gz.length >> 1));
  return path;
}

const N = 3000;
const lines = truncatedGz('lines.txt.gz', Buffer.from(Array.from({ length: N }, (_, i) => `line ${i} ${Math.sin(i)}`).join('\n')));
const jsonl = truncatedGz('recs.jsonl.gz', Buffer.from(Array.from({ length: N }, (_, i) => JSON.stringify({ i, v: Math.cos(i) })).join('\n')));
const conllu = truncatedGz(
  'ud.conllu.gz',
  Buffer.from(Array.from({ length: N }, (_, i) => `# sent_id = ${i}\n1\tw${Math.tan(i)}\t_\tNOUN\t_\t_\t0\troot\t_\t_\n`).join('\n')),
);
const textVectors = truncatedGz('vec.txt.gz', Buffer.from(`${N} 2\n` + Array.from({ length: N }, (_, i) => `w${i} ${Math.sin(i)} ${Math.cos(i)}`).join('\n')));
const binVectors = (() => {
  const parts: Buffer[] = [Buffer.from(`${N} 2\n`)];
  for (let i = 0; i < N; i++) {
    const v = Buffer.alloc(8);
    v.writeFloatLE(Math.sin(i), 0);
    v.writeFloatLE(Math.cos(i), 4);
    parts.push(Buffer.from(`w${i} `), v, Buffer.from('\n'));
  }
  return truncatedGz('vec.bin.gz', Buffer.concat(parts));
})();

async function drain(it: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of it);
}

describe('a truncated .gz input', () => {
  const stray: unknown[] = [];
  const onStray = (e: unknown): void => {
    stray.push(e);
  };
  beforeEach(() => {
    stray.length = 0;
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
  });
  afterEach(() => {
    process.off('uncaughtException', onStray);
    process.off('unhandledRejection', onStray);
  });

  /** Runs `read`, expecting one FormatError naming `file` and nothing escaping to the process. */
  async function expectOneFormatError(file: string, read: () => Promise<unknown>): Promise<void> {
    let error: unknown;
    try {
      await read();
    } catch (e) {
      error = e;
    }
    // Let any late 'error' event or rejection surface before checking none escaped.
    await new Promise((r) => setTimeout(r, 50));
    expect(error).toBeInstanceOf(FormatError);
    expect((error as Error).message).toMatch(/gzip/);
    expect((error as Error).message).toContain(file);
    expect(stray).toEqual([]);
  }

  it('readLines', () => expectOneFormatError(lines, () => drain(readLines(lines))));
  it('readNumberedJsonl', () => expectOneFormatError(jsonl, () => drain(readNumberedJsonl(jsonl))));
  it('readConllu', () => expectOneFormatError(conllu, () => drain(readConllu(conllu))));
  it('readNumberedLinesSync', () => expectOneFormatError(lines, async () => [...readNumberedLinesSync(lines)]));
  it('readVectors, text', () => expectOneFormatError(textVectors, () => readVectors(textVectors)));
  it('readVectors, binary', () => expectOneFormatError(binVectors, () => readVectors(binVectors)));
  it('readVectorsSync, text and binary', async () => {
    await expectOneFormatError(textVectors, async () => readVectorsSync(textVectors));
    await expectOneFormatError(binVectors, async () => readVectorsSync(binVectors));
  });
});

describe('a .gz input read in part', () => {
  it.skipIf(!existsSync('/proc/self/fd'))('closes the file when the reader stops early', async () => {
    const path = join(dir, 'whole.txt.gz');
    writeFileSync(path, gzipSync(Buffer.from(Array.from({ length: 200000 }, (_, i) => `line ${i}`).join('\n'))));
    const openOn = (): number => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false;
      }
    }).length;
    for await (const line of readLines(path)) {
      expect(line).toBe('line 0');
      expect(openOn()).toBe(1);
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
    expect(openOn()).toBe(0);
  });
});
