import { ArgumentError } from './errors.js';
/** Entity IOB codes stored in a Doc's `entIob` column (spaCy's numbering). */
export const IOB = { UNSET: 0, I: 1, O: 2, B: 3 } as const;

/** Letters for the IOB codes, indexed by code ('' for UNSET). */
export const IOB_NAMES = ['', 'I', 'O', 'B'] as const;

/** The IOB code of a letter (`''` is UNSET), or -1 for any other string. */
export function iobCode(letter: string): number {
  return (IOB_NAMES as readonly string[]).indexOf(letter);
}


/** A labelled token span, end exclusive (as `doc.ents` spans and the scorers use). */
export interface LabeledSpan {
  start: number;
  end: number;
  label: string;
}

/** Splits `B-PER` into its prefix letter and label (`O` and `-` have an empty label). */
function splitTag(tag: string, i: number, scheme: string): [string, string] {
  if (tag === 'O' || tag === '-') return [tag, ''];
  const dash = tag.indexOf('-');
  if (dash !== 1 || tag.length < 3) throw new ArgumentError(`tag ${i} ${JSON.stringify(tag)} is not a ${scheme} tag (O, or a prefix letter, '-', a label)`, { key: `tags[${i}]` });
  return [tag[0]!, tag.slice(2)];
}

/**
 * Converts BILUO tags (spaCy's `B-`, `I-`, `L-` last, `U-` unit, `O`) to spans. A malformed sequence
 * (an `I-`/`L-` that does not continue a `B-` of the same label, a `B-` never closed) is an
 * ArgumentError naming the tag index, as spaCy's `biluo_tags_to_spans` refuses it. `-` (missing) is skipped.
 * @example biluoToSpans(['U-PER', 'O', 'B-LOC', 'L-LOC']) // [{ start: 0, end: 1, label: 'PER' }, { start: 2, end: 4, label: 'LOC' }]
 */
export function biluoToSpans(tags: readonly string[]): LabeledSpan[] {
  const out: LabeledSpan[] = [];
  let open = -1;
  let label = '';
  for (let i = 0; i < tags.length; i++) {
    const [p, l] = splitTag(tags[i]!, i, 'BILUO');
    if (open >= 0 && p !== 'I' && p !== 'L') throw new ArgumentError(`entity opened at ${open} (B-${label}) is not closed by an L- tag before ${tags[i]} at ${i}`, { key: `tags[${i}]` });
    if (p === 'U') out.push({ start: i, end: i + 1, label: l });
    else if (p === 'B') {
      open = i;
      label = l;
    } else if (p === 'I' || p === 'L') {
      if (open < 0 || l !== label) throw new ArgumentError(`${tags[i]} at ${i} does not continue a B-${l}`, { key: `tags[${i}]` });
      if (p === 'L') {
        out.push({ start: open, end: i + 1, label });
        open = -1;
      }
    } else if (p !== 'O' && p !== '-') throw new ArgumentError(`tag ${i} ${JSON.stringify(tags[i])} has prefix ${p}, not one of B, I, L, U`, { key: `tags[${i}]` });
  }
  if (open >= 0) throw new ArgumentError(`entity opened at ${open} (B-${label}) is never closed`, { key: `tags[${open}]` });
  return out;
}

/**
 * Converts spans over `n` tokens to BILUO tags (spaCy's `offsets_to_biluo_tags` on token offsets).
 * Overlapping or out-of-range spans are an ArgumentError naming the span.
 * @example spansToBiluo(4, [{ start: 2, end: 4, label: 'LOC' }]) // ['O', 'O', 'B-LOC', 'L-LOC']
 */
export function spansToBiluo(n: number, spans: readonly LabeledSpan[]): string[] {
  const tags = new Array<string>(n).fill('O');
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  let lastEnd = 0;
  sorted.forEach((s, k) => {
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > n || s.end <= s.start) throw new ArgumentError(`span [${s.start}, ${s.end}) is empty or outside 0..${n}`, { key: `spans[${k}]` });
    if (s.start < lastEnd) throw new ArgumentError(`span [${s.start}, ${s.end}) ${s.label} overlaps the span before it`, { key: `spans[${k}]` });
    lastEnd = s.end;
    if (s.end - s.start === 1) tags[s.start] = `U-${s.label}`;
    else {
      tags[s.start] = `B-${s.label}`;
      for (let i = s.start + 1; i < s.end - 1; i++) tags[i] = `I-${s.label}`;
      tags[s.end - 1] = `L-${s.label}`;
    }
  });
  return tags;
}

/**
 * Reads IOB tags (IOB2 `B-`/`I-`/`O`; also IOB1 and CoNLL-2003 data) as spans, the way conlleval
 * and seqeval count chunks: an `I-X` that follows `O` or another label starts a new entity
 * (a repair, counted in `repairs`). A tag that is none of these is an ArgumentError naming its index.
 * @example iobToSpans(['B-PER', 'I-PER', 'O', 'I-LOC']) // { spans: [PER 0..2, LOC 3..4], repairs: 1 }
 */
export function iobToSpans(tags: readonly string[]): { spans: LabeledSpan[]; repairs: number } {
  const spans: LabeledSpan[] = [];
  let repairs = 0;
  let cur: LabeledSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const [p, l] = splitTag(tags[i]!, i, 'IOB');
    if (p === 'O' || p === '-') {
      cur = null;
      continue;
    }
    if (p !== 'B' && p !== 'I') throw new ArgumentError(`tag ${i} ${JSON.stringify(tags[i])} has prefix ${p}, not B or I`, { key: `tags[${i}]` });
    if (p === 'I' && cur && cur.label === l) {
      cur.end = i + 1;
      continue;
    }
    if (p === 'I') repairs++;
    cur = { start: i, end: i + 1, label: l };
    spans.push(cur);
  }
  return { spans, repairs };
}

/**
 * Converts IOB tags to BILUO (spaCy's `iob_to_biluo`), repairing an `I-` after `O` or another label
 * into the start of a new entity as conlleval does.
 * @example iobToBiluo(['B-PER', 'I-PER', 'O', 'I-LOC']) // ['B-PER', 'L-PER', 'O', 'U-LOC']
 */
export function iobToBiluo(tags: readonly string[]): string[] {
  return spansToBiluo(tags.length, iobToSpans(tags).spans);
}

/**
 * Converts spans over `n` tokens to IOB2 tags.
 * @example spansToIob(3, [{ start: 1, end: 3, label: 'ORG' }]) // ['O', 'B-ORG', 'I-ORG']
 */
export function spansToIob(n: number, spans: readonly LabeledSpan[]): string[] {
  return spansToBiluo(n, spans).map((t) => (t[0] === 'U' ? `B${t.slice(1)}` : t[0] === 'L' ? `I${t.slice(1)}` : t));
}
