/**
 * The `--lenient` flag of the commands that read CoNLL-U, and the reader behind it: strict, a
 * malformed file stops the command with the error naming file and line; lenient, it is repaired
 * and one warning on stderr counts the repairs per kind.
 */
import type { FlagSpec } from './args.js';
import type { CommandIO } from './command.js';
import { readConllu, type ConlluSentence } from '../io/conllu.js';
import { ConlluRepairs } from '../io/conllu-validate.js';

/** `--lenient`: repair malformed CoNLL-U instead of refusing it. */
export const CONLLU_LENIENT_FLAGS: Record<string, FlagSpec> = {
  lenient: { type: 'boolean', doc: 'repair malformed CoNLL-U (ids, ranges, heads, columns, NUL bytes...) and print what was repaired, instead of stopping at the first problem' },
};

/**
 * Streams the sentences of a CoNLL-U `file`, lenient when `lenient`; after the last sentence, a
 * lenient read that repaired anything writes `warning: FILE: N repairs: 2 bad-head, ...` to stderr.
 */
export async function* conlluInput(file: string, lenient: boolean, io: CommandIO): AsyncGenerator<ConlluSentence> {
  const repairs = new ConlluRepairs();
  yield* readConllu(file, { lenient, repairs });
  if (repairs.total) io.stderr.write(`warning: ${file}: ${repairs.summary()}\n`);
}

/** All sentences of {@link conlluInput}. */
export async function readConlluInput(file: string, lenient: boolean, io: CommandIO): Promise<ConlluSentence[]> {
  const out: ConlluSentence[] = [];
  for await (const s of conlluInput(file, lenient, io)) out.push(s);
  return out;
}
