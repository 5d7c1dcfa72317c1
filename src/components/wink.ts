/**
 * The wink-nlp instances of the process (wink-eng-lite-web-model), each created lazily on first
 * use and reused, never per call (the model loader breaks after about twenty instances): the
 * shared one (pipe sbd+pos+ner), and an entities-only one (pipe ner; wink's entity automata read
 * neither sentences nor POS, so its entities are the same at half the cost). Also
 * runs wink on a Doc once and aligns its output to textloom's tokens by character offsets,
 * caching the result on the Doc so the tagger, lemmatizer and ner share one run.
 */
import { createRequire } from 'node:module';
import type { Doc } from '../core/doc.js';
import { LexFlag } from '../core/lexeme.js';
import { gateRanges, gateSeparator } from './wink-gate.js';
import { sharedWinkModel } from './wink-model.js';

/** What one wink run gives, aligned to the Doc's tokens. */
export interface WinkAnalysis {
  /** UPOS per textloom token (from the wink token it overlaps most). */
  pos: string[];
  /** wink lemma per textloom token (from the same wink token). */
  lemma: string[];
  /** Entities as character spans with wink's labels. */
  entities: { start: number; end: number; label: string }[];
}

interface WinkInstance {
  readDoc(text: string): any;
  its: any;
}

let instance: WinkInstance | undefined;

/** The shared wink-nlp instance (created on first call). */
export function winkNlp(): WinkInstance {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkInstance;
    const model = require('wink-eng-lite-web-model');
    instance = winkNLP(model, ['sbd', 'pos', 'ner']);
  }
  return instance;
}

let nerInstance: WinkInstance | undefined;

/** The entities-only wink-nlp instance (pipe `ner`), created on first call. */
function winkNerOnly(): WinkInstance {
  if (!nerInstance) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkInstance;
    nerInstance = winkNLP(sharedWinkModel(), ['ner']);
  }
  return nerInstance;
}

const KEY = 'textloom.wink';

/**
 * Character offsets of wink-nlp's tokens in `text`: each token after its preceding spaces, or
 * (where wink normalised the text) at its next occurrence.
 */
function tokenOffsets(text: string, values: readonly string[], spaces: readonly string[]): { ws: Int32Array; we: Int32Array } {
  const m = values.length;
  const ws = new Int32Array(m);
  const we = new Int32Array(m);
  let cursor = 0;
  for (let k = 0; k < m; k++) {
    let s = cursor + spaces[k]!.length;
    const v = values[k]!;
    if (text.startsWith(v, s) === false) {
      const found = text.indexOf(v, cursor);
      if (found >= 0) s = found;
    }
    ws[k] = s;
    we[k] = Math.min(text.length, s + v.length);
    cursor = we[k]!;
  }
  return { ws, we };
}

/**
 * Runs wink on `doc.text` (once per Doc) and aligns its tokens to the Doc's: each textloom token
 * takes the wink token with the largest character overlap; a whitespace token overlapping none is
 * SPACE, any other token overlapping none takes the nearest wink token before it. Tokens are never dropped.
 */
export function winkAnalyze(doc: Doc): WinkAnalysis {
  const cached = doc.user.get(KEY) as (WinkAnalysis & { text: string; n: number }) | undefined;
  if (cached && cached.n === doc.length) return cached;
  const nlp = winkNlp();
  const its = nlp.its;
  const text = doc.text;
  const wd = nlp.readDoc(text);
  const values: string[] = wd.tokens().out(its.value);
  const spaces: string[] = wd.tokens().out(its.precedingSpaces);
  const pos: string[] = wd.tokens().out(its.pos);
  const lemmas: string[] = wd.tokens().out(its.lemma);
  const m = values.length;
  const { ws, we } = tokenOffsets(text, values, spaces);
  const out: WinkAnalysis = { pos: new Array(doc.length), lemma: new Array(doc.length), entities: [] };
  let k = 0;
  for (let i = 0; i < doc.length; i++) {
    const s = doc.idx[i]!;
    const e = doc.endChar(i);
    while (k < m && we[k]! <= s) k++;
    let best = -1;
    let bestOverlap = 0;
    for (let j = k; j < m && ws[j]! < e; j++) {
      const ov = Math.min(e, we[j]!) - Math.max(s, ws[j]!);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = j;
      }
    }
    if (best < 0 && doc.vocab.flags(doc.orth[i]!) & LexFlag.IS_SPACE) {
      // Extra whitespace that wink attaches to no token: spaCy's SPACE, not a neighbour's tag.
      out.pos[i] = 'SPACE';
      out.lemma[i] = doc.tokenText(i);
      continue;
    }
    if (best < 0) best = Math.max(0, Math.min(m - 1, k - 1));
    out.pos[i] = m ? pos[best]! : 'X';
    out.lemma[i] = m ? lemmas[best]! : doc.tokenText(i);
  }
  const spans: [number, number][] = wd.entities().out(its.span);
  const details: { value: string; type: string }[] = wd.entities().out(its.detail);
  spans.forEach(([a, b], j) => {
    if (a < m && b < m) out.entities.push({ start: ws[a]!, end: we[b]!, label: details[j]!.type });
  });
  doc.user.set(KEY, { ...out, text, n: doc.length });
  return out;
}

/** One wink-nlp entity as a character span of the text it was found in. */
export interface WinkEntity {
  start: number;
  end: number;
  label: string;
}

/** wink's entities over all of `text` (entities-only instance; reads token offsets only when there are entities). */
function entitiesOfText(text: string): WinkEntity[] {
  const nlp = winkNerOnly();
  const its = nlp.its;
  const wd = nlp.readDoc(text);
  const spans: [number, number][] = wd.entities().out(its.span);
  if (spans.length === 0) return [];
  const values: string[] = wd.tokens().out(its.value);
  const spaces: string[] = wd.tokens().out(its.precedingSpaces);
  const m = values.length;
  const { ws, we } = tokenOffsets(text, values, spaces);
  const details: { value: string; type: string }[] = wd.entities().out(its.detail);
  const out: WinkEntity[] = [];
  spans.forEach(([a, b], j) => {
    if (a < m && b < m) out.push({ start: ws[a]!, end: we[b]!, label: details[j]!.type });
  });
  return out;
}

/**
 * wink-nlp's entities of a text as character spans. By default wink reads only the stretches of
 * the text where one of its rules can fire (see `wink-gate.ts`), joined into one shorter text, and
 * the spans are mapped back; the result equals `{ gated: false }`, which reads the whole text.
 * @example winkTextEntities('Pay $5 by Monday.') // [{ start: 4, end: 6, label: 'MONEY' }, { start: 10, end: 16, label: 'DATE' }]
 */
export function winkTextEntities(text: string, options: { gated?: boolean } = {}): WinkEntity[] {
  const ranges = options.gated === false ? null : gateRanges(text);
  if (ranges === null) return entitiesOfText(text);
  if (ranges.length === 0) return [];
  const sep = ` ${gateSeparator()} `;
  const redStart: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (let k = 0; k < ranges.length; k += 2) {
    if (k) at += sep.length;
    redStart.push(at);
    const piece = text.slice(ranges[k]!, ranges[k + 1]!);
    parts.push(piece);
    at += piece.length;
  }
  const found = entitiesOfText(parts.join(sep));
  const out: WinkEntity[] = [];
  let p = 0;
  for (const e of found) {
    while (p + 1 < redStart.length && redStart[p + 1]! <= e.start) p++;
    const delta = ranges[2 * p]! - redStart[p]!;
    // No entity spans the separator (no rule moves on it); were one to, read the whole text.
    if (e.end > redStart[p]! + parts[p]!.length) return entitiesOfText(text);
    out.push({ start: e.start + delta, end: e.end + delta, label: e.label });
  }
  return out;
}

/**
 * wink's entities of a Doc as character spans, reusing {@link winkAnalyze}'s cached run when there
 * is one; otherwise {@link winkTextEntities} (the entities-only instance over the stretches where
 * a rule can fire; no sentence splitting or POS, which cost most of wink's time). Not cached.
 */
export function winkEntities(doc: Doc): WinkEntity[] {
  const cached = doc.user.get(KEY) as (WinkAnalysis & { n: number }) | undefined;
  if (cached && cached.n === doc.length) return cached.entities;
  return winkTextEntities(doc.text);
}
