/**
 * Dependency parsing scores as the CoNLL 2018 shared task computes them: system words are aligned
 * to gold words ({@link alignWords}), then an aligned word's attachment is correct when its head
 * is aligned to the gold head (or both are roots). UAS compares heads; LAS heads and the universal
 * part of the label (before ':'); full-label LAS the whole label. Punctuation counts. Precision
 * divides by system words, recall by gold words; on gold tokens the three are equal (accuracy).
 */
import type { Doc } from '../core/doc.js';
import { ArgumentError, FormatError } from '../core/errors.js';
import type { ConlluSentence } from '../io/conllu.js';
import { alignCounts, alignWords, nonSpaceOffsets, type AlignCounts, type AlignSide, type AlignWord, type CharSpan } from './align.js';

/** A word with its attachment: `head` indexes the same side's words (-1 for a root). */
export interface ParseWord extends AlignWord {
  head: number;
  /** Full label, e.g. `nsubj:pass`. */
  deprel: string;
}

/** One side of a parse comparison. */
export interface ParseSide extends AlignSide {
  words: readonly ParseWord[];
}

/** Counts for one label: gold words with it, system words with it, correct labelled attachments. */
export interface LabelCounts {
  gold: number;
  system: number;
  correct: number;
}

/** Summable counts behind {@link ParseScores} (add several with {@link addParseCounts}). */
export interface ParseCounts {
  goldWords: number;
  systemWords: number;
  aligned: number;
  uas: number;
  las: number;
  lasFull: number;
  tokens: LabelCounts;
  words: LabelCounts;
  /** Null unless both sides gave sentences. */
  sentences: LabelCounts | null;
  /** Per full label. */
  labels: Map<string, LabelCounts>;
}

/** A row with the shared task's aligned accuracy (correct / aligned words). */
export interface AttachmentScore extends AlignCounts {
  alignedAccuracy: number;
}

/** One label's row of {@link ParseScores}. */
export interface LabelScore extends AlignCounts {
  label: string;
}

/** Scores of a parse (see {@link parseScores}). */
export interface ParseScores {
  tokens: AlignCounts;
  words: AlignCounts;
  sentences: AlignCounts | null;
  uas: AttachmentScore;
  las: AttachmentScore;
  /** LAS with the whole label compared (`nsubj:pass` ≠ `nsubj`). */
  lasFull: AttachmentScore;
  /** Labelled attachment P/R/F1 per full label, by gold frequency. */
  labels: LabelScore[];
}

function universal(label: string): string {
  const k = label.indexOf(':');
  return k < 0 ? label : label.slice(0, k);
}

function bump(m: Map<string, LabelCounts>, label: string, key: keyof LabelCounts): void {
  let c = m.get(label);
  if (!c) m.set(label, (c = { gold: 0, system: 0, correct: 0 }));
  c[key]++;
}

/**
 * Compares a system parse with the gold parse of the same text: aligns words as the CoNLL 2018
 * script does and counts correct attachments.
 * @example
 * const w = (form, start, head, deprel) => ({ form, start, end: start + form.length, mwt: -1, head, deprel });
 * const gold = { words: [w('I', 0, 1, 'nsubj'), w('ran', 1, -1, 'root')] };
 * parseScores(countParse(gold, gold)).las.f1 // 1
 */
export function countParse(gold: ParseSide, system: ParseSide): ParseCounts {
  const a = alignWords(gold, system);
  const labels = new Map<string, LabelCounts>();
  for (const w of gold.words) bump(labels, w.deprel, 'gold');
  for (const w of system.words) bump(labels, w.deprel, 'system');
  let uas = 0;
  let las = 0;
  let lasFull = 0;
  for (let g = 0; g < gold.words.length; g++) {
    const s = a.goldToSystem[g]!;
    if (s < 0) continue;
    const gw = gold.words[g]!;
    const sw = system.words[s]!;
    const gh = gw.head;
    const sh = sw.head;
    const headOk = gh < 0 ? sh < 0 : sh >= 0 && a.systemToGold[sh] === gh;
    if (!headOk) continue;
    uas++;
    if (universal(gw.deprel) === universal(sw.deprel)) las++;
    if (gw.deprel === sw.deprel) {
      lasFull++;
      labels.get(gw.deprel)!.correct++;
    }
  }
  const row = (c: AlignCounts): LabelCounts => ({ gold: c.gold, system: c.system, correct: c.correct });
  return { goldWords: gold.words.length, systemWords: system.words.length, aligned: a.aligned, uas, las, lasFull, tokens: row(a.tokens), words: row(a.words), sentences: a.sentences && row(a.sentences), labels };
}

/** An empty {@link ParseCounts} to sum into. */
export function emptyParseCounts(withSentences = false): ParseCounts {
  const z = () => ({ gold: 0, system: 0, correct: 0 });
  return { goldWords: 0, systemWords: 0, aligned: 0, uas: 0, las: 0, lasFull: 0, tokens: z(), words: z(), sentences: withSentences ? z() : null, labels: new Map() };
}

/** Adds `c` into `total` (in place) and returns `total`. */
export function addParseCounts(total: ParseCounts, c: ParseCounts): ParseCounts {
  total.goldWords += c.goldWords;
  total.systemWords += c.systemWords;
  total.aligned += c.aligned;
  total.uas += c.uas;
  total.las += c.las;
  total.lasFull += c.lasFull;
  for (const k of ['tokens', 'words'] as const) addLabel(total[k], c[k]);
  if (c.sentences) addLabel((total.sentences ??= { gold: 0, system: 0, correct: 0 }), c.sentences);
  for (const [label, x] of c.labels) {
    const t = total.labels.get(label);
    if (t) addLabel(t, x);
    else total.labels.set(label, { ...x });
  }
  return total;
}

function addLabel(t: LabelCounts, x: LabelCounts): void {
  t.gold += x.gold;
  t.system += x.system;
  t.correct += x.correct;
}

/** P/R/F1 rows from counts. */
export function parseScores(c: ParseCounts): ParseScores {
  const att = (correct: number): AttachmentScore => ({ ...alignCounts(c.goldWords, c.systemWords, correct), alignedAccuracy: c.aligned ? correct / c.aligned : 0 });
  const row = (x: LabelCounts) => alignCounts(x.gold, x.system, x.correct);
  const labels = [...c.labels]
    .filter(([label, x]) => label !== '' && x.gold + x.system > 0)
    .sort((p, q) => q[1].gold - p[1].gold || (p[0] < q[0] ? -1 : 1))
    .map(([label, x]) => ({ label, ...row(x) }));
  return { tokens: row(c.tokens), words: row(c.words), sentences: c.sentences && row(c.sentences), uas: att(c.uas), las: att(c.las), lasFull: att(c.lasFull), labels };
}

/**
 * The gold side of CoNLL-U sentences (one document), in the shared task's coordinates: offsets
 * into the concatenated surface forms with whitespace removed. Heads index the returned words.
 */
export function goldParseSide(sentences: readonly ConlluSentence[]): ParseSide {
  const words: ParseWord[] = [];
  const multiwords: CharSpan[] = [];
  const sents: CharSpan[] = [];
  let at = 0;
  for (const s of sentences) {
    const base = words.length;
    const sentStart = at;
    let m = 0;
    for (let w = 0; w < s.words.length; w++) {
      const word = s.words[w]!;
      while (m < s.multiwords.length && s.multiwords[m]!.last < word.id) m++;
      const mw = s.multiwords[m];
      const head = word.head <= 0 ? -1 : base + word.head - 1;
      if (mw && mw.first <= word.id && word.id <= mw.last) {
        if (word.id === mw.first) {
          const len = stripSpace(mw.form).length;
          multiwords.push({ start: at, end: at + len });
          at += len;
        }
        words.push({ form: word.form, start: 0, end: 0, mwt: multiwords.length - 1, head, deprel: word.deprel });
      } else {
        const len = stripSpace(word.form).length;
        words.push({ form: word.form, start: at, end: at + len, mwt: -1, head, deprel: word.deprel });
        at += len;
      }
    }
    sents.push({ start: sentStart, end: at });
  }
  return { words, multiwords, sentences: sents };
}

// The surface forms of a sentence concatenated (multiword tokens once, not their words).
function surfaceForms(s: ConlluSentence): string {
  let out = '';
  let m = 0;
  for (const word of s.words) {
    while (m < s.multiwords.length && s.multiwords[m]!.last < word.id) m++;
    const mw = s.multiwords[m];
    if (mw && mw.first <= word.id && word.id <= mw.last) {
      if (word.id === mw.first) out += mw.form;
    } else out += word.form;
  }
  return out;
}

function stripSpace(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * The system side of a parsed Doc in the shared task's coordinates: whitespace tokens are left
 * out (an arc to one reads as a root), sentences come from `doc.sents`.
 */
export function docParseSide(doc: Doc): ParseSide {
  const map = nonSpaceOffsets(doc.text);
  const wordOf = new Int32Array(doc.length).fill(-1);
  const words: ParseWord[] = [];
  const strings = doc.vocab.strings;
  for (let i = 0; i < doc.length; i++) {
    const start = map[doc.idx[i]!]!;
    const end = map[doc.endChar(i)]!;
    if (end === start) continue;
    wordOf[i] = words.length;
    const dep = doc.dep[i]!;
    words.push({ form: doc.tokenText(i), start, end, mwt: -1, head: i, deprel: dep ? strings.get(dep) : '' });
  }
  for (const w of words) {
    const i = w.head;
    const h = doc.token(i).head.i;
    w.head = h === i ? -1 : wordOf[h]!;
  }
  const sentences: CharSpan[] = [];
  for (const s of doc.sents) {
    let a = -1;
    let b = -1;
    for (let i = s.start; i < s.end; i++) {
      if (wordOf[i]! < 0) continue;
      if (a < 0) a = i;
      b = i;
    }
    if (a >= 0) sentences.push({ start: map[doc.idx[a]!]!, end: map[doc.endChar(b)]! });
  }
  return { words, sentences };
}

/** What {@link evaluateParser} runs: a pipeline with a parser, on gold words or on raw text. */
export interface DocParser {
  /** Tags and parses the gold words of one sentence (gold tokenization and sentence). */
  parseWords(words: readonly string[], spaces: readonly boolean[]): Doc;
  /** Tokenizes, splits, tags and parses raw text. */
  parseText(text: string): Doc;
}

/** Result of {@link evaluateParser} (the `textloom eval parser --json` shape). */
export interface ParserEvaluation extends ParseScores {
  goldTokens: boolean;
  /** Gold sentences read. */
  sentenceCount: number;
  /** Documents parsed (raw text: one per `# newdoc`; gold tokens: one per sentence). */
  documents: number;
  goldWords: number;
  systemWords: number;
  /** Tokens through the pipeline per second (pipeline time only). */
  tokensPerSecond: number;
}

/** Options of {@link evaluateParser}. */
export interface EvaluateParserOptions {
  /** Parse each sentence's gold words (tags predicted by the pipeline) instead of its raw text (default false). */
  goldTokens?: boolean;
  /** Called after each sentence (gold tokens) or document (raw text) with the sentences done so far. */
  onProgress?: (done: number) => void;
}

/**
 * Scores a parser on gold CoNLL-U sentences as the CoNLL 2018 shared task does: UAS, LAS (the
 * universal part of the label), full-label LAS and per-label P/R/F1, punctuation included.
 *
 * With `goldTokens` (default false), each sentence's gold words are parsed as one Doc (tags
 * predicted by the pipeline) and aligned one to one. Otherwise the sentences are grouped into
 * documents by `# newdoc`, their `# text` lines joined by a space, and the pipeline's own tokens
 * and sentences are aligned to the gold words, so tokenization and sentence-splitting errors
 * count. Gold surface forms that do not spell the text (the script's "concatenation of tokens ...
 * differ") are a FormatError naming the sentence's line; no gold words is an ArgumentError.
 * `textloom eval parser` is this function with a pipeline.
 * @example
 * const nlp = await load('en_core');
 * const gold = parseConllu(readFileSync('en_ewt-ud-test.conllu', 'utf8'));
 * const pipe = {
 *   parseText: (text) => nlp(text),
 *   parseWords: (words, spaces) => nlp(Doc.fromWords(words, { spaces: [...spaces], vocab: nlp.vocab })),
 * };
 * const r = evaluateParser(pipe, gold, { goldTokens: true });
 * r.uas.f1; r.las.f1; r.labels[0] // { label: 'punct', precision, recall, f1, ... }
 */
export function evaluateParser(parser: DocParser, sentences: readonly ConlluSentence[], options: EvaluateParserOptions = {}): ParserEvaluation {
  const goldTokens = !!options.goldTokens;
  const total = emptyParseCounts(!goldTokens);
  let ms = 0;
  let processed = 0;
  let documents = 0;
  let done = 0;
  if (goldTokens) {
    for (const s of sentences) {
      const gold = goldParseSide([s]);
      const forms = s.words.map((w) => w.form);
      const spaces = spacesOf(s);
      const t0 = performance.now();
      const doc = parser.parseWords(forms, spaces);
      ms += performance.now() - t0;
      processed += doc.length;
      if (doc.length !== forms.length) throw new ArgumentError(`the parser returned ${doc.length} tokens for ${forms.length} gold words`);
      // The tokens are the gold words: take the gold spans so alignment is one to one.
      const sys = docParseSide(doc);
      const words = gold.words.map((g, i) => ({ ...g, head: sys.words[i]!.head, deprel: sys.words[i]!.deprel }));
      addParseCounts(total, countParse({ words: gold.words, multiwords: gold.multiwords }, { words, multiwords: gold.multiwords }));
      documents++;
      options.onProgress?.(++done);
    }
  } else {
    for (const group of groupDocuments(sentences)) {
      const text = group.map((s) => s.meta.text ?? s.words.map((w) => w.form).join(' ')).join(' ');
      const gold = goldParseSide(group);
      // The script's check that both sides spell the same characters ("concatenation of tokens ... differ").
      const spelled = stripSpace(group.map((s) => surfaceForms(s)).join(''));
      const chars = stripSpace(text);
      if (spelled !== chars) {
        let k = 0;
        while (k < chars.length && chars[k] === spelled[k]) k++;
        throw new FormatError(`the words of this document do not spell its "# text" (first difference at non-space character ${k}: ${JSON.stringify(spelled.slice(k, k + 10))} vs ${JSON.stringify(chars.slice(k, k + 10))})`, { line: group[0]!.line });
      }
      const t0 = performance.now();
      const doc = parser.parseText(text);
      ms += performance.now() - t0;
      processed += doc.length;
      addParseCounts(total, countParse(gold, docParseSide(doc)));
      documents++;
      done += group.length;
      options.onProgress?.(done);
    }
  }
  if (total.goldWords === 0) throw new ArgumentError(`evaluateParser() got no gold words (${sentences.length} sentences)`);
  return {
    ...parseScores(total),
    goldTokens,
    sentenceCount: sentences.length,
    documents,
    goldWords: total.goldWords,
    systemWords: total.systemWords,
    tokensPerSecond: ms > 0 ? Math.round(processed / (ms / 1000)) : 0,
  };
}

// Each word's SpaceAfter; inside a multiword token only the last word takes the token's.
function spacesOf(s: ConlluSentence): boolean[] {
  const out: boolean[] = [];
  let m = 0;
  for (const word of s.words) {
    while (m < s.multiwords.length && s.multiwords[m]!.last < word.id) m++;
    const mw = s.multiwords[m];
    const inside = mw !== undefined && mw.first <= word.id && word.id <= mw.last;
    out.push(inside ? word.id === mw.last && !noSpace(mw.misc) : !noSpace(word.misc));
  }
  return out;
}

function noSpace(misc: string): boolean {
  return misc.split('|').includes('SpaceAfter=No');
}

// Sentences grouped into documents at each `# newdoc`.
function groupDocuments(sentences: readonly ConlluSentence[]): ConlluSentence[][] {
  const out: ConlluSentence[][] = [];
  for (const s of sentences) {
    const isNew = Object.keys(s.meta).some((k) => k.startsWith('newdoc'));
    if (!out.length || isNew) out.push([]);
    out[out.length - 1]!.push(s);
  }
  return out;
}
