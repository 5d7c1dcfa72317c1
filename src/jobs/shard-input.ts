/**
 * The lines of a shard, numbered as in their file, read as `textloom` commands read their input
 * (line ends and a leading BOM removed, binary refused). Every 256 lines it yields to the event
 * loop, so a worker busy with a long shard still renews its job lock, and it reports the share of
 * the shard's bytes read.
 */
import { setImmediate as tick } from 'node:timers/promises';
import { readLines } from '../io/lines.js';
import type { Shard } from './shards.js';

/** Yields `[line, lineNumber]`; `onProgress(fraction)` about every 256 lines (never for gzipped files). */
export async function* shardLines(shard: Shard, onProgress?: (fraction: number) => void): AsyncGenerator<[string, number]> {
  const whole = shard.end < 0;
  const total = whole ? 0 : shard.end - shard.start;
  let n = shard.firstLine;
  let bytes = 0;
  for await (const line of readLines(shard.file, whole ? { requireText: true } : { requireText: true, start: shard.start, end: shard.end })) {
    yield [line, n];
    bytes += Buffer.byteLength(line) + 1;
    if ((++n & 255) === 0) {
      if (total > 0) onProgress?.(Math.min(1, bytes / total));
      await tick();
    }
  }
}

/**
 * The shard's lines as texts for `nlp.pipe`, recording each line's number in `lineNumbers` as it is
 * read, so the caller can name the input line of each Doc that comes back (in order).
 */
export async function* shardTexts(shard: Shard, lineNumbers: number[], onProgress?: (fraction: number) => void): AsyncGenerator<string> {
  for await (const [text, n] of shardLines(shard, onProgress)) {
    lineNumbers.push(n);
    yield text;
  }
}
