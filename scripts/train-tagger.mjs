// Rebuilds the shipped tagger model and lemma tables from UD English EWT train (reproducible:
// fixed seed and epochs). Run with `npm run train:tagger` (builds first).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ewt = resolve(root, '..', 'shared', 'eval', 'ud_english_ewt');
const code = await main([
  'train', 'tagger',
  '--train', resolve(ewt, 'en_ewt-ud-train.conllu.gz'),
  '--dev', resolve(ewt, 'en_ewt-ud-dev.conllu'),
  '--out', resolve(root, 'models', 'en_ewt_tagger.tlt'),
  '--lemmas', resolve(root, 'models', 'en_ewt_lemmas.json.gz'),
  '--epochs', '10',
  '--seed', '1',
]);
process.exitCode = code;
