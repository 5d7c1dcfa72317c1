/**
 * The `wink` tagger backend: wink-nlp's UPOS tags mapped onto textloom's tokens by character
 * offsets (see `winkAnalyze`). wink gives no Penn Treebank tags, so `doc.tag` is left unset.
 */
import type { Doc } from '../../core/doc.js';
import type { Component } from '../../pipeline/component.js';
import { winkAnalyze } from '../wink.js';

/**
 * Tags with wink-nlp's model, aligned to textloom's tokens (never dropping one).
 * @example const nlp = await createPipeline({ components: [{ name: 'tagger', options: { backend: 'wink' } }] });
 */
export class WinkTagger implements Component {
  constructor(readonly name = 'tagger') {}

  /** Sets `doc.pos` from wink's tags. */
  process(doc: Doc): void {
    const a = winkAnalyze(doc);
    const strings = doc.vocab.strings;
    for (let i = 0; i < doc.length; i++) doc.pos[i] = strings.add(a.pos[i]!);
  }
}
