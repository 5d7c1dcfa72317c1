import type { Doc } from '../../core/doc.js';
import { ArgumentError } from '../../core/errors.js';
import type { Span } from '../../core/span.js';

/**
 * A copy of `span` as its own Doc with the dependency tree cut as spaCy's `Span.as_doc()` cuts it
 * (`_fix_dep_copy`), which is what spaCy's DependencyMatcher matches on a Span: a token whose head
 * lies outside the span is attached to its highest ancestor inside the span; if it has none, the
 * first such token of each original tree becomes a root and the others of that tree attach to it.
 * Those tokens get the label `dep` (when the doc has labels).
 */
export function spanTreeDoc(span: Span): Doc {
  const out = span.toDoc();
  const src = span.doc;
  const { start, end } = span;
  const len = end - start;
  let labelled = false;
  for (let i = 0; i < src.length && !labelled; i++) if (src.dep[i] !== 0) labelled = true;
  const depLabel = labelled ? src.vocab.strings.add('dep') : 0;
  const newRootOf = new Map<number, number>();
  const inSpan = (k: number): boolean => k >= 0 && k < len;
  for (let i = 0; i < len; i++) {
    const tok = start + i;
    let value = src.head[tok]!;
    let ancestor = tok + value - start;
    if (!inSpan(ancestor)) {
      if (labelled) out.dep[i] = depLabel;
      // Walk every ancestor up to the root: the last one inside the span wins, and `ancestor`
      // ends as the original root (the key shared by the tokens of one tree).
      let a = tok;
      for (let steps = 0; ; steps++) {
        const h = a + src.head[a]!;
        if (h === a) break;
        if (h < 0 || h >= src.length || steps > src.length) {
          throw new ArgumentError(`token ${a} has no valid path to a root (head ${h})`, { key: `head[${a}]` });
        }
        a = h;
        ancestor = a - start;
        if (inSpan(ancestor)) value = ancestor - i;
      }
    }
    if (!inSpan(i + value)) {
      const root = newRootOf.get(ancestor);
      if (root !== undefined) value = root - i;
      else {
        value = 0;
        newRootOf.set(ancestor, i);
      }
    }
    out.head[i] = value;
  }
  return out;
}
