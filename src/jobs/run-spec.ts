/**
 * What a queue run is: its kind, output directory, shards and the options of its kind. Travels in
 * every job's data (JSON), so any worker on any machine can run any job of the run.
 */
import { join } from 'node:path';
import type { TfidfVectorizerOptions } from '../vectorize/tfidf.js';
import type { JobKind } from './options.js';
import type { Shard } from './shards.js';

/** Options of a run, by kind (the others are ignored). */
export interface KindOptions {
  /** tokenize / tag / match: pipeline name or config path (default `en_core`). */
  pipeline?: string;
  /** tokenize / tag: `jsonl` (default) or `conllu`. */
  format?: 'jsonl' | 'conllu';
  /** tokenize / tag / match: texts per `nlp.pipe` batch (default 256). */
  batchSize?: number;
  /** match: entity-ruler pattern file (JSON lines), as `textloom match --patterns`. */
  patterns?: string;
  /** match: dependency pattern file (JSON lines), as `textloom match --dep-patterns`. */
  depPatterns?: string;
  /** match: token attribute phrase patterns match on (default `ORTH`). */
  attr?: string;
  /** lm-counts: n-gram order (default 3). */
  order?: number;
  /** lm-counts: estimation options of `NgramLM.fromCounts` (plain data). */
  estimate?: { smoothing?: string; minCount?: number; k?: number; alpha?: number; discountFallback?: [number, number, number] };
  /** lm-counts: model file name in the output directory (`model.arpa` default; another extension writes `.tlm`). */
  model?: string;
  /** tfidf: vectorizer options (plain data). */
  tfidf?: TfidfVectorizerOptions;
  /** tfidf: read JSON lines and take the text from this field (default: each line is a document). */
  field?: string;
  /** index: `SearchIndex.create` settings (plain data). */
  index?: Record<string, unknown>;
}

/** A run as its jobs carry it. */
export interface RunSpec {
  runId: string;
  kind: JobKind;
  out: string;
  shards: Shard[];
  options: KindOptions;
}

/** Directory of the shards' outputs inside a run's output directory. */
export function shardDir(run: RunSpec): string {
  return join(run.out, 'shards');
}

/** Output of shard `i` (`ext` without dot; a directory for `index`). */
export function shardOutput(run: RunSpec, i: number, ext: string): string {
  return join(shardDir(run), `${String(i).padStart(5, '0')}.${ext}`);
}
