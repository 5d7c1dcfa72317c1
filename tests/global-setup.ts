/**
 * Runs once before the test files: says in one line when the evaluation data is missing, so the
 * skipped tests are explained even by the default reporter (their titles name what they need).
 */
import { existsSync, readdirSync } from 'node:fs';
import { evalDir } from './eval-data.js';

/** Vitest global setup. */
export default function setup(): void {
  if (existsSync(evalDir) && readdirSync(evalDir).length > 0) return;
  process.stdout.write(`\nNo evaluation data in ${evalDir}: tests that need it are skipped (set TEXTLOOM_EVAL_DIR to the folder; tests/fixtures/README.md lists the sources).\n`);
}
