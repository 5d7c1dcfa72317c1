/**
 * Merging saved indexes into one (Node: the file system). Each input's manifest settings are
 * checked against the first's before any data file is read; the segments are merged by
 * `merge.ts` (deleted docs dropped, live docs renumbered in input order) and the result is
 * committed to the output directory as one save: files first, then an atomic manifest swap, so a
 * crash leaves either no index or the whole merged one there.
 */
import { ArgumentError, ConfigError, IncompatibleError } from '../core/errors.js';
import type { AnalyzerSpec } from './analyzer.js';
import { mergeSegments } from './merge.js';
import { withDefaults } from './options.js';
import { openIndex, saveIndex } from './persist-files.js';
import type { SavedIndex, SavedSettings } from './persist.js';

/** What {@link mergeIndexes} reports. */
export interface MergeReport {
  /** Live documents in the merged index. */
  documents: number;
  /** Deleted documents dropped from the inputs. */
  dropped: number;
  /** The inputs, in merge order. */
  inputs: string[];
  /** The output directory. */
  out: string;
}

/**
 * Merges saved indexes into one index saved in `out` (which may be one of the inputs; an index
 * already there is replaced atomically). The inputs must share fields (in order), id field,
 * stored fields, boosts, similarity, vector field and each field's analyzer (language
 * included), or an IncompatibleError names the setting and the input. Documents keep the input
 * order (all of `inputs[0]`'s live documents, then `inputs[1]`'s, ...), deleted ones are
 * dropped, and an id live in two inputs is an ArgumentError. The merged index scores every
 * query as one index built from the same documents in that order would.
 * @example await mergeIndexes(['shard-0', 'shard-1'], 'merged'); // → { documents, dropped, inputs, out }
 */
export async function mergeIndexes(inputs: readonly string[], out: string): Promise<MergeReport> {
  if (!Array.isArray(inputs) || inputs.length === 0) throw new ArgumentError('mergeIndexes needs at least one input index directory', { key: 'inputs' });
  inputs.forEach((p, i) => {
    if (typeof p !== 'string' || !p) throw new ArgumentError(`inputs[${i}] must be a directory path`, { key: `inputs[${i}]` });
  });
  if (typeof out !== 'string' || !out) throw new ArgumentError('mergeIndexes needs an output directory', { key: 'out' });
  const saved = inputs.map((dir) => openIndex(dir));
  const settings = checkCompatible(saved, inputs);
  const segments = saved.map((s) => s.readSegment());
  const dropped = segments.reduce((n, s) => n + s.deleted, 0);
  const merged = mergeSegments(segments, inputs);
  saveIndex(out, merged, settings);
  return { documents: merged.liveCount, dropped, inputs: [...inputs], out };
}

// Sorted-key JSON: two settings objects are equal when these strings are.
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
}

/** The settings every input shares (defaults filled in), or an IncompatibleError naming the first that differs. */
export function checkCompatible(saved: readonly SavedIndex[], names: readonly string[]): SavedSettings {
  const full = saved.map((s, i) => {
    const { fields, idField, storeFields, boosts, similarity, analyzers, vectorField } = s.settings;
    for (const f of fields) if (!analyzers[f]) throw new ConfigError(`the index has no analyzer spec for field "${f}" (saved by an older version): load it and save it again before merging`, { file: names[i]!, key: `analyzers.${f}` });
    const o = withDefaults({ fields, idField, ...(storeFields ? { storeFields } : {}), ...(boosts ? { boosts } : {}), ...(similarity ? { similarity } : {}), ...(vectorField !== undefined ? { vectorField } : {}) });
    return { ...o, analyzers: analyzers as Record<string, AnalyzerSpec> };
  });
  const first = full[0]!;
  for (let i = 1; i < full.length; i++) {
    const s = full[i]!;
    const differ = (key: string, a: unknown, b: unknown, what: string): void => {
      if (canonical(a) !== canonical(b)) throw new IncompatibleError(`cannot merge: ${what} ${canonical(b)} differs from ${canonical(a)} in ${names[0]}`, { file: names[i]!, key });
    };
    differ('fields', first.fields, s.fields, 'the indexed fields');
    differ('idField', first.idField, s.idField, 'the id field');
    for (const f of first.fields) {
      differ(`analyzers.${f}.language`, first.analyzers[f]!.language ?? null, s.analyzers[f]!.language ?? null, `the language of field "${f}"`);
      differ(`analyzers.${f}`, first.analyzers[f], s.analyzers[f], `the analyzer of field "${f}"`);
    }
    differ('storeFields', first.storeFields, s.storeFields, 'the stored fields');
    differ('boosts', first.boosts, s.boosts, 'the field boosts');
    differ('similarity', first.similarity, s.similarity, 'the similarity');
    differ('vectorField', first.vectorField ?? null, s.vectorField ?? null, 'the vector field');
  }
  return first;
}
