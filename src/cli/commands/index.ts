import type { Command } from '../command.js';
import { demoCommand } from './demo.js';
import { evalSearchCommand } from './eval-search.js';
import { evalSenterCommand } from './eval-senter.js';
import { evalTaggerCommand } from './eval-tagger.js';
import { evalParserCommand } from './eval-parser.js';
import { explainCommand } from './explain.js';
import { evalTextcat } from './eval-textcat.js';
import { evalTokenizerCommand } from './eval-tokenizer.js';
import { indexAddCommand } from './index-add.js';
import { indexBuildCommand } from './index-build.js';
import { indexDeleteCommand } from './index-delete.js';
import { indexMergeCommand } from './index-merge.js';
import { lmGenerate } from './lm-generate.js';
import { lmPerplexity } from './lm-perplexity.js';
import { lmScore } from './lm-score.js';
import { lmTrain } from './lm-train.js';
import { matchCommand } from './match.js';
import { searchCommand } from './search.js';
import { textcatPredict } from './textcat-predict.js';
import { tfidfKeywords } from './tfidf-keywords.js';
import { tfidfCount } from './tfidf-count.js';
import { tfidfMerge } from './tfidf-merge.js';
import { tokenizeCommand } from './tokenize.js';
import { trainTaggerCommand } from './train-tagger.js';
import { trainParserCommand } from './train-parser.js';
import { trainSenterCommand } from './train-senter.js';
import { trainTextcat } from './train-textcat.js';
import { w2vAnalogy } from './w2v-analogy.js';
import { w2vConvert } from './w2v-convert.js';
import { w2vEval } from './w2v-eval.js';
import { w2vSimilar } from './w2v-similar.js';
import { w2vTrain } from './w2v-train.js';
import { vectorsIndex } from './vectors-index.js';
import { vectorsQuery } from './vectors-query.js';
import { trainNerCommand } from './train-ner.js';
import { evalNerCommand } from './eval-ner.js';
import { renderCommand } from './render.js';
import { serveCommand } from './serve.js';
import { w2vPlot } from './w2v-plot.js';
import { lmCount } from './lm-count.js';
import { lmMerge } from './lm-merge.js';
import { workerCommand } from './worker.js';
import { jobsSubmit } from './jobs-submit.js';
import { jobsStatus } from './jobs-status.js';
import { jobsWait } from './jobs-wait.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [
  demoCommand,
  tokenizeCommand,
  matchCommand,
  trainTaggerCommand,
  trainParserCommand,
  trainSenterCommand,
  evalTokenizerCommand,
  evalSenterCommand,
  evalTaggerCommand,
  evalParserCommand,
  explainCommand,
  trainNerCommand,
  evalNerCommand,
  lmTrain,
  lmPerplexity,
  lmScore,
  lmGenerate,
  lmCount,
  lmMerge,
  workerCommand,
  jobsSubmit,
  jobsStatus,
  jobsWait,
  tfidfKeywords,
  tfidfCount,
  tfidfMerge,
  trainTextcat,
  evalTextcat,
  textcatPredict,
  w2vTrain,
  w2vSimilar,
  w2vAnalogy,
  w2vEval,
  w2vConvert,
  w2vPlot,
  indexBuildCommand,
  indexAddCommand,
  indexDeleteCommand,
  indexMergeCommand,
  searchCommand,
  evalSearchCommand,
  vectorsIndex,
  vectorsQuery,
  renderCommand,
  serveCommand,
];
