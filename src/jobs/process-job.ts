/**
 * What a worker does with one job: a `shard` job runs its kind on one shard and writes the shard's
 * output atomically; the `finish` job (BullMQ runs it once every shard job has completed) combines
 * the outputs in shard order into the run's final output. Both can run again after a crash and
 * give the same bytes: outputs appear whole or not at all, and `finish` counts a run whose shard
 * outputs are gone but whose final output is there as finished.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TextloomError } from '../core/errors.js';
import { writeFileAtomic } from '../io/atomic.js';
import { load } from '../pipeline/load.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { finishIndex, runIndexShard } from './kind-index.js';
import { finishLm, runLmShard } from './kind-lm.js';
import { finishTfidf, runTfidfShard } from './kind-tfidf.js';
import { runMatchShard } from './kind-match.js';
import { concatFiles, runTextShard, textExt } from './kind-text.js';
import { JOBS_DEFAULTS } from './options.js';
import { shardDir, shardOutput, type RunSpec } from './run-spec.js';
import type { Shard } from './shards.js';

/** The result a shard job returns (stored by BullMQ). */
export interface ShardResult {
  shard: number;
  /** Lines, sentences or documents processed. */
  items: number;
  seconds: number;
}

/** The result of a run's finish job: where the final output is. */
export interface FinishResult {
  output: string;
  seconds: number;
}

/** Loads each pipeline once per worker process. */
export class PipelineCache {
  private readonly cache = new Map<string, Promise<Nlp>>();
  get(name: string): Promise<Nlp> {
    let p = this.cache.get(name);
    if (!p) this.cache.set(name, (p = load(name)));
    return p;
  }
}

/** Runs shard `shard` of `run`. */
export async function processShard(run: RunSpec, shard: Shard, pipelines: PipelineCache, onProgress: (f: number) => void): Promise<ShardResult> {
  const t0 = performance.now();
  let items: number;
  switch (run.kind) {
    case 'tokenize':
    case 'tag': {
      const name = run.options.pipeline ?? (run.kind === 'tag' ? JOBS_DEFAULTS.tagPipeline : JOBS_DEFAULTS.tokenizePipeline);
      items = await runTextShard(run, shard, await pipelines.get(name), onProgress);
      break;
    }
    case 'match':
      items = await runMatchShard(run, shard, await pipelines.get(run.options.pipeline ?? JOBS_DEFAULTS.matchPipeline), onProgress);
      break;
    case 'lm-counts':
      items = await runLmShard(run, shard, onProgress);
      break;
    case 'tfidf':
      items = await runTfidfShard(run, shard, onProgress);
      break;
    case 'index':
      items = await runIndexShard(run, shard, onProgress);
      break;
  }
  return { shard: shard.index, items, seconds: Math.round(performance.now() - t0) / 1000 };
}

/** The final output of a run (a file, or the `index/` directory). */
export function finalOutput(run: RunSpec): string {
  switch (run.kind) {
    case 'tokenize':
    case 'tag':
      return join(run.out, `output.${textExt(run)}`);
    case 'match':
      return join(run.out, 'matches.jsonl');
    case 'lm-counts':
      return join(run.out, run.options.model ?? 'model.arpa');
    case 'tfidf':
      return join(run.out, 'df.tldf');
    case 'index':
      return join(run.out, 'index');
  }
}

/** Combines the shards' outputs (see the module comment), then removes them. */
export async function processFinish(run: RunSpec): Promise<FinishResult> {
  const t0 = performance.now();
  const output = finalOutput(run);
  const ext = run.kind === 'tokenize' || run.kind === 'tag' ? textExt(run) : run.kind === 'match' ? 'jsonl' : run.kind === 'lm-counts' ? 'tlc' : run.kind === 'tfidf' ? 'tldf' : 'idx';
  const complete = run.shards.every((s) => existsSync(shardOutput(run, s.index, ext)));
  if (!complete && existsSync(output)) {
    // A previous attempt wrote the output and was removing the shards when it died.
    rmSync(shardDir(run), { recursive: true, force: true });
    return { output, seconds: 0 };
  }
  switch (run.kind) {
    case 'tokenize':
    case 'tag':
    case 'match':
      await writeFileAtomic(output, concatFiles(run.shards.map((s) => shardOutput(run, s.index, ext))));
      break;
    case 'lm-counts':
      await finishLm(run);
      break;
    case 'tfidf':
      finishTfidf(run);
      break;
    case 'index':
      await finishIndex(run);
      break;
  }
  rmSync(shardDir(run), { recursive: true, force: true });
  return { output, seconds: Math.round(performance.now() - t0) / 1000 };
}

/** Whether an error is the input's fault (retrying cannot help). */
export function isPermanent(e: unknown): boolean {
  return e instanceof TextloomError;
}
