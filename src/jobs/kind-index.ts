/**
 * The `index` kind: each shard indexes its JSON-lines documents into an index of its own; the
 * finish step merges them in shard order (`mergeIndexes`, a Lucene-style segment merge) into
 * `index/`, which scores every query as `textloom index build` over the whole input does.
 */
import { join } from 'node:path';
import { jsonlRecords } from '../io/jsonl.js';
import { mergeIndexes } from '../search/merge-indexes.js';
import { SearchIndex } from '../search/search-index.js';
import { shardOutput, type RunSpec } from './run-spec.js';
import { shardLines } from './shard-input.js';
import type { Shard } from './shards.js';

/** Indexes one shard; returns its number of documents. */
export async function runIndexShard(run: RunSpec, shard: Shard, onProgress: (f: number) => void): Promise<number> {
  const index = await SearchIndex.create((run.options.index ?? {}) as never);
  async function* records(): AsyncGenerator<Record<string, unknown>> {
    for await (const [rec] of jsonlRecords<Record<string, unknown>>(shardLines(shard, onProgress), shard.file)) yield rec;
  }
  await index.addAll(records());
  await index.save(shardOutput(run, shard.index, 'idx'));
  return index.documentCount;
}

/** Merges the shards' indexes into `index/`; returns its path. */
export async function finishIndex(run: RunSpec): Promise<string> {
  const out = join(run.out, 'index');
  await mergeIndexes(
    run.shards.map((s) => shardOutput(run, s.index, 'idx')),
    out,
  );
  return out;
}
