import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { cliMessage, flagForKey } from '../../src/cli/flag-errors.js';
import { ArgumentError, FormatError } from '../../src/index.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-flags-'));
const corpus = join(dir, 'c.txt');
writeFileSync(corpus, 'the cat sat on the mat\nthe dog sat on the log\n');
const jsonl = join(dir, 'c.jsonl');
writeFileSync(jsonl, '{"text":"spam spam","label":"spam"}\n{"text":"ham eggs","label":"ham"}\n');

/** Runs a command that must fail; returns its one stderr line. */
async function fails(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  expect(r.code, argv.join(' ')).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

describe('flagForKey', () => {
  const flags = { 'min-count': { type: 'number' as const, doc: '' }, size: { type: 'number' as const, doc: '', option: 'vectorSize' }, k1: { type: 'number' as const, doc: '', option: ['bm25.k1'] } };
  it('maps camelCase, declared and nested option keys to the flag', () => {
    expect(flagForKey('minCount', flags)?.flag).toBe('min-count');
    expect(flagForKey('vectorSize', flags)?.flag).toBe('size');
    expect(flagForKey('bm25.k1', flags)?.flag).toBe('k1');
    expect(flagForKey('--size', flags)?.flag).toBe('size');
    expect(flagForKey('window', flags)).toBeUndefined();
  });
});

describe('cliMessage', () => {
  const flags = { 'min-count': { type: 'number' as const, doc: '' }, k: { type: 'number' as const, doc: '' }, 'discount-fallback': { type: 'string' as const, doc: '' } };
  it('rewords the option as the flag, shows the value given and drops the key suffix', () => {
    const args = parseArgs(['--min-count', '-1', '--discount-fallback', '2,1,1.5'], flags);
    expect(cliMessage(new ArgumentError('minCount must be an integer >= 1, got -1', { key: 'minCount' }), flags, args)).toBe('--min-count must be an integer >= 1, got -1');
    expect(cliMessage(new ArgumentError('discountFallback must be three discounts with 0 <= Dk <= k', { key: 'discountFallback' }), flags, args)).toBe(
      '--discount-fallback must be three discounts with 0 <= Dk <= k (got --discount-fallback 2,1,1.5)',
    );
  });
  it('leaves errors about other keys alone', () => {
    const e = new FormatError('bad line', { file: 'x.txt', line: 3 });
    expect(cliMessage(e, flags, undefined)).toBe(e.message);
  });
});

describe('CLI errors name the flag the user typed', () => {
  const cases: [string[], string, RegExp][] = [
    [['lm', 'train', '--input', corpus, '--out', join(dir, 'm.arpa'), '--min-count', '-1'], '--min-count', /minCount/],
    [['lm', 'train', '--input', corpus, '--out', join(dir, 'm.arpa'), '--discount-fallback', '2,1,1.5'], '--discount-fallback 2,1,1.5', /discountFallback/],
    [['lm', 'train', '--input', corpus, '--out', join(dir, 'm.arpa'), '--order', '0'], '--order', /key "/],
    [['tfidf', 'keywords', '--input', corpus, '--ngram', '2,1'], '--ngram', /ngramRange/],
    [['tfidf', 'keywords', '--input', corpus, '--min-df', '5', '--max-df', '2'], '--max-df', /maxDf|minDf/],
    [['tfidf', 'keywords', '--input', corpus, '--max-features', '0'], '--max-features', /maxFeatures/],
    [['train', 'textcat', '--input', jsonl, '--out', join(dir, 'm.tlc'), '--ngram', '0,1'], '--ngram', /ngramRange/],
    [['w2v', 'train', '--input', corpus, '--out', join(dir, 'v.txt'), '--size', '0'], '--size', /vectorSize/],
    [['w2v', 'train', '--input', corpus, '--out', join(dir, 'v.txt'), '--min-count', '1000'], '--min-count', /minCount/],
    [['tokenize', '--input', corpus, '--batch-size', '0'], '--batch-size', /batchSize/],
  ];
  for (const [argv, flag, api] of cases) {
    it(argv.slice(0, 2).join(' ') + ' ' + flag, async () => {
      const line = await fails(...argv);
      expect(line).toContain(flag);
      expect(line).not.toMatch(api);
      expect(line).not.toMatch(/\(at key/);
    });
  }
  it('lm train on a tiny corpus suggests --discount-fallback as typed on the command line', async () => {
    const line = await fails('lm', 'train', '--input', corpus, '--out', join(dir, 'tiny.arpa'));
    expect(line).toMatch(/cannot compute Kneser-Ney discounts: .*; pass --discount-fallback 0\.5,1,1\.5 to use fixed discounts$/);
    expect(line).not.toMatch(/discountFallback|\[0\.5/);
  });
  it('never names a file twice', async () => {
    const missing = join(dir, 'missing.txt');
    for (const argv of [
      ['lm', 'train', '--input', missing, '--out', join(dir, 'm.arpa')],
      ['tfidf', 'keywords', '--input', missing],
      ['match', '--patterns', missing, '--input', corpus],
      ['w2v', 'similar', '--vectors', missing, 'cat'],
    ]) {
      const line = await fails(...argv);
      expect(line.split(missing).length - 1, line).toBe(1);
    }
  });
});
