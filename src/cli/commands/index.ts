import type { Command } from '../command.js';
import { tfidfKeywords } from './tfidf-keywords.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [tfidfKeywords];
