/**
 * Golden files: readable text in tests/fixtures/golden/ that pins an output exactly. A change shows
 * as a line diff in the test report. To accept a deliberate change, run the test with
 * `UPDATE_GOLDEN=1` (e.g. `UPDATE_GOLDEN=1 npx vitest run tests/embeddings/golden.test.ts`), which
 * rewrites the file, then review `git diff tests/fixtures/golden/` and commit it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fixturePath } from './eval-data.js';

/** Absolute path of golden file `name` (e.g. `word2vec/sg-hs-dim12.txt`). */
export function goldenPath(name: string): string {
  return fixturePath(path.join('golden', name));
}

/**
 * Compares `actual` with golden file `name` line by line (so a failure shows the changed lines), or
 * writes it when `UPDATE_GOLDEN=1`. A missing golden file fails and says how to create it.
 */
export function expectGolden(name: string, actual: string): void {
  const file = goldenPath(name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${path.relative(process.cwd(), file)} is missing; run the test with UPDATE_GOLDEN=1 to create it`);
  const want = readFileSync(file, 'utf8');
  if (actual === want) return;
  expect(actual.split('\n'), `output differs from ${name} (UPDATE_GOLDEN=1 rewrites it after a deliberate change)`).toEqual(want.split('\n'));
  // Same lines but different bytes (e.g. a trailing newline) still fails.
  expect(actual).toBe(want);
}
