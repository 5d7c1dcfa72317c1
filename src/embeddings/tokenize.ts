/**
 * Sentence tokenization for word2vec corpora: a line becomes tokens by a textloom pipeline's
 * tokenizer (its components are not built: only `makeDoc` runs), optionally lowercased, so that
 * embeddings are trained on the same tokens a pipeline produces.
 */
import { readFileSync } from 'node:fs';
import { ArgumentError } from '../core/errors.js';
import { load, resolvePipelinePath } from '../pipeline/load.js';
import type { Nlp } from '../pipeline/pipeline.js';

/** Turns one line into its tokens. */
export type LineTokenizer = (line: string) => string[];

/** Something with a `makeDoc` (a loaded pipeline). */
type DocMaker = Pick<Nlp, 'makeDoc'>;

/**
 * A line tokenizer from a pipeline name, config path or loaded pipeline. A name or path is loaded
 * with every component excluded (only the tokenizer is built, for speed).
 * @example const tok = await lineTokenizer('en_core', true); tok("Don't stop.") // ['do', "n't", 'stop', '.']
 */
export async function lineTokenizer(pipeline: string | DocMaker, lowercase: boolean): Promise<LineTokenizer> {
  let nlp: DocMaker;
  if (typeof pipeline === 'string') {
    const path = resolvePipelinePath(pipeline);
    let names: string[] = [];
    try {
      const cfg = JSON.parse(readFileSync(path, 'utf8')) as { components?: { name?: unknown }[] };
      if (Array.isArray(cfg.components)) names = cfg.components.map((c) => c?.name).filter((n): n is string => typeof n === 'string');
    } catch {
      // load() below reports the bad file with its own error
    }
    nlp = await load(pipeline, { exclude: names });
  } else if (pipeline && typeof (pipeline as DocMaker).makeDoc === 'function') nlp = pipeline;
  else throw new ArgumentError('pipeline must be a pipeline name, a config path or a loaded pipeline', { key: 'pipeline' });
  return (line: string): string[] => {
    const doc = nlp.makeDoc(line);
    const n = doc.length;
    const out: string[] = new Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const t = doc.tokenText(i);
      if (t.trim() === '') continue; // whitespace tokens are no words
      out[k++] = lowercase ? t.toLowerCase() : t;
    }
    out.length = k;
    return out;
  };
}
