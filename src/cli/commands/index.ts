import type { Command } from '../command.js';
import { evalTaggerCommand } from './eval-tagger.js';
import { evalTokenizerCommand } from './eval-tokenizer.js';
import { trainTaggerCommand } from './train-tagger.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [evalTokenizerCommand, trainTaggerCommand, evalTaggerCommand];
