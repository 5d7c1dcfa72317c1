import type { Command } from '../command.js';
import { demoCommand } from './demo.js';
import { evalSearchCommand } from './eval-search.js';
import { evalSenterCommand } from './eval-senter.js';
import { evalTaggerCommand } from './eval-tagger.js';
import { evalTextcat } from './eval-textcat.js';
import { evalTokenizerCommand } from './eval-tokenizer.js';
import { indexBuildCommand } from './index-build.js';
import { lmGenerate } from './lm-generate.js';
import { lmPerplexity } from './lm-perplexity.js';
import { lmTrain } from './lm-train.js';
import { matchCommand } from './match.js';
import { searchCommand } from './search.js';
import { tfidfKeywords } from './tfidf-keywords.js';
import { tokenizeCommand } from './tokenize.js';
import { trainTaggerCommand } from './train-tagger.js';
import { trainTextcat } from './train-textcat.js';
import { w2vAnalogy } from './w2v-analogy.js';
import { w2vEval } from './w2v-eval.js';
import { w2vSimilar } from './w2v-similar.js';
import { w2vTrain } from './w2v-train.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [
  demoCommand,
  tokenizeCommand,
  matchCommand,
  trainTaggerCommand,
  evalTokenizerCommand,
  evalSenterCommand,
  evalTaggerCommand,
  lmTrain,
  lmPerplexity,
  lmGenerate,
  tfidfKeywords,
  trainTextcat,
  evalTextcat,
  w2vTrain,
  w2vSimilar,
  w2vAnalogy,
  w2vEval,
  indexBuildCommand,
  searchCommand,
  evalSearchCommand,
];
