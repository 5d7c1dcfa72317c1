/**
 * Document and query vectors computed by a pipeline with the `vectors` component: the text of
 * the embedded fields, joined by a blank line, through the pipeline, and `doc.vector` (the mean of
 * the token vectors, unknown tokens counting as zeros, as spaCy). A text with no known token has
 * no direction, so it gets no vector (a document then ranks by BM25 only).
 */
import { ConfigError } from '../core/errors.js';
import { fieldText, type Doc } from './documents.js';
import type { EmbedOptions } from './vector-options.js';

/** The vector of `text`, or undefined when none of its tokens has a vector. */
export function embedText(e: Required<EmbedOptions>, text: string): Float32Array | undefined {
  const doc = e.pipeline(text);
  if (!doc || typeof doc !== 'object' || !('vectorHook' in doc)) throw new ConfigError('embed.pipeline must return a Doc (pass a pipeline built by createPipeline)', { key: 'embed.pipeline' });
  if (!doc.vectorHook) throw new ConfigError('embed.pipeline has no "vectors" component, so its docs have no vector (add the component to the pipeline)', { key: 'embed.pipeline' });
  const v = doc.vector;
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return v;
  return undefined;
}

/** The vector of a document: its embedded fields' text through the pipeline. */
export function embedDocument(e: Required<EmbedOptions>, doc: Doc): Float32Array | undefined {
  const parts: string[] = [];
  for (const f of e.fields) {
    const t = fieldText(doc[f]);
    if (t) parts.push(t);
  }
  return parts.length ? embedText(e, parts.join('\n\n')) : undefined;
}
