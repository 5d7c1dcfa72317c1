/**
 * Where the tests find the public evaluation data (UD English EWT, Cranfield, KenLM references, word
 * similarity sets, ...), and whether a given file of it is there.
 *
 * The folder is `TEXTLOOM_EVAL_DIR` when set, else `../shared/eval` next to the checkout. Tests that
 * need a file wrap themselves in `describe.skipIf(!hasEval(file))(needsEval(file, '...'))`, so a
 * clean clone without the data runs every other test and reports these as skipped, with the reason
 * in the title. Nothing here reads a data file: loading happens inside the tests.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root folder. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** The evaluation-data folder: `TEXTLOOM_EVAL_DIR`, or `../shared/eval` next to the checkout. */
export const evalDir = process.env.TEXTLOOM_EVAL_DIR ? path.resolve(process.env.TEXTLOOM_EVAL_DIR) : path.resolve(repoRoot, '..', 'shared', 'eval');

/** The tests' own small fixtures (always present). */
export const fixturesDir = path.join(repoRoot, 'tests', 'fixtures');

/** Absolute path of `rel` (e.g. `cranfield/docs.jsonl`) inside the evaluation-data folder. */
export function evalPath(rel: string): string {
  return path.join(evalDir, rel);
}

/** Whether every one of `rels` exists in the evaluation-data folder. */
export function hasEval(...rels: string[]): boolean {
  return rels.every((r) => existsSync(evalPath(r)));
}

/**
 * A describe title that names the data it needs, so a skip says why:
 * `needsEval('cranfield', 'ranks like Lucene')` is "ranks like Lucene (needs eval data cranfield; set TEXTLOOM_EVAL_DIR)".
 */
export function needsEval(rel: string, title: string): string {
  return `${title} (needs eval data ${rel}; set TEXTLOOM_EVAL_DIR)`;
}

/** Absolute path of `rel` inside tests/fixtures. */
export function fixturePath(rel: string): string {
  return path.join(fixturesDir, rel);
}
