/**
 * The plain data each renderer draws (displaCy's "manual" formats), and their extraction from a
 * Doc. Renderers take either a Doc or this data, so gold annotations (a CoNLL-U file, an IOB
 * file) and hand-made examples render the same way as a pipeline's output.
 */
import { ArgumentError } from '../core/errors.js';
import type { Doc } from '../core/doc.js';
import type { Span } from '../core/span.js';

/** An entity (or any labelled range) by character offsets: [start, end) in `text`. */
export interface CharSpan {
  start: number;
  end: number;
  label: string;
}

/** Text with labelled character ranges: the input of the `ent` style. */
export interface EntData {
  text: string;
  ents: readonly CharSpan[];
  /** Heading shown above the text. */
  title?: string;
}

/** A dependency arc between words `start` < `end`; `dir` says which end is the dependent. */
export interface DepArc {
  start: number;
  end: number;
  label: string;
  /** 'left': the arrow points at `start` (the dependent is on the left); 'right': at `end`. */
  dir: 'left' | 'right';
}

/** Words with tags and arcs: the input of the `dep` style (one sentence). */
export interface DepData {
  words: readonly { text: string; tag?: string; lemma?: string }[];
  arcs: readonly DepArc[];
  title?: string;
}

/** A labelled token range [start, end) (end exclusive). */
export interface TokenSpan {
  start: number;
  end: number;
  label: string;
}

/** Tokens with possibly overlapping labelled ranges: the input of the `span` style. */
export interface SpanData {
  tokens: readonly string[];
  /** Whether a space follows each token (default: all true). */
  spaces?: readonly boolean[];
  spans: readonly TokenSpan[];
  title?: string;
}

/** The entities of a Doc as {@link EntData}. */
export function entData(doc: Doc, title?: string): EntData {
  return { text: doc.text, ents: doc.ents.map((e) => ({ start: e.startChar, end: e.endChar, label: e.label })), title };
}

/** Options of {@link depData}. */
export interface DepDataOptions {
  /** Show the fine-grained tag (Penn) instead of the universal POS (default false). */
  fineGrained?: boolean;
  /** Show lemmas under the words (default false). */
  lemmas?: boolean;
}

/**
 * One {@link DepData} per sentence of a Doc, from its `head` and `dep` columns (a parser's output or
 * gold trees read from CoNLL-U). Arcs crossing a sentence boundary are dropped.
 */
export function depData(doc: Doc, options: DepDataOptions = {}, title?: string): DepData[] {
  const out: DepData[] = [];
  for (const sent of doc.sents) {
    const words = [];
    const arcs: DepArc[] = [];
    for (let i = sent.start; i < sent.end; i++) {
      const t = doc.token(i);
      words.push({ text: t.text, tag: options.fineGrained ? t.tag : t.pos, lemma: options.lemmas ? t.lemma : undefined });
      const h = i + doc.head[i]!;
      if (h === i || h < sent.start || h >= sent.end) continue;
      arcs.push({ start: Math.min(i, h) - sent.start, end: Math.max(i, h) - sent.start, label: t.dep, dir: i < h ? 'left' : 'right' });
    }
    out.push({ words, arcs, title: out.length === 0 ? title : undefined });
  }
  return out;
}

/** A Doc's tokens with the given spans (matcher results, entities) as {@link SpanData}. */
export function spanData(doc: Doc, spans: readonly (Span | TokenSpan)[], title?: string): SpanData {
  const tokens: string[] = [];
  const spaces: boolean[] = [];
  for (let i = 0; i < doc.length; i++) {
    tokens.push(doc.token(i).text);
    spaces.push(doc.spaceAfter[i] === 1);
  }
  return { tokens, spaces, spans: spans.map((s) => ({ start: s.start, end: s.end, label: s.label })), title };
}

/** Throws unless `x` is a whole number in [lo, hi]. */
function checkIndex(x: unknown, lo: number, hi: number, key: string): void {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi) throw new ArgumentError(`${key} must be an integer in [${lo}, ${hi}], got ${JSON.stringify(x)}`, { key });
}

/** Checks and sorts entity ranges: inside the text, non-empty, labelled, not overlapping. */
export function checkEntData(d: EntData, key = 'ents'): CharSpan[] {
  if (typeof d?.text !== 'string' || !Array.isArray(d.ents)) throw new ArgumentError(`${key}: expected { text: string, ents: [...] }`, { key });
  const ents = [...d.ents].sort((a, b) => a.start - b.start || a.end - b.end);
  ents.forEach((e, k) => {
    checkIndex(e.start, 0, d.text.length, `${key}[${k}].start`);
    checkIndex(e.end, e.start + 1, d.text.length, `${key}[${k}].end`);
    if (typeof e.label !== 'string') throw new ArgumentError(`${key}[${k}].label must be a string`, { key: `${key}[${k}].label` });
    if (k > 0 && e.start < ents[k - 1]!.end) throw new ArgumentError(`${key}: ranges [${ents[k - 1]!.start}, ${ents[k - 1]!.end}) and [${e.start}, ${e.end}) overlap`, { key });
  });
  return ents;
}

/** Checks arcs against the words: indices in range, start < end, a direction. */
export function checkDepData(d: DepData, key = 'arcs'): void {
  if (!Array.isArray(d?.words) || !Array.isArray(d.arcs)) throw new ArgumentError(`${key}: expected { words: [...], arcs: [...] }`, { key });
  const n = d.words.length;
  d.arcs.forEach((a, k) => {
    checkIndex(a.start, 0, n - 1, `${key}[${k}].start`);
    checkIndex(a.end, a.start + 1, n - 1, `${key}[${k}].end`);
    if (a.dir !== 'left' && a.dir !== 'right') throw new ArgumentError(`${key}[${k}].dir must be 'left' or 'right'`, { key: `${key}[${k}].dir` });
  });
}

/** Checks span ranges against the tokens. */
export function checkSpanData(d: SpanData, key = 'spans'): void {
  if (!Array.isArray(d?.tokens) || !Array.isArray(d.spans)) throw new ArgumentError(`${key}: expected { tokens: [...], spans: [...] }`, { key });
  if (d.spaces !== undefined && d.spaces.length !== d.tokens.length) throw new ArgumentError(`${key}: spaces has ${d.spaces.length} items but tokens has ${d.tokens.length}`, { key: 'spaces' });
  d.spans.forEach((s, k) => {
    checkIndex(s.start, 0, d.tokens.length - 1, `${key}[${k}].start`);
    checkIndex(s.end, s.start + 1, d.tokens.length, `${key}[${k}].end`);
  });
}
