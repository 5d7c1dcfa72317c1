import type { Command } from '../command.js';
import { matchCommand } from './match.js';

/** Every CLI command, in --help order. Each command lives in its own file. */
export const COMMANDS: Command[] = [matchCommand];
