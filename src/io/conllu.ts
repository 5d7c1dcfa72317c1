import { writeFileAtomic } from './atomic.js';
import { ConlluValidator, type ConlluReadOptions } from './conllu-validate.js';
import { readNumberedLines } from './lines.js';

/** One syntactic word (an integer-id line). Underscore fields are '' (except a literal '_' form/lemma). */
export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** Head word id (0 = root), or -1 when the column is '_'. */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

/** A multiword token line (`3-4 don't`): the surface token covering words first..last. */
export interface ConlluMultiword {
  first: number;
  last: number;
  form: string;
  misc: string;
}

/** An empty node line (`5.1`), kept verbatim for round trips. */
export interface ConlluEmptyNode {
  id: string;
  /** The line's ten columns. */
  columns: string[];
}

/** One sentence of a CoNLL-U file. */
export interface ConlluSentence {
  /** Comment lines without the leading '# '. */
  comments: string[];
  /** `key = value` comments (`sent_id`, `text`, `newdoc id`, `newpar`...). */
  meta: Record<string, string>;
  words: ConlluWord[];
  multiwords: ConlluMultiword[];
  emptyNodes: ConlluEmptyNode[];
  /** 1-based line number of the sentence's first line in its file. */
  line: number;
}

/** A surface token of a sentence: a multiword token or a word not inside one. */
export interface ConlluSurfaceToken {
  form: string;
  /** Word ids covered (first..last inclusive). */
  first: number;
  last: number;
  /** Whether SpaceAfter=No is absent. */
  spaceAfter: boolean;
}

function unders(s: string): string {
  return s === '_' ? '' : s;
}

/** Whether a MISC column says `SpaceAfter=No`. */
export function hasNoSpaceAfter(misc: string): boolean {
  if (!misc || misc === '_') return false;
  for (const part of misc.split('|')) if (part === 'SpaceAfter=No') return true;
  return false;
}

/** The surface tokens of a sentence in order (multiword tokens replace the words they cover). */
export function surfaceTokens(s: ConlluSentence): ConlluSurfaceToken[] {
  const out: ConlluSurfaceToken[] = [];
  let m = 0;
  const mws = s.multiwords;
  for (let w = 0; w < s.words.length; w++) {
    const word = s.words[w]!;
    while (m < mws.length && mws[m]!.last < word.id) m++;
    const mw = mws[m];
    if (mw && mw.first === word.id) {
      out.push({ form: mw.form, first: mw.first, last: mw.last, spaceAfter: !hasNoSpaceAfter(mw.misc) });
      w += mw.last - mw.first;
      m++;
    } else out.push({ form: word.form, first: word.id, last: word.id, spaceAfter: !hasNoSpaceAfter(word.misc) });
  }
  return out;
}

/** Incremental parser: feed lines, get sentences. Shared by the string and the streaming readers. */
class ConlluParser {
  private cur: ConlluSentence | null = null;
  // Level 1-2 checks (conllu-validate.ts): strict ones throw, lenient ones repair and count.
  private readonly v: ConlluValidator;
  constructor(file?: string, options?: ConlluReadOptions) {
    this.v = new ConlluValidator(file ?? '<string>', options);
  }

  /** Counts a repair made before the lines reach the parser (e.g. bytes read as U+FFFD). */
  countRepair(kind: 'invalid-utf8'): void {
    this.v.repairs.add(kind);
  }

  private start(n: number): ConlluSentence {
    if (!this.cur) this.cur = { comments: [], meta: {}, words: [], multiwords: [], emptyNodes: [], line: n };
    return this.cur;
  }

  /** Feeds one line; returns a finished sentence at a blank line. */
  line(raw: string, n: number): ConlluSentence | null {
    const line = this.v.text(raw.endsWith('\r') ? raw.slice(0, -1) : raw, n);
    if (line.trim() === '') return this.flush(n);
    const s = this.start(n);
    if (line.startsWith('#')) {
      const body = line.replace(/^#\s?/, '');
      s.comments.push(body);
      const eq = body.indexOf('=');
      if (eq > 0) s.meta[body.slice(0, eq).trim()] = body.slice(eq + 1).trim();
      else if (body.trim()) s.meta[body.trim()] = '';
      return null;
    }
    const cols = this.v.columns(line, n);
    const id = cols[0]!;
    const dash = id.indexOf('-');
    if (dash > 0) {
      const first = Number(id.slice(0, dash));
      const last = Number(id.slice(dash + 1));
      if (!/^\d+-\d+$/.test(id) || last < first) return this.v.badLine(`bad multiword token id "${id}"`, n);
      this.v.range(n);
      s.multiwords.push({ first, last, form: cols[1]!, misc: unders(cols[9]!) });
      return null;
    }
    if (id.includes('.')) {
      if (!/^\d+\.\d+$/.test(id)) return this.v.badLine(`bad empty node id "${id}"`, n);
      s.emptyNodes.push({ id, columns: cols });
      return null;
    }
    if (!/^[1-9]\d*$/.test(id)) return this.v.badLine(`bad word id "${id}"`, n);
    const { id: num, form, head } = this.v.word(Number(id), s.words.length + 1, cols[1]!, cols[6]!, n);
    s.words.push({
      id: num,
      form,
      lemma: cols[2]!,
      upos: unders(cols[3]!),
      xpos: unders(cols[4]!),
      feats: unders(cols[5]!),
      head,
      deprel: unders(cols[7]!),
      deps: unders(cols[8]!),
      misc: unders(cols[9]!),
    });
    return null;
  }

  /** Ends the current sentence (at a blank line or end of input). */
  flush(n: number): ConlluSentence | null {
    const s = this.cur;
    this.cur = null;
    if (!s) return null;
    return this.v.sentence(s, s.line, n) ? s : null;
  }
}

/**
 * Parses CoNLL-U text held in memory, checked as the streaming reader does ({@link readConllu}).
 * @example parseConllu('1\tHi\thi\tINTJ\t_\t_\t0\troot\t_\t_\n') // one sentence of one word
 */
export function parseConllu(text: string, file?: string, options?: ConlluReadOptions): ConlluSentence[] {
  const p = new ConlluParser(file, options);
  const out: ConlluSentence[] = [];
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((l, i) => {
    const s = p.line(l, i + 1);
    if (s) out.push(s);
  });
  const last = p.flush(lines.length);
  if (last) out.push(last);
  return out;
}

/**
 * Streams the sentences of a CoNLL-U file (`.gz` gunzipped), holding one sentence at a time.
 * The file is checked as the UD validator's levels 1-2 do (see `conllu-validate.ts`): a malformed
 * line or sentence raises a FormatError naming file and line, or, with `lenient: true`, is
 * repaired and counted in `options.repairs`.
 * @example for await (const s of readConllu('en_ewt-ud-train.conllu.gz')) console.log(s.meta.text)
 * @example
 * const repairs = new ConlluRepairs();
 * for await (const s of readConllu('noisy.conllu', { lenient: true, repairs })) train(s);
 * if (repairs.total) console.warn(repairs.summary()); // '2 repairs: 1 bad-head, 1 empty-form'
 */
export async function* readConllu(path: string, options?: ConlluReadOptions): AsyncGenerator<ConlluSentence> {
  const p = new ConlluParser(path, options);
  let last = 0;
  // Bytes that are not UTF-8 are refused (strict) or read as U+FFFD and counted (lenient).
  const lenient = !!options?.lenient;
  for await (const [line, n] of readNumberedLines(path, { strictUtf8: true, onInvalidUtf8: lenient ? () => p.countRepair('invalid-utf8') : undefined })) {
    last = n;
    const s = p.line(line, n);
    if (s) yield s;
  }
  const s = p.flush(last);
  if (s) yield s;
}

function col(v: string): string {
  return v === '' ? '_' : v;
}

/** Formats sentences as CoNLL-U text (comments, multiword lines before their words, empty nodes after their word). */
export function formatConllu(sentences: Iterable<ConlluSentence>): string {
  const parts: string[] = [];
  for (const s of sentences) {
    for (const c of s.comments) parts.push(`# ${c}`);
    let m = 0;
    for (const w of s.words) {
      while (m < s.multiwords.length && s.multiwords[m]!.first === w.id) {
        const mw = s.multiwords[m++]!;
        parts.push(`${mw.first}-${mw.last}\t${mw.form}\t_\t_\t_\t_\t_\t_\t_\t${col(mw.misc)}`);
      }
      parts.push([w.id, w.form, w.lemma === '' ? '_' : w.lemma, col(w.upos), col(w.xpos), col(w.feats), w.head < 0 ? '_' : w.head, col(w.deprel), col(w.deps), col(w.misc)].join('\t'));
      for (const e of s.emptyNodes) if (Math.floor(Number(e.id)) === w.id) parts.push(e.columns.join('\t'));
    }
    for (const e of s.emptyNodes) if (Math.floor(Number(e.id)) === 0) parts.push(e.columns.join('\t'));
    parts.push('');
  }
  return parts.length ? parts.join('\n') + '\n' : '';
}

/** Writes sentences to a CoNLL-U file atomically. */
export async function writeConllu(path: string, sentences: Iterable<ConlluSentence>): Promise<void> {
  await writeFileAtomic(path, formatConllu(sentences));
}
