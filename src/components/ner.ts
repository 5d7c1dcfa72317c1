/**
 * The `ner` component: wink-nlp's entities (DATE, TIME, MONEY, PERCENT, CARDINAL, ORDINAL, URL,
 * EMAIL, HASHTAG, MENTION, EMOJI...) as `doc.ents` spans, expanded to textloom token boundaries.
 */
import type { Doc } from '../core/doc.js';
import type { Span } from '../core/span.js';
import type { Component } from '../pipeline/component.js';
import { winkAnalyze } from './wink.js';

/**
 * Sets `doc.ents` from wink-nlp's entity recognizer.
 * @example const nlp = await createPipeline({ components: [{ name: 'ner' }] }); nlp('Pay $5 on Jan. 5th').ents
 */
export class WinkNer implements Component {
  constructor(readonly name = 'ner') {}

  /** Replaces `doc.ents` with wink's entities (overlaps with earlier ones are skipped). */
  process(doc: Doc): void {
    const spans: Span[] = [];
    let lastEnd = 0;
    for (const e of winkAnalyze(doc).entities) {
      const span = doc.charSpan(e.start, e.end, e.label, 'expand');
      if (!span || span.start < lastEnd) continue;
      spans.push(span);
      lastEnd = span.end;
    }
    doc.ents = spans;
  }
}
