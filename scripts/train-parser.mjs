// Rebuilds the shipped dependency parser from UD English EWT train (reproducible: fixed seeds,
// epochs and jackknife folds, one thread; training tags jackknifed, dev tags from the shipped
// tagger). Stages: the Gutenberg books -> one text file with punctuation split off -> word2vec
// (CBOW, 64 dimensions, the entity recognizer's recipe in train-ner.mjs) -> the parser, whose
// word-cluster features come from a 16 x 4 x 16 k-means tree over those vectors. Run with
// `npm run train:parser` (builds first); `-- --vectors FILE` keeps the vectors in FILE and reuses
// them when FILE exists. Data from TEXTLOOM_EVAL_DIR (default ../shared/eval next to the
// checkout), see bench/eval-dir.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';
import { requireEval } from '../bench/eval-dir.mjs';
import { gutenbergVectors } from './gutenberg-vectors.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const tmp = mkdtempSync(join(tmpdir(), 'textloom-parser-'));
const vectors = arg('--vectors') ?? join(tmp, 'gutenberg.tlv');
try {
  const w2v = await gutenbergVectors(vectors, tmp);
  if (w2v !== 0) process.exit(w2v);
  const code = await main([
    'train', 'parser',
    '--train', requireEval('ud_english_ewt/en_ewt-ud-train.conllu.gz'),
    '--dev', requireEval('ud_english_ewt/en_ewt-ud-dev.conllu'),
    '--out', resolve(root, 'models', 'en_ewt_parser.tlp'),
    '--vectors', vectors,
    '--epochs', arg('--epochs') ?? '8',
    '--action-bits', '19',
    '--label-bits', '21',
    '--seed', '1',
  ]);
  process.exitCode = code;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
