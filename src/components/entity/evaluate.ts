/**
 * Scores a pipeline's `doc.ents` against IOB-tagged gold sentences: exact-span precision, recall
 * and F1 per label and micro-averaged, counted as seqeval and conlleval count chunks. With gold
 * tokens each gold document becomes one Doc of its words (gold sentence boundaries kept); without,
 * the pipeline tokenizes and splits the documents' text itself and spans are matched by
 * character offsets.
 */
import { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import { iobToSpans, type LabeledSpan } from '../../core/iob.js';
import type { Vocab } from '../../core/vocab.js';
import { spanPrf, type SpanScores } from '../../eval/metrics/spans.js';
import type { IobSentence } from '../../io/iob.js';
import type { Component } from '../../pipeline/component.js';

/** What {@link evaluateEntities} needs from a pipeline. */
export interface EntityPipelineLike {
  (input: string | Doc): Doc;
  readonly vocab: Vocab;
  readonly pipeNames: string[];
  getPipe(name: string): Component;
}

/** Options of {@link evaluateEntities}. */
export interface EvaluateEntitiesOptions {
  /** Use the gold words as tokens (default true); false tokenizes the sentences' `text`. */
  goldTokens?: boolean;
  /** Labels scored (default: those in the gold data); predicted spans of other labels are ignored. */
  labels?: readonly string[];
  /** Called after each document with the number of sentences done. */
  onProgress?: (sentences: number) => void;
}

/** Scores plus what was scored. */
export interface EntityEvaluation extends SpanScores {
  sentences: number;
  tokens: number;
  /** Documents whose words could not be found in their text (raw-text mode only): their gold entities count as misses. */
  unaligned: number;
  seconds: number;
  tokensPerSecond: number;
}

function groupDocs(sentences: readonly IobSentence[]): IobSentence[][] {
  const out: IobSentence[][] = [];
  let last: string | null = null;
  for (const s of sentences) {
    if (s.doc !== '' && s.doc === last && out.length) out[out.length - 1]!.push(s);
    else out.push([s]);
    last = s.doc;
  }
  return out;
}

/**
 * Runs `nlp` over the gold documents and scores its entities.
 * @example
 * const gold = []; for await (const s of readIob('en_ewt-ud-test.iob2')) gold.push(s);
 * const r = evaluateEntities(await createPipeline('en_core'), gold); r.f1; r.perLabel.PER.f1
 */
export function evaluateEntities(nlp: EntityPipelineLike, sentences: readonly IobSentence[], options: EvaluateEntitiesOptions = {}): EntityEvaluation {
  if (sentences.length === 0) throw new ArgumentError('no gold sentences to score', { key: 'sentences' });
  const goldTokens = options.goldTokens !== false;
  const goldSpans = sentences.map((s) => iobToSpans(s.tags).spans);
  const keep = new Set(options.labels ?? goldSpans.flat().map((s) => s.label));
  const gold: LabeledSpan[][] = [];
  const pred: LabeledSpan[][] = [];
  let tokens = 0;
  let unaligned = 0;
  let done = 0;
  let k = 0;
  const t0 = performance.now();
  for (const docSents of groupDocs(sentences)) {
    const first = k;
    k += docSents.length;
    const g: LabeledSpan[] = [];
    const p: LabeledSpan[] = [];
    if (goldTokens) {
      const words = docSents.flatMap((s) => s.words);
      const doc = Doc.fromWords(words, { vocab: nlp.vocab });
      const starts = new Int8Array(words.length).fill(-1);
      let off = 0;
      docSents.forEach((s, j) => {
        starts[off] = 1;
        for (const sp of goldSpans[first + j]!) g.push({ start: sp.start + off, end: sp.end + off, label: sp.label });
        off += s.words.length;
      });
      // Gold sentence boundaries stay, whatever a sentence splitter in the pipeline would set.
      doc.sentStart.set(starts);
      for (const name of nlp.pipeNames) {
        nlp.getPipe(name).process(doc);
        doc.sentStart.set(starts);
      }
      for (const e of doc.ents) if (keep.has(e.label)) p.push({ start: e.start, end: e.end, label: e.label });
      tokens += words.length;
    } else {
      // Character offsets of every gold word in the document's text (sentences joined by a space).
      let text = '';
      let ok = true;
      docSents.forEach((s, j) => {
        const base = text.length;
        const st = s.text || s.words.join(' ');
        const ends: number[] = [];
        const begins: number[] = [];
        let cur = 0;
        for (const w of s.words) {
          const at = st.indexOf(w, cur);
          if (at < 0) {
            ok = false;
            break;
          }
          begins.push(base + at);
          ends.push(base + at + w.length);
          cur = at + w.length;
        }
        if (ok) for (const sp of goldSpans[first + j]!) g.push({ start: begins[sp.start]!, end: ends[sp.end - 1]!, label: sp.label });
        text += st + ' ';
      });
      const doc = nlp(text.slice(0, -1));
      tokens += doc.length;
      if (!ok) {
        // Still counted: every gold entity of the document is a miss.
        unaligned++;
        g.length = 0;
        let off = 0;
        docSents.forEach((s, j) => {
          for (const sp of goldSpans[first + j]!) g.push({ start: sp.start + off, end: sp.end + off, label: sp.label });
          off += s.words.length;
        });
      } else for (const e of doc.ents) if (keep.has(e.label)) p.push({ start: e.startChar, end: e.endChar, label: e.label });
    }
    gold.push(g);
    pred.push(p);
    done += docSents.length;
    options.onProgress?.(done);
  }
  const seconds = (performance.now() - t0) / 1000;
  return { ...spanPrf(gold, pred), sentences: sentences.length, tokens, unaligned, seconds, tokensPerSecond: seconds > 0 ? Math.round(tokens / seconds) : 0 };
}
