import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseConllu, type ConlluSentence } from '../../../src/index.js';
import { evalPath, fixturePath, hasEval } from '../../eval-data.js';

/** The EWT train file in the evaluation data. */
export const EWT_TRAIN = 'ud_english_ewt/en_ewt-ud-train.conllu.gz';
/** The EWT test file in the evaluation data. */
export const EWT_TEST = 'ud_english_ewt/en_ewt-ud-test.conllu';
/** The first 300 sentences of EWT train, shipped with the tests (CC BY-SA 4.0, see tests/fixtures/README.md). */
export const EWT_FIXTURE = fixturePath('ewt/en_ewt-ud-train-first300.conllu');

/** Whether the full EWT train and test files are present. */
export const haveEwt = (): boolean => hasEval(EWT_TRAIN, EWT_TEST);

let train: ConlluSentence[] | undefined;
let test: ConlluSentence[] | undefined;
let fixture: ConlluSentence[] | undefined;

/** EWT train sentences (parsed once per test file; needs the evaluation data). */
export function ewtTrain(): ConlluSentence[] {
  return (train ??= parseConllu(gunzipSync(readFileSync(evalPath(EWT_TRAIN))).toString('utf8'), 'en_ewt-ud-train.conllu'));
}

/** EWT test sentences (needs the evaluation data). */
export function ewtTest(): ConlluSentence[] {
  return (test ??= parseConllu(readFileSync(evalPath(EWT_TEST), 'utf8'), 'en_ewt-ud-test.conllu'));
}

/** The 300 fixture sentences (always present). */
export function ewtFixture(): ConlluSentence[] {
  return (fixture ??= parseConllu(readFileSync(EWT_FIXTURE, 'utf8'), EWT_FIXTURE));
}
