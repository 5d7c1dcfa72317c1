/**
 * CoNLL-U validation at the level of the UD validator's levels 1 and 2: every line is UTF-8 without
 * NUL bytes and has 10 tab-separated columns, word ids run 1, 2, 3... in each sentence, multiword
 * ranges lie inside the sentence, come before their first word and do not overlap, FORM is not
 * empty, HEAD is an id of the sentence (or 0) and not the word itself, and when the heads are given
 * they form one tree: exactly one root, no cycle.
 *
 * Strict (the default), the first problem is a {@link FormatError} naming file and line. With
 * `lenient`, each problem is repaired the way a trainer can live with (see {@link ConlluRepairKind})
 * and counted in a {@link ConlluRepairs}, which the caller prints as one warning.
 */
import { FormatError } from '../core/errors.js';

/** The kinds of repair the lenient reader makes, each with what it does. */
export const CONLLU_REPAIR_KINDS = Object.freeze({
  'nul-byte': 'NUL bytes removed',
  'invalid-utf8': 'bytes that are not UTF-8 read as U+FFFD',
  columns: 'lines with the wrong number of columns padded with _ or cut to 10',
  'bad-line': 'lines with a malformed id dropped',
  'word-id': 'sentences with word ids out of sequence renumbered',
  'empty-form': 'empty FORM set to _',
  'bad-range': 'multiword ranges past the sentence, misplaced or overlapping dropped',
  'bad-head': 'HEAD values out of range, malformed or pointing at the word itself reattached to the root',
  'partial-heads': 'sentences where only some words have a HEAD: heads removed',
  roots: 'sentences with no root or several roots given one root',
  cycle: 'words in a HEAD cycle reattached to the root',
  'empty-sentence': 'sentences without word lines dropped',
});

/** One kind of repair; see {@link CONLLU_REPAIR_KINDS}. */
export type ConlluRepairKind = keyof typeof CONLLU_REPAIR_KINDS;

/** Counts of the repairs a lenient read made, by kind. */
export class ConlluRepairs {
  /** Repairs made, by kind (kinds with none are absent). */
  readonly counts: Partial<Record<ConlluRepairKind, number>> = {};

  /** Counts one repair of `kind`. */
  add(kind: ConlluRepairKind, n = 1): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + n;
  }

  /** Total repairs. */
  get total(): number {
    let t = 0;
    for (const v of Object.values(this.counts)) t += v;
    return t;
  }

  /**
   * One line for a warning: `3 repairs: 2 empty-form, 1 bad-head`, or '' when none.
   * @example `warning: ${file}: ${repairs.summary()}`
   */
  summary(): string {
    const total = this.total;
    if (total === 0) return '';
    const parts = Object.entries(this.counts).map(([k, v]) => `${v} ${k}`);
    return `${total} repair${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
  }
}

/** Options of the CoNLL-U readers. */
export interface ConlluReadOptions {
  /**
   * Repair malformed lines and sentences instead of refusing the file (default false). Repairs
   * are counted in `repairs`.
   */
  lenient?: boolean;
  /** Receives the repair counts of a lenient read (default: a new, unseen counter). */
  repairs?: ConlluRepairs;
}

/** The part of a sentence the checks need (the reader's `ConlluSentence` has it). */
interface CheckedSentence {
  words: { id: number; form: string; head: number }[];
  multiwords: { first: number; last: number }[];
}

/**
 * The checks of one file, fed line by line by the reader: {@link line} cleans a line before it is
 * split, {@link word} checks a word line's id, FORM and HEAD column, and {@link sentence} checks a
 * finished sentence's ranges and tree.
 */
export class ConlluValidator {
  readonly lenient: boolean;
  readonly repairs: ConlluRepairs;
  /** Line number of each word of the current sentence, and of each multiword range. */
  private wordLines: number[] = [];
  private rangeLines: number[] = [];
  private renumbered = false;

  constructor(
    private readonly file: string,
    options: ConlluReadOptions = {},
  ) {
    this.lenient = options.lenient === true;
    this.repairs = options.repairs ?? new ConlluRepairs();
  }

  private fail(message: string, line: number): never {
    throw new FormatError(message, { file: this.file, line });
  }

  /** Checks a line's characters (any line, comments too); returns it cleaned. */
  text(line: string, n: number): string {
    let text = line;
    if (text.includes('\0')) {
      if (!this.lenient) this.fail('NUL byte in a CoNLL-U line', n);
      this.repairs.add('nul-byte');
      text = text.replaceAll('\0', '');
    }
    // A U+FFFD is not refused: released treebanks contain it as a character (es_gsd dev does).
    return text;
  }

  /** Splits a word, range or empty-node line into its 10 columns (repaired when lenient). */
  columns(text: string, n: number): string[] {
    const cols = text.split('\t');
    if (cols.length === 10) return cols;
    if (!this.lenient) this.fail(`expected 10 tab-separated columns, got ${cols.length}`, n);
    this.repairs.add('columns');
    if (cols.length > 10) return cols.slice(0, 10);
    while (cols.length < 10) cols.push('_');
    return cols;
  }

  /** A line whose id column cannot be read: refused, or dropped when lenient. */
  badLine(message: string, n: number): null {
    if (!this.lenient) this.fail(message, n);
    this.repairs.add('bad-line');
    return null;
  }

  /** Notes a multiword range line (checked with the sentence). */
  range(n: number): void {
    this.rangeLines.push(n);
  }

  /**
   * Checks a word line: its id against the expected one, FORM and the HEAD column. Returns the id,
   * FORM and head to store (repaired when lenient).
   */
  word(id: number, expected: number, form: string, headCol: string, n: number): { id: number; form: string; head: number } {
    this.wordLines.push(n);
    if (id !== expected) {
      if (!this.lenient) this.fail(`word id ${id} out of sequence (expected ${expected})`, n);
      if (!this.renumbered) this.repairs.add('word-id');
      this.renumbered = true;
    }
    if (form === '') {
      if (!this.lenient) this.fail('empty FORM column', n);
      this.repairs.add('empty-form');
      form = '_';
    }
    let head = headCol === '_' ? -1 : /^\d+$/.test(headCol) ? Number(headCol) : NaN;
    if (!Number.isSafeInteger(head)) {
      if (!this.lenient) this.fail(`bad head "${headCol}"`, n);
      this.repairs.add('bad-head');
      head = -2; // reattached to the root in sentence()
    }
    return { id: expected, form, head };
  }

  /**
   * Checks a finished sentence (starting at line `start`): multiword ranges and the HEAD tree.
   * Lenient, repairs `s` in place. Returns false when the sentence is to be dropped.
   */
  sentence(s: CheckedSentence, start: number, end: number): boolean {
    const wordLines = this.wordLines;
    const rangeLines = this.rangeLines;
    this.wordLines = [];
    this.rangeLines = [];
    this.renumbered = false;
    const n = s.words.length;
    if (n === 0) {
      if (!this.lenient) this.fail('sentence has no word lines', end);
      this.repairs.add('empty-sentence');
      return false;
    }
    this.checkRanges(s, wordLines, rangeLines, start);
    this.checkHeads(s, wordLines);
    return true;
  }

  // Ranges: inside the sentence, in order, not overlapping, each before its first word.
  private checkRanges(s: CheckedSentence, wordLines: number[], rangeLines: number[], start: number): void {
    const n = s.words.length;
    const keep: typeof s.multiwords = [];
    let prevLast = 0;
    s.multiwords.forEach((m, i) => {
      const line = rangeLines[i] ?? start;
      let problem = '';
      if (m.first < 1 || m.last > n) problem = `multiword range ${m.first}-${m.last} runs past the sentence's ${n} words`;
      else if (m.first <= prevLast) problem = `multiword range ${m.first}-${m.last} overlaps the previous range`;
      else if (m.last === m.first) problem = `multiword range ${m.first}-${m.last} covers a single word`;
      else if ((wordLines[m.first - 1] ?? 0) < line) problem = `multiword range ${m.first}-${m.last} comes after its first word`;
      if (problem) {
        if (!this.lenient) this.fail(problem, line);
        this.repairs.add('bad-range');
        return;
      }
      prevLast = m.last;
      keep.push(m);
    });
    if (keep.length !== s.multiwords.length) {
      s.multiwords.length = 0;
      for (const m of keep) s.multiwords.push(m);
    }
  }

  // Heads: all given or none; each 0..n and not the word itself; one root; no cycle.
  private checkHeads(s: CheckedSentence, wordLines: number[]): void {
    const words = s.words;
    const n = words.length;
    const lineOf = (i: number): number => wordLines[i] ?? 0;
    const given = words.filter((w) => w.head !== -1).length;
    if (given === 0) return;
    if (given < n) {
      const i = words.findIndex((w) => w.head === -1);
      if (!this.lenient) this.fail(`word ${i + 1} has no HEAD while others in its sentence do`, lineOf(i));
      this.repairs.add('partial-heads');
      for (const w of words) w.head = -1;
      return;
    }
    // -2 marks a head already found malformed (lenient): attach it to the root below.
    const bad: number[] = [];
    words.forEach((w, i) => {
      if (w.head === -2) bad.push(i);
      else if (w.head > n) {
        if (!this.lenient) this.fail(`HEAD ${w.head} is not a word of this ${n}-word sentence`, lineOf(i));
        this.repairs.add('bad-head');
        bad.push(i);
      } else if (w.head === i + 1) {
        if (!this.lenient) this.fail(`word ${i + 1} is its own HEAD`, lineOf(i));
        this.repairs.add('bad-head');
        bad.push(i);
      }
    });
    let root = words.findIndex((w, i) => w.head === 0 && !bad.includes(i));
    const roots = words.filter((w, i) => w.head === 0 && !bad.includes(i)).length;
    if (roots !== 1) {
      if (!this.lenient) this.fail(roots === 0 ? 'sentence has no root (no word with HEAD 0)' : `sentence has ${roots} roots (words with HEAD 0); expected one`, lineOf(roots === 0 ? 0 : words.findIndex((w, i) => w.head === 0 && i !== root)));
      this.repairs.add('roots');
      if (root < 0) root = bad.length ? bad[0]! : 0;
      words.forEach((w, i) => {
        if (i !== root && w.head === 0) w.head = root + 1;
      });
    }
    words[root]!.head = 0;
    for (const i of bad) if (i !== root) words[i]!.head = root + 1;
    // Cycles: a word whose head chain does not reach the root. Linear: each word is settled once
    // (state 2 = reaches the root), so a long run-on "sentence" cannot make this quadratic.
    const state = new Uint8Array(n);
    state[root] = 2;
    const path: number[] = [];
    for (let i = 0; i < n; i++) {
      let j = i;
      while (state[j] === 0) {
        state[j] = 1;
        path.push(j);
        j = words[j]!.head - 1;
      }
      if (state[j] === 1) {
        // j is on the current path: a cycle. Cut it at j by attaching j to the root.
        if (!this.lenient) this.fail(`the HEADs of word ${j + 1} form a cycle that never reaches the root`, lineOf(j));
        this.repairs.add('cycle');
        words[j]!.head = root + 1;
      }
      for (const k of path) state[k] = 2;
      path.length = 0;
    }
  }
}
