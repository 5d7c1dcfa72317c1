/**
 * The `lm-counts` kind: each shard counts its n-grams (`NgramCounts`, one sentence per line split on
 * whitespace, as `lm train` reads its input); the finish step merges the counts in shard order and
 * estimates once, so the model is byte for byte the one `textloom lm train` writes for the text.
 */
import { join } from 'node:path';
import { NgramLM, LM_DEFAULTS, type TrainOptions } from '../lm/model.js';
import { NgramCounts } from '../lm/ngram-counts.js';
import { shardOutput, type RunSpec } from './run-spec.js';
import { shardLines } from './shard-input.js';
import type { Shard } from './shards.js';

const WS = /\s+/;

/** Counts one shard; returns its number of sentences. */
export async function runLmShard(run: RunSpec, shard: Shard, onProgress: (f: number) => void): Promise<number> {
  async function* sentences(): AsyncGenerator<string[]> {
    for await (const [line] of shardLines(shard, onProgress)) {
      const t = line.trim();
      yield t ? t.split(WS) : [];
    }
  }
  const counts = await NgramCounts.count(sentences(), { order: run.options.order ?? LM_DEFAULTS.order });
  counts.save(shardOutput(run, shard.index, 'tlc'));
  return counts.sentences;
}

/** Merges the shards' counts and writes the model; returns its path. */
export async function finishLm(run: RunSpec): Promise<string> {
  const shards = run.shards.map((s) => NgramCounts.load(shardOutput(run, s.index, 'tlc')));
  const lm = NgramLM.fromCounts(shards, (run.options.estimate ?? {}) as Omit<TrainOptions, 'order'>);
  const out = join(run.out, run.options.model ?? 'model.arpa');
  if (/\.arpa$/i.test(out)) await lm.toARPA(out);
  else lm.save(out);
  return out;
}
