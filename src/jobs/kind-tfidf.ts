/**
 * The `tfidf` kind: each shard counts its documents' term statistics (`DocumentFrequencies`, one
 * document per line, or a JSON-lines field); the finish step merges them into `df.tldf`, whose
 * `toVectorizer()` has the vocabulary and idf of one fit on all documents.
 */
import { join } from 'node:path';
import { FormatError } from '../core/errors.js';
import { DocumentFrequencies } from '../vectorize/doc-freqs.js';
import { shardOutput, type RunSpec } from './run-spec.js';
import { shardLines } from './shard-input.js';
import type { Shard } from './shards.js';

/**
 * Counts one shard, streaming (`DocumentFrequencies.countStream`: one chunk of documents and the
 * terms seen in memory, whatever the shard's size); returns its number of documents.
 */
export async function runTfidfShard(run: RunSpec, shard: Shard, onProgress: (f: number) => void): Promise<number> {
  const field = run.options.field;
  async function* texts(): AsyncGenerator<string> {
    for await (const [line, n] of shardLines(shard, onProgress)) {
      if (field === undefined) {
        yield line;
        continue;
      }
      if (line.trim() === '') continue;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (e) {
        throw new FormatError(`invalid JSON: ${(e as Error).message}`, { file: shard.file, line: n });
      }
      const text = rec !== null && typeof rec === 'object' ? (rec as Record<string, unknown>)[field] : undefined;
      if (typeof text !== 'string') throw new FormatError(`record has no string field "${field}"`, { file: shard.file, line: n, key: field });
      yield text;
    }
  }
  const df = await DocumentFrequencies.countStream(texts(), run.options.tfidf ?? {});
  df.save(shardOutput(run, shard.index, 'tldf'));
  return df.nDocs;
}

/** Merges the shards' statistics into `df.tldf`; returns its path. */
export function finishTfidf(run: RunSpec): string {
  const merged = DocumentFrequencies.merge(run.shards.map((s) => DocumentFrequencies.load(shardOutput(run, s.index, 'tldf'))));
  const out = join(run.out, 'df.tldf');
  merged.save(out);
  return out;
}
