/**
 * Fuzz suite: every loader in `targets.ts` against seeded mutations of a small valid input. Each
 * case must end in a typed TextloomError or a usable result, within its time limit, with no partial
 * output. `FUZZ_RUNS` sets the cases per loader (default 150 here; `npm run fuzz` runs a long
 * campaign) and `FUZZ_SEED` the seed; the table of tried/refused/accepted counts is printed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, fuzz, type FuzzStats } from './harness.js';
import { TARGETS } from './targets.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const rows: FuzzStats[] = [];

describe('fuzz: malformed inputs are refused with a typed error or loaded, never crash or hang', () => {
  TARGETS.forEach((target, i) => {
    it(target.name, async () => {
      const stats = await fuzz(target, { runs: RUNS, seed: SEED + i });
      rows.push(stats);
      expect(stats.tried).toBe(RUNS);
      // Mutations of a checked format must be caught; a loader that accepts everything checks nothing.
      // A lenient reader repairs instead: every case must load (repairs counted, nothing thrown).
      if (target.repairs) expect(stats.accepted).toBe(RUNS);
      else expect(stats.refused).toBeGreaterThan(0);
    }, Math.max(60_000, RUNS * 200));
  });
  afterAll(() => {
    process.stdout.write(`\nfuzz: ${RUNS} cases per loader, seed ${SEED}\n${formatTable(rows)}\n`);
  });
});
