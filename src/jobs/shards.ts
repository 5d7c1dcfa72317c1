/**
 * Cuts input files into shards: a file up to `shardSize` bytes (or any `.gz` file) is one shard;
 * a larger one is cut into byte ranges that start right after a `\n`, so no line is split. Each
 * shard knows the number of its first line in its file, so outputs that name lines (JSON lines,
 * CoNLL-U sentence ids) are the ones a one-process run over the file writes.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { ArgumentError } from '../core/errors.js';

/** One unit of work: bytes `[start, end)` of `file` (end -1: the whole, possibly gzipped, file). */
export interface Shard {
  /** Position in the run (outputs are combined in this order). */
  index: number;
  file: string;
  start: number;
  end: number;
  /** Line number (1-based) of the shard's first line in its file. */
  firstLine: number;
}

const CHUNK = 1 << 20;

/** Plans the shards of `files` (in order). */
export function planShards(files: readonly string[], shardSize: number): Shard[] {
  if (!Number.isInteger(shardSize) || shardSize < 1) throw new ArgumentError(`shardSize must be a positive integer number of bytes, got ${shardSize}`, { key: 'shardSize' });
  const out: Shard[] = [];
  for (const file of files) {
    const size = statSync(file).size;
    if (file.endsWith('.gz') || size <= shardSize) {
      out.push({ index: out.length, file, start: 0, end: file.endsWith('.gz') ? -1 : size, firstLine: 1 });
      continue;
    }
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(CHUNK);
      let start = 0;
      let line = 1;
      let pos = 0; // bytes counted for lines so far
      while (start < size) {
        let cut = Math.min(size, start + shardSize);
        // Move the cut to just after the next \n (or to the end of the file), counting newlines.
        let lines = 0;
        while (pos < cut) {
          const n = readSync(fd, buf, 0, Math.min(CHUNK, cut - pos), pos);
          for (let i = 0; i < n; i++) if (buf[i] === 10) lines++;
          pos += n;
        }
        while (cut < size) {
          const n = readSync(fd, buf, 0, Math.min(CHUNK, size - cut), cut);
          const nl = buf.subarray(0, n).indexOf(10);
          if (nl >= 0) {
            cut += nl + 1;
            lines++;
            break;
          }
          cut += n;
        }
        pos = cut;
        out.push({ index: out.length, file, start, end: cut, firstLine: line });
        line += lines;
        start = cut;
      }
    } finally {
      closeSync(fd);
    }
  }
  return out;
}
