/**
 * The frame of the commands that write one file and end with a summary of it (`tfidf count`,
 * `lm count`, the merges): `--out` and `--json` declared alike, and the summary printed alike.
 */
import type { FlagSpec } from './args.js';
import type { CommandIO } from './command.js';

/** `--json` of a command that ends with a summary object; its help lists the summary's keys. */
export function jsonSummaryFlag(keys: readonly string[]): FlagSpec {
  return { type: 'boolean', doc: `print a JSON summary {${keys.map((k) => `"${k}"`).join(',')}} on stdout` };
}

/** `--out FILE` (required, `-o`) and {@link jsonSummaryFlag}, in that order in `--help`. */
export function outFileFlags(doc: string, value: string, summaryKeys: readonly string[]): Record<string, FlagSpec> {
  return {
    out: { type: 'string', doc, value, required: true, alias: 'o' },
    json: jsonSummaryFlag(summaryKeys),
  };
}

/** Prints the closing summary on stdout: one JSON line with `--json`, else `line`. */
export function printSummary(io: CommandIO, json: unknown, summary: object, line: string): void {
  io.stdout.write((json ? JSON.stringify(summary) : line) + '\n');
}
