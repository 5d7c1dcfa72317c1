/**
 * The CoNLL 2018 shared task's alignment of system words to gold words (as its evaluation script
 * `conll18_ud_eval.py` does it), as a pure function over plain arrays.
 *
 * Both sides describe the same character sequence: offsets must be in one coordinate system,
 * which the shared task takes to be the text with whitespace removed (see
 * {@link nonSpaceOffsets}); raw offsets into one common text work as well. Words that are not
 * inside a multiword token are aligned when their character spans are equal. Inside a stretch
 * of text touched by a multiword token on either side, words are aligned by the longest common
 * subsequence of their (lower-cased) forms, so `don't` → `do` `n't` aligns with a system that
 * produced `do` `n't` as words of its own token or of a multiword token.
 *
 * Scores (the script's Tokens, Words and Sentences rows): tokens and sentences count exact
 * character-span matches; words count aligned words. Parser and tagger scores are computed on
 * top of the word mapping (see `eval/parsing.ts`).
 */
import { ArgumentError } from '../core/errors.js';
import { prf } from './prf.js';

/** One syntactic word as {@link alignWords} reads it. */
export interface AlignWord {
  /** First character offset (for a word of a multiword token, the token's span is used instead). */
  start: number;
  /** One past the last character offset. */
  end: number;
  /** The word form (compared case-insensitively inside multiword stretches). */
  form: string;
  /** Index into the side's `multiwords` of the multiword token holding this word, or -1. */
  mwt: number;
}

/** A character span [start, end). */
export interface CharSpan {
  start: number;
  end: number;
}

/** One side (gold or system) of an alignment. */
export interface AlignSide {
  /** Words in text order. */
  words: readonly AlignWord[];
  /** Multiword tokens' character spans (the surface token); `AlignWord.mwt` indexes this. */
  multiwords?: readonly CharSpan[];
  /** Sentence character spans (optional; without them on both sides the Sentences row is null). */
  sentences?: readonly CharSpan[];
}

/** One row of the shared task's table: counts and P/R/F1 (0 where undefined). */
export interface AlignCounts {
  /** Gold items. */
  gold: number;
  /** System items. */
  system: number;
  /** Correct items (exact span matches, or aligned words). */
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Result of {@link alignWords}. */
export interface WordAlignment {
  /** For each gold word, the index of its aligned system word, or -1. */
  goldToSystem: Int32Array;
  /** For each system word, the index of its aligned gold word, or -1. */
  systemToGold: Int32Array;
  /** Number of aligned word pairs. */
  aligned: number;
  /** Tokens row: surface tokens (multiword tokens and words outside them) with equal spans. */
  tokens: AlignCounts;
  /** Words row: aligned words. */
  words: AlignCounts;
  /** Sentences row: sentences with equal spans (null unless both sides give sentences). */
  sentences: AlignCounts | null;
}

/** Counts to an {@link AlignCounts} row. */
export function alignCounts(gold: number, system: number, correct: number): AlignCounts {
  return { gold, system, correct, ...prf(correct, system, gold) };
}

/**
 * Maps each character offset of `text` to its offset in the text with whitespace removed (the
 * shared task's coordinates), with one extra entry for `text.length`. A whitespace character maps
 * to the offset of the next non-whitespace one, so a span's start and end convert with one lookup.
 * @example nonSpaceOffsets('a b')  // Int32Array [0, 1, 1, 2]
 */
export function nonSpaceOffsets(text: string): Int32Array {
  const out = new Int32Array(text.length + 1);
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    out[i] = k;
    if (!isSpace(text.charCodeAt(i))) k++;
  }
  out[text.length] = k;
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Internal flat view of one side: spans (token span for words in a multiword token) and flags. */
interface Flat {
  n: number;
  start: Int32Array;
  end: Int32Array;
  multi: Uint8Array;
  forms: string[];
}

function flatten(side: AlignSide, name: string): Flat {
  const words = side.words;
  const mwts = side.multiwords ?? [];
  const n = words.length;
  const f: Flat = { n, start: new Int32Array(n), end: new Int32Array(n), multi: new Uint8Array(n), forms: new Array<string>(n) };
  let prev = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    let s = w.start;
    let e = w.end;
    if (w.mwt >= 0) {
      const m = mwts[w.mwt];
      if (!m) throw new ArgumentError(`${name} word ${i} names multiword token ${w.mwt}, but there are ${mwts.length}`, { key: `${name}.words[${i}].mwt` });
      s = m.start;
      e = m.end;
      f.multi[i] = 1;
    }
    if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e < s) {
      throw new ArgumentError(`${name} word ${i} has a bad span [${s}, ${e})`, { key: `${name}.words[${i}]` });
    }
    if (s < prev) throw new ArgumentError(`${name} words are not in text order at word ${i} (start ${s} < ${prev})`, { key: `${name}.words[${i}].start` });
    prev = s;
    f.start[i] = s;
    f.end[i] = e;
    f.forms[i] = w.form.toLowerCase();
  }
  return f;
}

// The script's _beyond_end: word i lies past the current multiword stretch ending at `end`.
function beyondEnd(f: Flat, i: number, end: number): boolean {
  if (i >= f.n) return true;
  return f.multi[i] ? f.start[i]! >= end : f.end[i]! > end;
}

// The script's _extend_end: only a multiword token can stretch the end.
function extendEnd(f: Flat, i: number, end: number): number {
  return f.multi[i] && f.end[i]! > end ? f.end[i]! : end;
}

/**
 * Aligns system words to gold words exactly as the CoNLL 2018 shared task's evaluation script
 * does, and scores tokens, words and (if given) sentences.
 *
 * Words must be in text order on each side. A word inside a multiword token (`mwt >= 0`) takes
 * its token's span from `multiwords`. Spans on both sides must index one character sequence
 * (whitespace-free offsets from {@link nonSpaceOffsets}, as the shared task, or offsets into one
 * shared text).
 * @example
 * const gold = { words: [{ start: 0, end: 2, form: 'do', mwt: 0 }, { start: 0, end: 5, form: "n't", mwt: 0 }], multiwords: [{ start: 0, end: 5 }] };
 * const sys = { words: [{ start: 0, end: 2, form: 'do', mwt: -1 }, { start: 2, end: 5, form: "n't", mwt: -1 }] };
 * alignWords(gold, sys).goldToSystem // Int32Array [0, 1]
 */
export function alignWords(gold: AlignSide, system: AlignSide): WordAlignment {
  const g = flatten(gold, 'gold');
  const s = flatten(system, 'system');
  const goldToSystem = new Int32Array(g.n).fill(-1);
  const systemToGold = new Int32Array(s.n).fill(-1);
  let aligned = 0;
  const link = (gw: number, sw: number) => {
    goldToSystem[gw] = sw;
    systemToGold[sw] = gw;
    aligned++;
  };
  let gi = 0;
  let si = 0;
  while (gi < g.n && si < s.n) {
    if (g.multi[gi] || s.multi[si]) {
      // Find the minimal stretch around the multiword token(s) (the script's find_multiword_span).
      let end: number;
      if (g.multi[gi]) {
        end = g.end[gi]!;
        if (!s.multi[si] && s.start[si]! < g.start[gi]!) si++;
      } else {
        end = s.end[si]!;
        if (!g.multi[gi] && g.start[gi]! < s.start[si]!) gi++;
      }
      const gs = gi;
      const ss = si;
      while (!beyondEnd(g, gi, end) || !beyondEnd(s, si, end)) {
        if (gi < g.n && (si >= s.n || g.start[gi]! <= s.start[si]!)) {
          end = extendEnd(g, gi, end);
          gi++;
        } else {
          end = extendEnd(s, si, end);
          si++;
        }
      }
      if (gi > gs && si > ss) alignByLcs(g, s, gs, gi, ss, si, link);
    } else if (g.start[gi] === s.start[si] && g.end[gi] === s.end[si]) {
      link(gi++, si++);
    } else if (g.start[gi]! <= s.start[si]!) gi++;
    else si++;
  }
  return {
    goldToSystem,
    systemToGold,
    aligned,
    tokens: spanScore(surfaceSpans(gold, g), surfaceSpans(system, s)),
    words: alignCounts(g.n, s.n, aligned),
    sentences: gold.sentences && system.sentences ? spanScore(sentenceSpans(gold.sentences), sentenceSpans(system.sentences)) : null,
  };
}

// Aligns gold words [gs, ge) with system words [ss, se) along a longest common subsequence of
// their forms, walking the table from the front as the script does.
function alignByLcs(g: Flat, s: Flat, gs: number, ge: number, ss: number, se: number, link: (gw: number, sw: number) => void): void {
  const rows = ge - gs;
  const cols = se - ss;
  const w = cols + 1;
  const lcs = new Int32Array((rows + 1) * w);
  for (let a = rows - 1; a >= 0; a--) {
    for (let b = cols - 1; b >= 0; b--) {
      let v = g.forms[gs + a] === s.forms[ss + b] ? 1 + lcs[(a + 1) * w + b + 1]! : 0;
      const down = lcs[(a + 1) * w + b]!;
      const right = lcs[a * w + b + 1]!;
      if (down > v) v = down;
      if (right > v) v = right;
      lcs[a * w + b] = v;
    }
  }
  let a = 0;
  let b = 0;
  while (a < rows && b < cols) {
    if (g.forms[gs + a] === s.forms[ss + b]) {
      link(gs + a, ss + b);
      a++;
      b++;
    } else if (lcs[a * w + b] === lcs[(a + 1) * w + b]) a++;
    else b++;
  }
}

// Surface tokens as flat [start, end, ...]: each multiword token once, and every other word.
function surfaceSpans(side: AlignSide, f: Flat): Int32Array {
  const out: number[] = [];
  let lastMwt = -1;
  for (let i = 0; i < f.n; i++) {
    const m = side.words[i]!.mwt;
    if (m >= 0) {
      if (m === lastMwt) continue;
      lastMwt = m;
    }
    out.push(f.start[i]!, f.end[i]!);
  }
  return Int32Array.from(out);
}

function sentenceSpans(spans: readonly CharSpan[]): Int32Array {
  const out = new Int32Array(spans.length * 2);
  spans.forEach((x, i) => {
    out[2 * i] = x.start;
    out[2 * i + 1] = x.end;
  });
  return out;
}

// The script's spans_score: walk both sorted lists; equal starts are correct when the ends agree.
function spanScore(gold: Int32Array, system: Int32Array): AlignCounts {
  let correct = 0;
  let gi = 0;
  let si = 0;
  while (gi < gold.length && si < system.length) {
    if (system[si]! < gold[gi]!) si += 2;
    else if (gold[gi]! < system[si]!) gi += 2;
    else {
      if (gold[gi + 1] === system[si + 1]) correct++;
      gi += 2;
      si += 2;
    }
  }
  return alignCounts(gold.length / 2, system.length / 2, correct);
}
