/**
 * The `match` kind: each shard runs a pipeline over its lines and writes one JSON line per match
 * (token/phrase patterns, then dependency patterns), numbered by the line in the input file; the
 * finish step concatenates the shards in order. The bytes are those `textloom match` prints for
 * the file, as both format matches through `components/matcher/match-lines.ts`.
 */
import { writeFileAtomic } from '../io/atomic.js';
import { ArgumentError } from '../core/errors.js';
import { ENTITY_RULER_DEFAULTS } from '../components/matcher/entity-ruler.js';
import { loadDependencyMatcher, loadPatternRuler, matchRecords, requireParsed } from '../components/matcher/match-lines.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { JOBS_DEFAULTS } from './options.js';
import { shardOutput, type RunSpec } from './run-spec.js';
import { shardTexts } from './shard-input.js';
import type { Shard } from './shards.js';

/** Runs one shard; returns the number of lines. */
export async function runMatchShard(run: RunSpec, shard: Shard, nlp: Nlp, onProgress: (f: number) => void): Promise<number> {
  const { patterns, depPatterns } = run.options;
  if (patterns === undefined && depPatterns === undefined) throw new ArgumentError('a match run needs patterns or depPatterns (or both)', { key: 'patterns' });
  const attr = (run.options.attr ?? ENTITY_RULER_DEFAULTS.phraseMatcherAttr).toUpperCase();
  const ruler = patterns === undefined ? null : await loadPatternRuler(patterns, nlp, attr);
  const depMatcher = depPatterns === undefined ? null : await loadDependencyMatcher(depPatterns, nlp.vocab);
  const pipeline = run.options.pipeline ?? JOBS_DEFAULTS.matchPipeline;
  const lineNumbers: number[] = [];
  let count = 0;
  async function* records(): AsyncGenerator<string> {
    const out: string[] = [];
    for await (const doc of nlp.pipe(shardTexts(shard, lineNumbers, onProgress), { batchSize: run.options.batchSize ?? 256 })) {
      const line = lineNumbers.shift()!;
      count++;
      if (depMatcher) requireParsed(doc, line, pipeline, 'depPatterns');
      if (matchRecords(doc, line, ruler, depMatcher, out) > 0 && out.length >= 1024) yield out.splice(0).join('\n') + '\n';
    }
    if (out.length) yield out.join('\n') + '\n';
  }
  await writeFileAtomic(shardOutput(run, shard.index, 'jsonl'), records());
  return count;
}
