import type { Command } from '../command.js';
import { w2vAnalogy } from './w2v-analogy.js';
import { w2vEval } from './w2v-eval.js';
import { w2vSimilar } from './w2v-similar.js';
import { w2vTrain } from './w2v-train.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [w2vTrain, w2vSimilar, w2vAnalogy, w2vEval];
