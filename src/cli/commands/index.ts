import type { Command } from '../command.js';
import { evalTaggerCommand } from './eval-tagger.js';
import { trainTaggerCommand } from './train-tagger.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [trainTaggerCommand, evalTaggerCommand];
