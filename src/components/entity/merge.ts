/**
 * How the entity sources combine into one `doc.ents` without overlaps. Sources are ranked; a span
 * overlapping a span of a higher rank is dropped, and within one rank the earlier span wins
 * (at equal starts, the longer). The ranks, highest first:
 * 1. entities already on the Doc (e.g. from an `entity_ruler` placed before the recognizer);
 * 2. format types found by rules: EMAIL, URL, HASHTAG, MENTION, EMOJI, EMOTICON;
 * 3. the trained labels (PER, ORG, LOC for the shipped model);
 * 4. numeric and temporal types found by rules: DATE, TIME, DURATION, MONEY, PERCENT, CARDINAL,
 *    ORDINAL, QUANTITY, and any other rule label.
 */
import type { LabeledSpan } from '../../core/iob.js';

/** Rule labels that outrank the trained labels: their format is unambiguous. */
export const FORMAT_LABELS: ReadonlySet<string> = new Set(['EMAIL', 'URL', 'HASHTAG', 'MENTION', 'EMOJI', 'EMOTICON']);

/**
 * Merges span lists given highest rank first into one sorted, non-overlapping list.
 * @example mergeRanked([[{ start: 0, end: 2, label: 'URL' }], [{ start: 1, end: 3, label: 'ORG' }, { start: 4, end: 5, label: 'PER' }]])
 * // [URL 0..2, PER 4..5]
 */
export function mergeRanked(ranks: readonly (readonly LabeledSpan[])[]): LabeledSpan[] {
  const taken: LabeledSpan[] = [];
  const overlaps = (s: LabeledSpan): boolean => taken.some((t) => s.start < t.end && t.start < s.end);
  for (const rank of ranks) {
    const sorted = [...rank].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: LabeledSpan[] = [];
    let lastEnd = -1;
    for (const s of sorted) {
      if (s.start < lastEnd || overlaps(s)) continue;
      kept.push(s);
      lastEnd = s.end;
    }
    taken.push(...kept);
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Splits rule entities into the format rank and the numeric/temporal rank. */
export function splitRuleSpans(spans: readonly LabeledSpan[]): { format: LabeledSpan[]; other: LabeledSpan[] } {
  const format: LabeledSpan[] = [];
  const other: LabeledSpan[] = [];
  for (const s of spans) (FORMAT_LABELS.has(s.label) ? format : other).push(s);
  return { format, other };
}
