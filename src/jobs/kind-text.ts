/**
 * The `tokenize` and `tag` kinds: each shard runs a pipeline over its lines and writes one JSON-lines
 * record (or CoNLL-U block) per line, numbered by its line in the input file; the finish step
 * concatenates the shards in order. The bytes are those `textloom tokenize` writes for the file.
 */
import { createReadStream } from 'node:fs';
import { docConllu, docRecord } from '../io/doc-records.js';
import { writeFileAtomic } from '../io/atomic.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { JOBS_DEFAULTS } from './options.js';
import { shardOutput, type RunSpec } from './run-spec.js';
import { shardTexts } from './shard-input.js';
import type { Shard } from './shards.js';

/** Extension of a text run's outputs. */
export function textExt(run: RunSpec): string {
  return run.options.format ?? JOBS_DEFAULTS.format;
}

/** Runs one shard; returns the number of lines. */
export async function runTextShard(run: RunSpec, shard: Shard, nlp: Nlp, onProgress: (f: number) => void): Promise<number> {
  const conllu = textExt(run) === 'conllu';
  const lineNumbers: number[] = [];
  let count = 0;
  async function* records(): AsyncGenerator<string> {
    for await (const doc of nlp.pipe(shardTexts(shard, lineNumbers, onProgress), { batchSize: run.options.batchSize ?? 256 })) {
      const line = lineNumbers.shift()!;
      count++;
      yield conllu ? docConllu(doc, line) : JSON.stringify({ line, ...docRecord(doc) }) + '\n';
    }
  }
  await writeFileAtomic(shardOutput(run, shard.index, textExt(run)), records());
  return count;
}

/** The shards' outputs concatenated in order, as a stream of chunks. */
export async function* concatFiles(files: readonly string[]): AsyncGenerator<Uint8Array> {
  for (const f of files) for await (const chunk of createReadStream(f, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
}
