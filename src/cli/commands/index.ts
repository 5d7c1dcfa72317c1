import type { Command } from '../command.js';
import { tfidfKeywords } from './tfidf-keywords.js';
import { trainTextcat } from './train-textcat.js';
import { evalTextcat } from './eval-textcat.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [tfidfKeywords, trainTextcat, evalTextcat];
