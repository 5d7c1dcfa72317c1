import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseConllu, type ConlluSentence } from '../../../src/index.js';

/** The worktree root. */
export const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
/** UD English EWT in the shared evaluation data. */
export const EWT = resolve(repoRoot, '..', 'shared', 'eval', 'ud_english_ewt');

let train: ConlluSentence[] | undefined;
let test: ConlluSentence[] | undefined;

/** EWT train sentences (parsed once per test file). */
export function ewtTrain(): ConlluSentence[] {
  return (train ??= parseConllu(gunzipSync(readFileSync(resolve(EWT, 'en_ewt-ud-train.conllu.gz'))).toString('utf8'), 'en_ewt-ud-train.conllu'));
}

/** EWT test sentences. */
export function ewtTest(): ConlluSentence[] {
  return (test ??= parseConllu(readFileSync(resolve(EWT, 'en_ewt-ud-test.conllu'), 'utf8'), 'en_ewt-ud-test.conllu'));
}
