import type { FlagSpec, ParsedArgs, PositionalSpec } from './args.js';

/**
 * One CLI command. `name` may have two words (`eval tokenizer`). `run` only maps flags onto
 * options of the public API and prints; it returns the process exit code (default 0).
 */
export interface Command {
  name: string;
  summary: string;
  /** Usage line after `textloom <name>`, e.g. `[--input FILE]`. */
  usage?: string;
  /** Extra help text (examples). */
  help?: string;
  flags: Record<string, FlagSpec>;
  /** The positional arguments it takes; without this a bare argument is an error (exit 2). */
  positionals?: PositionalSpec;
  run(args: ParsedArgs, io: CommandIO): Promise<number | void> | number | void;
}

/** Output streams, injectable for tests. */
export interface CommandIO {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}
