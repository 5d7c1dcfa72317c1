/**
 * Query suggestions: completions of the last typed word from the sorted term dictionaries, most
 * frequent first, shown in the first-seen surface form.
 */
import { lastCompoundPart, type Analyzer } from './analyzer.js';
import { searchedFields, suggestLimit, type SuggestOptions } from './options.js';
import { NO_MORE_DOCS } from './postings/reader.js';
import type { FieldData, Segment } from './segment.js';

/** A suggestion of `SearchIndex.suggest`. */
export interface Suggestion {
  /** The completed query (earlier words kept, last word completed with a surface form). */
  suggestion: string;
  /** The index term (analyzed form) completing the last word. */
  term: string;
  /** Documents containing the term (summed over fields). */
  df: number;
}

/**
 * Completions of the last word of `prefix` in `seg`'s fields (`options.fields`, default all of
 * `indexed`), most frequent first (document frequency summed over the fields). Candidates come
 * from prefix ranges of the sorted term dictionary (the word and its last three shorter
 * prefixes, since stems can be shorter than the word), never from a scan of all terms. In a
 * field that splits compounds the typed compound's last part is completed.
 * @example suggest(seg, ['title'], (f) => analyzer, 'boundary lay') // [{ suggestion: 'boundary layer', term: 'layer', df: 112 }]
 */
export function suggest(seg: Segment, indexed: readonly string[], analyzer: (field: string) => Analyzer, prefix: string, options: SuggestOptions = {}): Suggestion[] {
  const limit = suggestLimit(options);
  if (options.fields !== undefined) searchedFields(options, indexed); // an unknown field is an error, not an empty answer
  const text = String(prefix ?? '');
  const word = /(\S*)$/.exec(text)![1]!;
  const found = new Map<string, { surface: string; df: number; head: string }>();
  for (const name of options.fields ?? indexed) {
    const f = seg.fields.find((x) => x.name === name);
    if (!f) continue;
    // A field that splits compounds indexes "non-linear" as "non", "linear": complete the last part.
    const part = lastCompoundPart(word, analyzer(name).spec.splitCompounds ?? false);
    const head = text.slice(0, text.length - part.length);
    const last = part.toLowerCase();
    if (!last) continue;
    const stems = new Set([last]);
    for (let k = last.length - 1; k >= Math.max(3, last.length - 3); k--) stems.add(last.slice(0, k));
    const seen = new Set<number>();
    for (const p of stems) {
      for (const t of f.dict.withPrefix(p)) {
        if (seen.has(t)) continue;
        seen.add(t);
        const term = f.dict.terms[t]!;
        const surface = f.surfaces[t] ?? term;
        if (!surface.startsWith(last) && !term.startsWith(last)) continue;
        // Deleted docs still count in postings' df until compact(); a suggestion must not
        // complete a word found only in removed docs, so then count the live docs.
        const df = seg.deleted ? liveDocFreq(f, t, seg.alive) : f.postings.df[t]!;
        if (!df) continue;
        const e = found.get(term);
        if (e) e.df += df;
        else found.set(term, { surface: surface.startsWith(last) ? surface : term, df, head });
      }
    }
  }
  return [...found]
    .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([term, e]) => ({ suggestion: e.head + e.surface, term, df: e.df }));
}

// Live documents in a term's postings (df minus tombstones).
function liveDocFreq(f: FieldData, t: number, alive: Uint8Array): number {
  const c = f.cursor(t, false);
  let n = 0;
  for (let d = c.next(); d !== NO_MORE_DOCS; d = c.next()) if (alive[d] === 1) n++;
  return n;
}
