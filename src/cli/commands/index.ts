import type { Command } from '../command.js';
import { lmGenerate } from './lm-generate.js';
import { lmPerplexity } from './lm-perplexity.js';
import { lmTrain } from './lm-train.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [lmTrain, lmPerplexity, lmGenerate];
