import type { Command } from '../command.js';
import { evalTokenizerCommand } from './eval-tokenizer.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [evalTokenizerCommand];
