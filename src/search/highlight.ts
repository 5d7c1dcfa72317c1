/**
 * Snippets: the best passage of a text for a query, with the matched terms marked. The text is
 * analyzed with the field's analyzer (so offsets are exact); a window of about `fragmentSize`
 * characters is slid over the matches and the one covering the most distinct matched terms wins
 * (then the most matches, then the earliest).
 */
import { ArgumentError } from '../core/errors.js';
import { checkOptionKeys } from '../core/options.js';
import type { Analyzer } from './analyzer.js';
import { fieldText } from './documents.js';

/** Options of highlighting. */
export interface HighlightOptions {
  /** Approximate passage length in characters (default 160). */
  fragmentSize?: number;
  /** Inserted before a match (default `<mark>`). */
  pre?: string;
  /** Inserted after a match (default `</mark>`). */
  post?: string;
  /** Marks a cut at either end of the passage (default `…`). */
  ellipsis?: string;
}

/** Defaults of {@link HighlightOptions}. */
export const HIGHLIGHT_DEFAULTS = Object.freeze({ fragmentSize: 160, pre: '<mark>', post: '</mark>', ellipsis: '…' });

/**
 * Checks highlight options (`fragmentSize` a positive integer, the marks strings); `extra` names
 * other keys the caller accepts beside them. A bad value is an ArgumentError naming `key.option`.
 * @example checkHighlightOptions({ fragmentSize: 80 }, 'highlight')
 */
export function checkHighlightOptions(o: HighlightOptions, key: string, extra: readonly string[] = []): void {
  if (typeof o !== 'object' || o === null) throw new ArgumentError(`${key} must be true, false or an options object`, { key });
  for (const [k, v] of Object.entries(o)) {
    if (k === 'fragmentSize') {
      if (!(Number.isInteger(v) && v > 0)) throw new ArgumentError(`${key}.fragmentSize must be a positive integer, got ${String(v)}`, { key: `${key}.fragmentSize` });
    } else if (k === 'pre' || k === 'post' || k === 'ellipsis') {
      if (typeof v !== 'string') throw new ArgumentError(`${key}.${k} must be a string, got ${JSON.stringify(v)}`, { key: `${key}.${k}` });
    } else checkOptionKeys({ [k]: v }, [...Object.keys(HIGHLIGHT_DEFAULTS), ...extra], { what: key, keyPrefix: key });
  }
}

/** A highlighted passage. */
export interface Highlight {
  /** The field the passage comes from. */
  field: string;
  /** The passage with matches wrapped in `pre`/`post`. */
  snippet: string;
  /** Character range of the passage in the field text. */
  start: number;
  end: number;
  /** Distinct matched terms (analyzed form). */
  terms: string[];
  /** Number of matches in the passage. */
  matches: number;
}

/** Best passage of `text` for the `field\u0000term` keys in `wanted`, or null if nothing matches. */
export function bestPassage(field: string, text: string, analyzer: Analyzer, wanted: ReadonlySet<string>, options: HighlightOptions = {}): Highlight | null {
  const o = { ...HIGHLIGHT_DEFAULTS, ...options };
  const ts = analyzer.analyze(text);
  const strings = analyzer.strings;
  const hits: { s: number; e: number; t: string }[] = [];
  for (let i = 0; i < ts.n; i++) {
    const t = strings.get(ts.terms[i]!);
    if (wanted.has(`${field}\u0000${t}`)) hits.push({ s: ts.starts[i]!, e: ts.ends[i]!, t });
  }
  if (!hits.length) return null;
  let best = { i: 0, j: 1, distinct: 0, count: 0 };
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<string>();
    let j = i;
    while (j < hits.length && hits[j]!.e - hits[i]!.s <= o.fragmentSize) seen.add(hits[j++]!.t);
    if (seen.size > best.distinct || (seen.size === best.distinct && j - i > best.count)) best = { i, j: Math.max(j, i + 1), distinct: seen.size, count: j - i };
  }
  const first = hits[best.i]!;
  const last = hits[best.j - 1]!;
  // Centre the matches in a window of fragmentSize, snapped to whitespace.
  const slack = Math.max(0, o.fragmentSize - (last.e - first.s));
  let start = Math.max(0, first.s - Math.floor(slack / 2));
  let end = Math.min(text.length, last.e + (slack - (first.s - start)));
  if (start > 0) {
    const sp = text.indexOf(' ', start);
    start = sp >= 0 && sp < first.s ? sp + 1 : first.s;
  }
  if (end < text.length) {
    const sp = text.lastIndexOf(' ', end);
    end = sp > last.e ? sp : last.e;
  }
  let snippet = start > 0 ? o.ellipsis : '';
  let p = start;
  const terms = new Set<string>();
  let matches = 0;
  for (const h of hits) {
    if (h.s < start || h.e > end) continue;
    snippet += text.slice(p, h.s) + o.pre + text.slice(h.s, h.e) + o.post;
    p = h.e;
    terms.add(h.t);
    matches++;
  }
  snippet += text.slice(p, end) + (end < text.length ? o.ellipsis : '');
  return { field, snippet, start, end, terms: [...terms], matches };
}

/**
 * The best passage of each of `fields` in `source` (a document or stored fields) for the
 * `field\u0000term` keys in `wanted`; fields that are not indexed (`analyzer` gives undefined) or
 * hold no text are skipped. The text is the one the field was indexed from (arrays and numbers too).
 * @example fieldPassages(stored, ['title', 'text'], (f) => analyzers.get(f), wanted)
 */
export function fieldPassages(source: Record<string, unknown>, fields: readonly string[], analyzer: (field: string) => Analyzer | undefined, wanted: ReadonlySet<string>, options: HighlightOptions = {}): Highlight[] {
  const out: Highlight[] = [];
  for (const f of fields) {
    const text = fieldText(source[f]);
    const a = analyzer(f);
    if (!text || !a) continue;
    const h = bestPassage(f, text, a, wanted, options);
    if (h) out.push(h);
  }
  return out;
}

/** The passage with the most distinct matched terms, then the most matches (the first on a tie), or null. */
export function bestOf(passages: readonly Highlight[]): Highlight | null {
  let best: Highlight | null = null;
  for (const h of passages) if (!best || h.terms.length > best.terms.length || (h.terms.length === best.terms.length && h.matches > best.matches)) best = h;
  return best;
}
