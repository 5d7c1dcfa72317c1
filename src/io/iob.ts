/**
 * Streaming readers for token-per-line entity files: IOB2 (Universal NER: `id  token  tag  [...]`,
 * `#` comments), CoNLL-2003 (`token POS chunk tag`, `-DOCSTART-` lines) and plain `token tag`.
 * A blank line ends a sentence. Tags are checked and repaired as conlleval reads them: an `I-X`
 * after `O` or another label becomes `B-X` and is counted in {@link IobReadStats.repairs}.
 */
import { FormatError } from '../core/errors.js';
import { readNumberedLines } from './lines.js';

/** One sentence of an IOB file. */
export interface IobSentence {
  words: string[];
  /** IOB2 tags after repair and label filtering (one per word). */
  tags: string[];
  /** Document id: `# newdoc id = ...` (IOB2) or a counter bumped at each `-DOCSTART-` (CoNLL), '' if none. */
  doc: string;
  /** `# sent_id = ...` if given, else ''. */
  id: string;
  /** `# text = ...` (the sentence's original text) if given, else ''. */
  text: string;
  /** 1-based line of the sentence's first word. */
  line: number;
}

/** Where the word and the tag are on a line (0-based tab/space-separated columns; -1 = last). */
export interface IobLayout {
  word: number;
  tag: number;
}

/** Counts filled while reading. */
export interface IobReadStats {
  sentences: number;
  tokens: number;
  /** `I-` tags that did not continue an entity of their label, read as `B-` (conlleval's rule). */
  repairs: number;
  /** Entity tags whose label is not in `labels`, read as `O`. */
  dropped: number;
}

/** Options of {@link readIob} and {@link parseIob}. */
export interface ReadIobOptions {
  /** Column layout; default: detected from the first token line (see {@link detectIobLayout}). */
  layout?: IobLayout;
  /**
   * Keep only these entity labels; tags of other labels become `O` (counted in `dropped`).
   * Default: every label except `O` itself (a stray `B-O` is always read as `O`).
   */
  labels?: readonly string[];
  /** Filled with counts as the file is read. */
  stats?: IobReadStats;
}

const TAG = /^(?:O|[BI]-\S+)$/;

/** A fresh {@link IobReadStats}. */
export function newIobStats(): IobReadStats {
  return { sentences: 0, tokens: 0, repairs: 0, dropped: 0 };
}

function splitColumns(line: string): string[] {
  return line.includes('\t') ? line.split('\t') : line.trim().split(/ +/);
}

/**
 * Detects the layout from one token line: `id word tag ...` with an integer id (Universal NER),
 * else `word ... tag` with the tag last (CoNLL-2003, two-column files). Null when no column holds a tag there.
 */
export function detectIobLayout(line: string): IobLayout | null {
  const cols = splitColumns(line);
  if (cols.length >= 3 && /^\d+$/.test(cols[0]!) && TAG.test(cols[2]!)) return { word: 1, tag: 2 };
  if (cols.length >= 2 && TAG.test(cols[cols.length - 1]!)) return { word: 0, tag: -1 };
  return null;
}

/** Line-fed parser shared by the streaming and the in-memory readers. */
class IobParser {
  private words: string[] = [];
  private tags: string[] = [];
  private first = 0;
  private doc = '';
  private sentId = '';
  private sentText = '';
  private docCount = 0;
  private layout: IobLayout | null;
  private readonly keep: Set<string> | null;
  readonly stats: IobReadStats;

  constructor(private readonly file: string, options: ReadIobOptions) {
    this.layout = options.layout ?? null;
    this.keep = options.labels ? new Set(options.labels) : null;
    this.stats = options.stats ?? newIobStats();
  }

  line(raw: string, n: number): IobSentence | null {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return this.flush();
    if (line.startsWith('#')) {
      const m = /^#\s*(newdoc id|sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m && m[1] === 'newdoc id') this.doc = m[2]!.trim();
      else if (m && m[1] === 'sent_id') this.sentId = m[2]!.trim();
      else if (m) this.sentText = m[2]!;
      return null;
    }
    if (line.startsWith('-DOCSTART-')) {
      const done = this.flush();
      this.doc = `doc${++this.docCount}`;
      return done;
    }
    const where = { file: this.file, line: n };
    if (!this.layout) {
      this.layout = detectIobLayout(line);
      if (!this.layout) throw new FormatError('unknown column layout: expected "id word tag" or "word ... tag" with an IOB tag (O, B-X, I-X); pass a layout', where);
    }
    const cols = splitColumns(line);
    const ti = this.layout.tag < 0 ? cols.length - 1 : this.layout.tag;
    if (this.layout.word >= cols.length || ti >= cols.length || ti < 0) throw new FormatError(`expected at least ${Math.max(this.layout.word, ti) + 1} columns, got ${cols.length}`, where);
    let tag = cols[ti]!;
    if (!TAG.test(tag)) throw new FormatError(`column ${ti + 1} ${JSON.stringify(tag)} is not an IOB tag (O, B-X, I-X)`, where);
    const word = cols[this.layout.word]!;
    if (word === '') throw new FormatError(`empty word in column ${this.layout.word + 1}`, where);
    if (tag !== 'O') {
      const label = tag.slice(2);
      if (label === 'O' || (this.keep && !this.keep.has(label))) {
        this.stats.dropped++;
        tag = 'O';
      } else if (tag[0] === 'I') {
        const prev = this.tags[this.tags.length - 1];
        if (prev === undefined || prev === 'O' || prev.slice(2) !== label) {
          this.stats.repairs++;
          tag = `B-${label}`;
        }
      }
    }
    if (this.words.length === 0) this.first = n;
    this.words.push(word);
    this.tags.push(tag);
    return null;
  }

  flush(): IobSentence | null {
    if (this.words.length === 0) return null;
    const s: IobSentence = { words: this.words, tags: this.tags, doc: this.doc, id: this.sentId, text: this.sentText, line: this.first };
    this.words = [];
    this.tags = [];
    this.sentId = '';
    this.sentText = '';
    this.stats.sentences++;
    this.stats.tokens += s.words.length;
    return s;
  }
}

/**
 * Streams the sentences of an IOB2 / CoNLL-2003 file (`.gz` read transparently). A missing file is a
 * NotFoundError; a line with an unknown layout or a bad tag is a FormatError naming file and line.
 * @example
 * const stats = newIobStats();
 * for await (const s of readIob('en_ewt-ud-dev.iob2', { stats })) console.log(s.words, s.tags);
 * console.log(stats.repairs);
 */
export async function* readIob(path: string, options: ReadIobOptions = {}): AsyncGenerator<IobSentence> {
  const p = new IobParser(path, options);
  for await (const [line, n] of readNumberedLines(path)) {
    const s = p.line(line, n);
    if (s) yield s;
  }
  const last = p.flush();
  if (last) yield last;
}

/**
 * Parses IOB text held in memory (same rules as {@link readIob}).
 * @example parseIob('John B-PER\nlives O\n') // [{ words: ['John', 'lives'], tags: ['B-PER', 'O'], ... }]
 */
export function parseIob(text: string, options: ReadIobOptions & { file?: string } = {}): IobSentence[] {
  const p = new IobParser(options.file ?? '<string>', options);
  const out: IobSentence[] = [];
  text.split('\n').forEach((line, i) => {
    const s = p.line(line, i + 1);
    if (s) out.push(s);
  });
  const last = p.flush();
  if (last) out.push(last);
  return out;
}
