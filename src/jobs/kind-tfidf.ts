/**
 * The `tfidf` kind: each shard counts its documents' term statistics (`DocumentFrequencies`, one
 * document per line, or a JSON-lines field); the finish step merges them into `df.tldf`, whose
 * `toVectorizer()` has the vocabulary and idf of one fit on all documents.
 */
import { join } from 'node:path';
import { jsonlTexts } from '../io/jsonl.js';
import { DocumentFrequencies } from '../vectorize/doc-freqs.js';
import { shardOutput, type RunSpec } from './run-spec.js';
import { shardLines } from './shard-input.js';
import type { Shard } from './shards.js';

/**
 * Counts one shard, streaming (`DocumentFrequencies.countStream`: one chunk of documents and the
 * terms seen in memory, whatever the shard's size); returns its number of documents.
 */
export async function runTfidfShard(run: RunSpec, shard: Shard, onProgress: (f: number) => void): Promise<number> {
  async function* texts(): AsyncGenerator<string> {
    for await (const [text] of jsonlTexts(shardLines(shard, onProgress), shard.file, run.options.field)) yield text;
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
