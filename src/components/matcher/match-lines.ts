/**
 * The JSON lines `textloom match` prints and the `match` job kind writes: loading the pattern
 * files (entity-ruler records, dependency patterns) and turning one Doc's matches into records.
 * One module, so a queue run's output is byte for byte the command's.
 */
import { FormatError, ArgumentError } from '../../core/errors.js';
import type { Doc } from '../../core/doc.js';
import type { Vocab } from '../../core/vocab.js';
import type { Nlp } from '../../pipeline/pipeline.js';
import { ANNOTATION_PHRASE_ATTRS } from './attrs.js';
import { readDependencyPatterns } from './dep-patterns.js';
import { DependencyMatcher } from './dependency-matcher.js';
import { EntityRuler, locateError, readEntityPatterns } from './entity-ruler.js';

/**
 * Reads a pattern file into an entity ruler over `nlp`'s vocabulary. An empty file is an error
 * (it would print nothing and exit 0, as if the text had no matches); a bad pattern is an error
 * naming the file and line. `attr` is the phrase patterns' attribute (default: the ruler's);
 * `name` is how messages call the file.
 */
export async function loadPatternRuler(file: string, nlp: Nlp, attr?: string, name = file): Promise<EntityRuler> {
  // Phrases on an annotation attribute need that annotation: run the whole pipeline over them,
  // as spaCy's entity ruler runs the components before it (plain tokenizing is enough otherwise).
  const annotated = attr !== undefined && ANNOTATION_PHRASE_ATTRS.has(attr);
  const ruler = new EntityRuler(nlp.vocab, (t) => (annotated ? nlp(t) : nlp.makeDoc(t)), { ...(attr === undefined ? {} : { phraseMatcherAttr: attr }), validate: true });
  const patterns = await readEntityPatterns(file);
  if (patterns.length === 0) throw new FormatError(`no patterns in ${name}`, { file });
  for (const { pattern, line } of patterns) {
    try {
      ruler.addPatterns([pattern]);
    } catch (e) {
      locateError(e, file, line);
    }
  }
  return ruler;
}

/** Reads a dependency-pattern file (`{"label", "pattern"}` lines) into a matcher; empty is an error. */
export async function loadDependencyMatcher(file: string, vocab: Vocab, name = file): Promise<DependencyMatcher> {
  const records = await readDependencyPatterns(file);
  if (records.length === 0) throw new FormatError(`no patterns in ${name}`, { file });
  const matcher = new DependencyMatcher(vocab);
  for (const { label, pattern } of records) matcher.add(label, [pattern]);
  return matcher;
}

/** Whether a parser labelled the doc (a parser gives every token a label, the root included). */
export function isParsed(doc: Doc): boolean {
  for (let i = 0; i < doc.length; i++) if (doc.dep[i] !== 0) return true;
  return false;
}

/**
 * Throws when dependency patterns meet a doc no parser labelled (`line`: its input line), as
 * dependency patterns would silently never match.
 */
export function requireParsed(doc: Doc, line: number, pipeline: string, key: string): void {
  if (doc.length > 0 && !isParsed(doc)) {
    throw new ArgumentError(`pipeline "${pipeline}" has no parser (line ${line} came out without dependency labels): ${key} needs a pipeline with a parser, or --conllu with gold trees`, { key });
  }
}

/**
 * Pushes one JSON string per match of `doc` (input line `line`) onto `out`: token/phrase matches
 * `{"line","label","id"?,"start","end","startChar","endChar","text"}`, then dependency matches
 * `{"line","label","tokens","words"}`. Returns the number of matches (none in an empty doc).
 */
export function matchRecords(doc: Doc, line: number, ruler: EntityRuler | null, depMatcher: DependencyMatcher | null, out: string[]): number {
  // An empty line has no tokens to match, and no annotation the patterns could ask for.
  if (doc.length === 0) return 0;
  let found = 0;
  if (ruler) {
    for (const m of ruler.matches(doc)) {
      const span = doc.span(m.start, m.end);
      out.push(JSON.stringify({ line, label: m.label, ...(m.id !== undefined ? { id: m.id } : {}), start: m.start, end: m.end, startChar: span.startChar, endChar: span.endChar, text: span.text }));
      found++;
    }
  }
  if (depMatcher) {
    for (const [id, tokens] of depMatcher.match(doc)) {
      out.push(JSON.stringify({ line, label: depMatcher.vocab.strings.get(id), tokens, words: tokens.map((i) => doc.tokenText(i)) }));
      found++;
    }
  }
  return found;
}
