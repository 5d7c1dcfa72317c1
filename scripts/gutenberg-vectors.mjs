// The word-vector step the parser and entity-model training scripts share (train-parser.mjs,
// train-ner.mjs): the Gutenberg books -> one text file with punctuation split off words (as the
// models see tokens; case kept, clusters are case-sensitive) -> word2vec (CBOW, 64 dimensions,
// window 5, min count 20, 2 epochs, one thread, seed 1: reproducible byte for byte).
import { createReadStream, createWriteStream, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { main } from '../dist/cli/main.js';
import { requireEval } from '../bench/eval-dir.mjs';

/** Writes the `*.gz` books of `books`, in name order, to `corpus` with punctuation split off. */
export async function writeGutenbergCorpus(books, corpus) {
  const out = createWriteStream(corpus);
  for (const f of readdirSync(books).filter((n) => n.endsWith('.gz')).sort()) {
    const rl = createInterface({ input: createReadStream(join(books, f)).pipe(createGunzip()), crlfDelay: Infinity });
    for await (const line of rl) if (!out.write(line.replace(/([\][(){}.,;:!?"“”‘’_*]|--)/g, ' $1 ') + '\n')) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

/**
 * Trains the Gutenberg vectors into `vectors` unless that file exists (`-- --vectors FILE` reuse),
 * with the corpus written under `tmp`. Returns the exit code of `w2v train` (0 when reused).
 */
export async function gutenbergVectors(vectors, tmp) {
  if (existsSync(vectors)) return 0;
  const corpus = join(tmp, 'gutenberg.txt');
  await writeGutenbergCorpus(requireEval('gutenberg_en/texts'), corpus);
  return main(['w2v', 'train', '--input', corpus, '--out', vectors, '--size', '64', '--window', '5', '--min-count', '20', '--epochs', '2', '--threads', '1', '--seed', '1']);
}
