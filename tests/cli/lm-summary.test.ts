import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

const book = new URL('../../corpora/persuasion-ch1-3.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tl-lm-summary-'));

// Results go to stdout and progress to stderr, as for every other command: `lm train > log` keeps the summary.
describe('lm train / count / merge and tfidf count / merge summaries', () => {
  it('print their one-line summary on stdout, nothing on stderr, and --json the same way', async () => {
    const runs: [string[], RegExp, string, unknown][] = [
      [['lm', 'train', '--input', book, '--out', join(dir, 'm.arpa'), '--order', '2'], /^trained order-2 kn model on \d+ lines in [\d.]+s -> .*m\.arpa\n$/, 'order', 2],
      [['lm', 'count', '--input', book, '--out', join(dir, 'c.tlc'), '--order', '2'], /^counted order-2 n-grams of \d+ sentences in [\d.]+s -> .*c\.tlc\n$/, 'order', 2],
      [['lm', 'merge', join(dir, 'c.tlc'), '--out', join(dir, 'merged.arpa')], /^merged 1 counts files \(\d+ sentences\) into an order-2 kn model in [\d.]+s -> .*merged\.arpa\n$/, 'order', 2],
      [['tfidf', 'count', '--input', book, '--out', join(dir, 'df.tldf')], /^counted \d+ terms in \d+ documents in [\d.]+s -> .*df\.tldf\n$/, 'out', join(dir, 'df.tldf')],
      [['tfidf', 'merge', join(dir, 'df.tldf'), '--out', join(dir, 'merged.tldf')], /^merged 1 files \(\d+ documents, \d+ terms\) in [\d.]+s -> .*merged\.tldf\n$/, 'out', join(dir, 'merged.tldf')],
    ];
    for (const [argv, summary, key, value] of runs) {
      const r = await runCli(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(summary);
      expect(r.stderr).toBe(''); // the progress bar draws only on a terminal
      const j = await runCli(...argv, '--json');
      expect(j.code).toBe(0);
      expect(JSON.parse(j.stdout)[key]).toEqual(value);
      expect(j.stderr).toBe('');
    }
  });
});
