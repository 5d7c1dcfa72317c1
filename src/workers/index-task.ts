/**
 * The `index` task (`SearchIndex.addAll(docs, { threads })`): builds the analyzers once from the
 * index's saved settings (and warms up the indexing path); then analyzes each slice of texts into a fresh set of fields, sent back
 * packed flat (`search/field-pack.ts`), their buffers transferred.
 */
import type { Analyzer, AnalyzerSpec } from '../search/analyzer.js';
import { savedAnalyzers } from '../search/field-analyzers.js';
import { registerPureBuiltins } from '../components/register-pure.js';
import { registeredComponents, registeredTokenizers } from '../pipeline/registry.js';
import { packBuffers, packField } from '../search/field-pack.js';
import type { IndexSlice, IndexWorkerData } from '../search/parallel-build.js';
import { FieldData, type StringSource } from '../search/segment.js';
import { TextUnpacker } from '../search/slice-text.js';
import { warmUpIndexing } from '../search/index-warmup.js';
import { atItem } from '../parallel/protocol.js';
import type { TaskResult } from '../parallel/worker-host.js';

/** Per indexed field, in order: its name, analyzer and the analyzer's strings. */
export interface IndexWorkerState {
  fields: { name: string; analyzer: Analyzer; strings: StringSource }[];
}

/**
 * Whether building these analyzers needs more than the pure built-ins (`tokenizer`, `whitespace`,
 * `stemmer`): another factory, or `senter`, whose trained model loader only the full set installs.
 */
export function needsAllComponents(specs: Readonly<Record<string, AnalyzerSpec | undefined>>): boolean {
  const tokenizers = new Set(registeredTokenizers());
  const components = new Set(registeredComponents());
  for (const spec of Object.values(specs)) {
    if (!spec) continue;
    const p = spec.pipeline;
    if (!tokenizers.has(p.tokenizer?.factory ?? 'tokenizer')) return true;
    for (const c of p.components ?? []) {
      const f = c.factory ?? c.name;
      if (f === 'senter' || !components.has(f)) return true;
    }
  }
  return false;
}

/** The analyzers of the index being built, from its settings (registering the built-ins they need). */
export async function setup(data: IndexWorkerData): Promise<IndexWorkerState> {
  registerPureBuiltins();
  if (needsAllComponents(data.settings.analyzers)) await import('../components/register.js');
  // The analyzers alone (not a whole index: the worker loads none of the query side).
  const analyzers = await savedAnalyzers(data.settings.fields, data.settings.analyzers);
  warmUpIndexing();
  return {
    fields: data.settings.fields.map((name) => {
      const analyzer = analyzers.get(name)!;
      return { name, analyzer, strings: analyzer.strings };
    }),
  };
}

/** Analyzes one slice (`first`: the input index of its first document) into packed fields. */
export function handle(state: IndexWorkerState, slice: IndexSlice, first: number): TaskResult {
  const count = slice.count;
  const fields = state.fields.map((f) => new FieldData(f.name));
  const texts = slice.fields.map((p) => new TextUnpacker(p));
  for (let d = 0; d < count; d++) {
    for (let i = 0; i < fields.length; i++) {
      const { analyzer, strings } = state.fields[i]!;
      try {
        fields[i]!.addDoc(d, analyzer.analyze(texts[i]!.text(d)), strings);
      } catch (e) {
        throw atItem(e, first + d);
      }
    }
  }
  const packs = fields.map((f) => packField(f, count));
  return { result: packs, transfer: packs.flatMap(packBuffers) };
}
