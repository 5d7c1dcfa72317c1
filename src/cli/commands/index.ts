import type { Command } from '../command.js';
import { evalSearchCommand } from './eval-search.js';
import { indexBuildCommand } from './index-build.js';
import { searchCommand } from './search.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [indexBuildCommand, searchCommand, evalSearchCommand];
