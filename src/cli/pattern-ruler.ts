/**
 * The entity ruler of the commands that take `--patterns FILE` (entity-ruler JSON lines):
 * `match` and `render --style span`. One loader so both read, validate and locate errors alike.
 */
import { ANNOTATION_PHRASE_ATTRS } from '../components/matcher/attrs.js';
import { EntityRuler, locateError, readEntityPatterns } from '../components/matcher/entity-ruler.js';
import { FormatError } from '../core/errors.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { inputName } from './input-name.js';

/**
 * Reads a pattern file into an entity ruler over `nlp`'s vocabulary. An empty file is an error
 * (it would print nothing and exit 0, as if the text had no matches); a bad pattern is an error
 * naming the file and line. `attr` is the phrase patterns' attribute (default: the ruler's).
 */
export async function loadPatternRuler(file: string, nlp: Nlp, attr?: string): Promise<EntityRuler> {
  // Phrases on an annotation attribute need that annotation: run the whole pipeline over them,
  // as spaCy's entity ruler runs the components before it (plain tokenizing is enough otherwise).
  const annotated = attr !== undefined && ANNOTATION_PHRASE_ATTRS.has(attr);
  const ruler = new EntityRuler(nlp.vocab, (t) => (annotated ? nlp(t) : nlp.makeDoc(t)), { ...(attr === undefined ? {} : { phraseMatcherAttr: attr }), validate: true });
  const patterns = await readEntityPatterns(file);
  if (patterns.length === 0) throw new FormatError(`no patterns in ${inputName(file)}`, { file });
  for (const { pattern, line } of patterns) {
    try {
      ruler.addPatterns([pattern]);
    } catch (e) {
      locateError(e, file, line);
    }
  }
  return ruler;
}
