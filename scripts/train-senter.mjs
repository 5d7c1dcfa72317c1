// Rebuilds the shipped sentence segmenter from UD English EWT train (reproducible: fixed seed and
// epochs; dev F1 per epoch on EWT dev). Run with `npm run train:senter` (builds first). The data is
// read from TEXTLOOM_EVAL_DIR (default ../shared/eval next to the checkout), see bench/eval-dir.mjs.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../dist/cli/main.js';
import { requireEval } from '../bench/eval-dir.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const code = await main([
  'train', 'senter',
  '--train', requireEval('ud_english_ewt/en_ewt-ud-train.conllu.gz'),
  '--dev', requireEval('ud_english_ewt/en_ewt-ud-dev.conllu'),
  '--out', resolve(root, 'models', 'en_ewt_senter.tls'),
  '--epochs', '12',
  '--seed', '1',
]);
process.exitCode = code;
