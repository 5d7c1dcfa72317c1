// Rebuilds the shipped entity model models/en_uner_ewt_ner.tlner (reproducible: fixed seeds, one
// thread). Stages: the Gutenberg books -> one text file with punctuation split off -> word2vec
// (CBOW, 64 dimensions) -> 512 k-means word clusters, plus name lists from compromise's lexicon
// (ner-gazetteer.mjs) -> averaged perceptron on Universal NER
// English-EWT train (PER, ORG, LOC; the train file's OTH and B-O tags are read as O), scored on
// dev each epoch. The training sentences' tagger tags are jackknifed from UD English-EWT train
// (the same sentences, matched by sent_id: 3 folds, each tagged by a 4-epoch tagger trained on the
// other two), so they are as noisy as the shipped tagger's tags on new text; dev is tagged by the shipped tagger. Run with `npm run train:ner` (builds first); `-- --vectors FILE` keeps the
// vectors in FILE, and reuses them when FILE exists. Data from TEXTLOOM_EVAL_DIR (default ../shared/eval), see bench/eval-dir.mjs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';
import { requireEval } from '../bench/eval-dir.mjs';
import { gutenbergVectors } from './gutenberg-vectors.mjs';
import { writeGazetteer } from './ner-gazetteer.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const tmp = mkdtempSync(join(tmpdir(), 'textloom-ner-'));
const vectors = arg('--vectors') ?? join(tmp, 'gutenberg.tlv');
try {
  const w2v = await gutenbergVectors(vectors, tmp);
  if (w2v !== 0) process.exit(w2v);
  const gazetteer = join(tmp, 'gazetteer.tsv');
  writeGazetteer(gazetteer);
  const code = await main([
    'train', 'ner',
    '--train', requireEval('uner_english_ewt/en_ewt-ud-train.iob2.gz'),
    '--dev', requireEval('uner_english_ewt/en_ewt-ud-dev.iob2'),
    '--out', resolve(root, 'models', 'en_uner_ewt_ner.tlner'),
    '--labels', 'PER,ORG,LOC',
    '--vectors', vectors,
    '--clusters', '512',
    '--gazetteer', gazetteer,
    '--tag-treebank', requireEval('ud_english_ewt/en_ewt-ud-train.conllu.gz'),
    '--jackknife', '3',
    '--tagger-epochs', '4',
    '--epochs', arg('--epochs') ?? '12',
    '--seed', '1',
  ]);
  process.exitCode = code;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
