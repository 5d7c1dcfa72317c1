/**
 * `/api/analyze` in two parts: the tokens, tags, lemmas, sentences and entities as soon as they
 * are known, then the dependency parse (the costliest step of a pipeline such as `en_core`), so a
 * page can draw its first screen while the parser runs. The parts together are exactly the
 * one-part answer: the parser runs last only where that cannot change anything.
 */
import type { Component } from '../pipeline/component.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { analysisOf, parseColumns, type Analysis } from './api.js';

/** The first part of a two-part analysis: `dep` and `head` are empty and `parsePending` is true. */
export type AnalysisFirstPart = Analysis & { parsePending: true };

/** The second part: the dependency columns, and the parser's time in ms. */
export interface ParsePart {
  dep: string[];
  head: number[];
  parsed: boolean;
  ms: number;
}

// Factories whose components neither read what the parser writes (head, dep) nor write what it
// reads (words, tags, sentence starts): they may run before it without changing any result.
const PARSE_INDEPENDENT = new Set(['lemmatizer', 'entity_recognizer', 'ner', 'stemmer', 'textcat']);

/** How a pipeline's analysis splits: everything but the parser first, then the parser. */
export interface PartsPlan {
  /** The pipeline without its parser. */
  first: Nlp;
  /** The parser, run on the first part's Doc. */
  parser: Component;
}

/**
 * The two-part plan of `nlp`, or undefined when it has no parser or when a component after the
 * parser is not known to be independent of it (then the analysis is sent in one part).
 */
export function planParts(nlp: Nlp): PartsPlan | undefined {
  const comps = (nlp.config.components ?? []).filter((c) => !c.disabled);
  const at = comps.findIndex((c) => (c.factory ?? c.name) === 'parser');
  if (at < 0 || !comps.slice(at + 1).every((c) => PARSE_INDEPENDENT.has(c.factory ?? c.name))) return undefined;
  const name = comps[at]!.name;
  return { first: nlp.disable([name]), parser: nlp.getPipe(name) };
}

/**
 * Analyses `text` lazily in parts, each a JSON text: the first part when the generator is first
 * advanced, the parse on the next call (so the caller can send the first part before the parser
 * runs). Without a plan, or when the first pass set no sentence boundaries (the parser would set
 * them, and the entity recognizer reads them), one part with the whole analysis.
 */
export function* analyzeInParts(nlp: Nlp, plan: PartsPlan | undefined, text: string): Generator<string, void, void> {
  const t0 = performance.now();
  if (!plan) return void (yield JSON.stringify(analysisOf(nlp(text), t0)));
  const doc = plan.first(text);
  if (!doc.hasSents) return void (yield JSON.stringify(analysisOf(nlp(text), t0)));
  const first: AnalysisFirstPart = { ...analysisOf(doc, t0, false), parsePending: true };
  yield JSON.stringify(first);
  const t1 = performance.now();
  plan.parser.process(doc);
  const part: ParsePart = { ...parseColumns(doc), parsed: doc.dep.some((d) => d !== 0), ms: 0 };
  part.ms = +(performance.now() - t1).toFixed(3);
  yield JSON.stringify(part);
}
