import { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import { Span } from '../../core/span.js';
import type { Vocab } from '../../core/vocab.js';

/** What a matcher runs over: a doc and the token range [start, end) of it. */
export interface MatchTarget {
  readonly doc: Doc;
  readonly start: number;
  readonly end: number;
}

/**
 * The doc and token range of a Doc (all of it) or a Span, checked to be made with `vocab`: the
 * Matcher and the PhraseMatcher both take either. Anything else is an ArgumentError.
 */
export function matchTarget(doclike: Doc | Span, vocab: Vocab): MatchTarget {
  let target: MatchTarget;
  if (doclike instanceof Doc) target = { doc: doclike, start: 0, end: doclike.length };
  else if (doclike instanceof Span) target = { doc: doclike.doc, start: doclike.start, end: doclike.end };
  else throw new ArgumentError('match() needs a Doc or a Span');
  if (target.doc.vocab !== vocab) throw new ArgumentError('the doc was made with a different vocab than the matcher');
  return target;
}
