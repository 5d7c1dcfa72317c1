/**
 * Training the sentence segmenter on CoNLL-U documents.
 *
 * Stages: documents rebuilt as raw text (`# newdoc` groups, `# text` lines or the words with their
 * `SpaceAfter=No`), each in two forms: paragraphs (`# newpar`) joined by one space, and by a
 * blank line; every epoch draws one form per document (seeded, blank lines with probability
 * `paragraphs`), so the model sees both running text and paragraph breaks -> tokenized by the English tokenizer, each token labelled by whether a gold sentence
 * starts at its offset -> epochs of greedy decoding with perceptron updates on the wrong
 * decisions (documents shuffled per epoch) -> averaged weights, quantized to int16 -> a
 * {@link SenterModel}.
 */
import type { Doc } from '../../core/doc.js';
import { FormatError } from '../../core/errors.js';
import { resolveOptions, type OptionSchema } from '../../core/options.js';
import { Vocab } from '../../core/vocab.js';
import { surfaceTokens, type ConlluSentence } from '../../io/conllu.js';
import { prf, type PRF } from '../../eval/prf.js';
import { Tokenizer } from '../../tokenizer/tokenizer.js';
import { Rng } from '../../util/rng.js';
import { N_FEATURES, newTypeTable, type TypeTable } from './features.js';
import { decodeDoc, fillDocTypes, newScratch, SenterModel, type KeyScorer } from './model.js';

/** A gold sentence: what `readConllu` yields (`meta.text`, `newdoc`/`newpar` comments, words with SpaceAfter). */
export type SenterGoldSentence = Pick<ConlluSentence, 'meta' | 'words' | 'multiwords' | 'line'>;

/** A raw document and where its gold sentences start (char offsets). */
export interface SenterGoldDocument {
  text: string;
  starts: number[];
}

/** Something that turns text into a Doc (a `Tokenizer`, or a pipeline's tokenizer). */
export interface TextTokenizer {
  tokenize(text: string): Doc;
}

/** Boundary scores of the dev documents: sentences joined by a space, and paragraphs by a blank line. */
export interface SenterDevScore extends PRF {
  /** F1 when paragraphs are joined by a blank line. */
  paragraphsF1: number;
}

/** What {@link trainSenter} reports after each epoch. */
export interface SenterEpochReport {
  epoch: number;
  /** Share of training candidates decided right during the epoch. */
  trainAccuracy: number;
  /** Dev sentence-boundary precision/recall/F1 with the averaged weights so far. */
  dev?: SenterDevScore;
  seconds: number;
}

/** Options of {@link trainSenter}. */
export interface TrainSenterOptions {
  /** Passes over the data (default 12, 1..100). */
  epochs?: number;
  /** Seed of the document shuffles and of the paragraph joins (default 1); equal seeds give identical models. */
  seed?: number;
  /** Share of training documents whose paragraphs are joined by a blank line (default 0.5, 0..1). */
  paragraphs?: number;
  /** log2 of the weight table's size (default 18, 12..24). */
  bits?: number;
  /** Dev sentences scored after each epoch. */
  dev?: readonly SenterGoldSentence[];
  /** Tokenizes the documents (default: the English rule tokenizer, `en_core`'s). */
  tokenizer?: TextTokenizer;
  /** File name for error messages. */
  file?: string;
  /** Called after each epoch. */
  onEpoch?: (report: SenterEpochReport) => void;
  /** Called now and then with (documents done, total) over all epochs. */
  onProgress?: (done: number, total: number) => void;
}

/** Defaults of {@link TrainSenterOptions}. */
export const TRAIN_SENTER_DEFAULTS = Object.freeze({ epochs: 12, seed: 1, paragraphs: 0.5, bits: 18 });

const D = TRAIN_SENTER_DEFAULTS;

/** Schema of {@link TrainSenterOptions}. */
export const TRAIN_SENTER_SCHEMA: OptionSchema = Object.freeze({
  epochs: { type: 'integer', min: 1, max: 100, default: D.epochs, doc: 'passes over the data' },
  seed: { type: 'integer', default: D.seed, doc: 'seed of the shuffles and paragraph joins' },
  paragraphs: { type: 'number', min: 0, max: 1, default: D.paragraphs, doc: 'share of documents with blank lines between paragraphs' },
  bits: { type: 'integer', min: 12, max: 24, default: D.bits, doc: "log2 of the weight table's size" },
  dev: { type: 'array', doc: 'dev sentences scored after each epoch' },
  tokenizer: { type: 'object', doc: 'tokenizes the documents' },
  file: { type: 'string', doc: 'file name for error messages' },
  onEpoch: { type: 'function', doc: 'called after each epoch' },
  onProgress: { type: 'function', doc: 'called now and then with (done, total)' },
} satisfies OptionSchema);

/** A sentence's raw text: its `# text` line, else its surface tokens with their spaces. */
function sentenceText(s: SenterGoldSentence): string {
  const t = s.meta.text;
  if (t !== undefined) return t;
  let out = '';
  for (const tok of surfaceTokens(s as ConlluSentence)) out += tok.form + (tok.spaceAfter ? ' ' : '');
  return out.trimEnd();
}

function hasKey(meta: Record<string, string>, prefix: string): boolean {
  for (const k in meta) if (k.startsWith(prefix)) return true;
  return false;
}

/**
 * Rebuilds raw documents from gold sentences: one per `# newdoc` (all one document when the file
 * has none), sentences joined by a space, paragraphs (`# newpar`) by a blank line when
 * `blankLine(docIndex)` says so.
 */
export function senterDocuments(sentences: readonly SenterGoldSentence[], blankLine: (doc: number) => boolean = () => false): SenterGoldDocument[] {
  const docs: SenterGoldDocument[] = [];
  let cur: SenterGoldDocument | null = null;
  let blank = false;
  for (const s of sentences) {
    const text = sentenceText(s).trim();
    if (text === '') continue;
    if (!cur || hasKey(s.meta, 'newdoc')) {
      cur = { text: '', starts: [] };
      blank = blankLine(docs.length);
      docs.push(cur);
    } else cur.text += blank && hasKey(s.meta, 'newpar') ? '\n\n' : ' ';
    cur.starts.push(cur.text.length);
    cur.text += text;
  }
  return docs;
}

/** A tokenized document with its gold starts per token and the rule splitter's starts. */
interface Example {
  doc: Doc;
  gold: Int8Array;
  rules: Int8Array;
}

function toExample(d: SenterGoldDocument, tokenizer: TextTokenizer, model: SenterModel): Example {
  const doc = tokenizer.tokenize(d.text);
  const n = doc.length;
  const gold = new Int8Array(n);
  const starts = new Set(d.starts);
  for (let i = 1; i < n; i++) if (starts.has(doc.idx[i]!)) gold[i] = 1;
  return { doc, gold, rules: model.ruleStarts(doc).slice(0, n) };
}

/** Token-level boundary counts of predicted vs gold starts (the doc's first token excluded). */
function countStarts(ex: Example, acc: { tp: number; p: number; g: number }): void {
  const ss = ex.doc.sentStart;
  for (let i = 1; i < ex.doc.length; i++) {
    const p = ss[i] === 1;
    const g = ex.gold[i] === 1;
    if (p) acc.p++;
    if (g) acc.g++;
    if (p && g) acc.tp++;
  }
}

/** Training weights with lazy averaging (Collins 2002; Daumé's trick: totals updated on change). */
class AveragedWeights implements KeyScorer {
  readonly w: Float32Array;
  private readonly total: Float64Array;
  private readonly stamp: Float64Array;
  private readonly mask: number;
  step = 0;

  constructor(bits: number) {
    this.w = new Float32Array(2 ** bits);
    this.total = new Float64Array(2 ** bits);
    this.stamp = new Float64Array(2 ** bits);
    this.mask = 2 ** bits - 1;
  }

  score(keys: Uint32Array): number {
    const w = this.w;
    const m = this.mask;
    let s = 0;
    for (let f = 0; f < N_FEATURES; f++) s += w[keys[f]! & m]!;
    return s;
  }

  update(keys: Uint32Array, delta: number): void {
    const m = this.mask;
    for (let f = 0; f < N_FEATURES; f++) {
      const k = keys[f]! & m;
      this.total[k]! += (this.step - this.stamp[k]!) * this.w[k]!;
      this.stamp[k] = this.step;
      this.w[k]! += delta;
    }
  }

  /** The averaged weights, quantized to int16 with one scale. */
  averaged(): { weights: Int16Array; scale: number } {
    const n = this.w.length;
    const avg = new Float64Array(n);
    const steps = Math.max(this.step, 1);
    let max = 0;
    for (let k = 0; k < n; k++) {
      const a = (this.total[k]! + (this.step - this.stamp[k]!) * this.w[k]!) / steps;
      avg[k] = a;
      if (Math.abs(a) > max) max = Math.abs(a);
    }
    const scale = max > 0 ? max / 32767 : 1;
    const weights = new Int16Array(n);
    for (let k = 0; k < n; k++) weights[k] = Math.round(avg[k]! / scale);
    return { weights, scale };
  }
}

/** Dev boundary scores of `model` on prepared examples. */
function scoreExamples(model: SenterModel, examples: readonly Example[]): PRF {
  const acc = { tp: 0, p: 0, g: 0 };
  for (const ex of examples) {
    model.predictDoc(ex.doc);
    countStarts(ex, acc);
  }
  return prf(acc.tp, acc.p, acc.g);
}

/**
 * Trains the sentence segmenter (see the module comment for the stages).
 * @example
 * const sentences = []; for await (const s of readConllu('en_ewt-ud-train.conllu.gz')) sentences.push(s);
 * const model = trainSenter(sentences, { epochs: 12, seed: 1 });
 */
export function trainSenter(sentences: readonly SenterGoldSentence[], options: TrainSenterOptions = {}): SenterModel {
  const o = resolveOptions(TRAIN_SENTER_SCHEMA, options) as unknown as Required<Pick<TrainSenterOptions, 'epochs' | 'seed' | 'paragraphs' | 'bits'>> & TrainSenterOptions;
  const where = o.file !== undefined ? { file: o.file } : {};
  const rng = new Rng(o.seed);
  const spaced = senterDocuments(sentences);
  if (spaced.length === 0) throw new FormatError('no sentence with text to train the sentence segmenter on', where);
  const tokenizer = o.tokenizer ?? new Tokenizer(new Vocab());
  // A throwaway model gives the rule splitter's answers (the same rules the trained model runs).
  const probe = new SenterModel({ bits: 1, weights: new Int16Array(2), scale: 1 });
  // Each document in both forms (paragraphs joined by a space, by a blank line); every epoch draws
  // one per document, so the model sees paragraph breaks both with and without newlines.
  const asSpaced = o.paragraphs < 1 ? spaced.map((d) => toExample(d, tokenizer, probe)) : [];
  const asBlank = o.paragraphs > 0 ? senterDocuments(sentences, () => true).map((d) => toExample(d, tokenizer, probe)) : [];
  const nDocs = spaced.length;
  const pick = (k: number): Example => (asBlank.length && (!asSpaced.length || rng.next() < o.paragraphs) ? asBlank[k]! : asSpaced[k]!);
  const dev = o.dev ? senterDocuments(o.dev).map((d) => toExample(d, tokenizer, probe)) : undefined;
  const devPar = o.dev ? senterDocuments(o.dev, () => true).map((d) => toExample(d, tokenizer, probe)) : undefined;
  let table: TypeTable = newTypeTable();
  for (const ex of [...asSpaced, ...asBlank, ...(dev ?? []), ...(devPar ?? [])]) table = fillDocTypes(ex.doc, table);

  const weights = new AveragedWeights(o.bits);
  const scratch = newScratch();
  let right = 0;
  let seen = 0;
  const onCandidate = (keys: Uint32Array, predicted: boolean, gold: boolean): void => {
    weights.step++;
    seen++;
    if (predicted === gold) right++;
    else weights.update(keys, gold ? 1 : -1);
  };
  const order = Array.from({ length: nDocs }, (_, i) => i);
  const total = o.epochs * nDocs;
  let done = 0;
  let model = probe;
  const meta: Record<string, unknown> = { trainedOn: o.file !== undefined ? (o.file.split(/[\\/]/).pop() ?? o.file) : null, documents: nDocs, sentences: sentences.length, epochs: o.epochs, seed: o.seed, paragraphs: o.paragraphs };
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const t0 = Date.now();
    right = 0;
    seen = 0;
    rng.shuffle(order);
    for (const k of order) {
      const ex = pick(k);
      decodeDoc(ex.doc, table, ex.rules, weights, scratch, ex.gold, onCandidate);
      if (++done % 50 === 0) o.onProgress?.(done, total);
    }
    o.onProgress?.(done, total);
    const avg = weights.averaged();
    model = new SenterModel({ bits: o.bits, ...avg, meta });
    const report: SenterEpochReport = { epoch, trainAccuracy: seen ? right / seen : 0, seconds: 0 };
    if (dev && devPar) {
      const space = scoreExamples(model, dev);
      report.dev = { ...space, paragraphsF1: scoreExamples(model, devPar).f1 };
      meta.devF1 = Math.round(space.f1 * 10000) / 10000;
    }
    report.seconds = (Date.now() - t0) / 1000;
    o.onEpoch?.(report);
  }
  return model;
}
