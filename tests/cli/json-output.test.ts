import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { parseConllu, startWorker, submitJobs } from '../../src/index.js';
import { redisMissing, startRedis } from '../jobs/redis.js';
import { registerGoldParser } from '../eval/gold-parser.js';
import { runCli } from './run.js';

/**
 * Every command that reports something prints JSON with --json (tokenize and match print JSON
 * lines always), and every key it chooses is camelCase, as in the JS API. Runs on the bundled
 * corpora (and the CoNLL-U test fixture for the tagger commands).
 */
const corpora = new URL('../../corpora/', import.meta.url).pathname;
const book = join(corpora, 'persuasion-ch1-3.txt');
const web = join(corpora, 'web-sample.txt');
const conllu = new URL('../fixtures/tokenizer-small.conllu', import.meta.url).pathname;
const iob = new URL('../fixtures/uner/en_ewt-ud-dev-first400.iob2', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'tl-json-'));
const at = (name: string) => join(dir, name);

const paragraphs = readFileSync(book, 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
writeFileSync(at('docs.jsonl'), paragraphs.map((text, id) => JSON.stringify({ id: String(id), text })).join('\n') + '\n');
writeFileSync(at('queries.jsonl'), JSON.stringify({ id: 'q1', text: 'Lady Russell advice' }) + '\n' + JSON.stringify({ id: 'q2', text: 'Sir Walter debts' }) + '\n');
writeFileSync(at('qrels.tsv'), 'q1 1 1\nq1 5 1\nq2 2 1\n');
const webLines = readFileSync(web, 'utf8').split('\n').filter((l) => l.trim());
writeFileSync(
  at('labelled.jsonl'),
  [...paragraphs.slice(0, 20).map((text) => ({ text, label: 'novel' })), ...webLines.map((text) => ({ text, label: 'web' }))].map((r) => JSON.stringify(r)).join('\n') + '\n',
);
writeFileSync(at('more.jsonl'), JSON.stringify({ id: 'extra1', text: 'Anne walked to Uppercross.' }) + '\n');
writeFileSync(at('patterns.jsonl'), '{"label":"PERSON","pattern":"Anne"}\n{"label":"TIME","pattern":[{"LOWER":"friday"}]}\n');
writeFileSync(at('dep-patterns.jsonl'), JSON.stringify({ label: 'SUBJ', pattern: [{ RIGHT_ID: 'v', RIGHT_ATTRS: {} }, { LEFT_ID: 'v', REL_OP: '>', RIGHT_ID: 's', RIGHT_ATTRS: { DEP: 'nsubj' } }] }) + '\n');
writeFileSync(at('analogies.txt'), ': family\nSir Walter Lady Russell\nAnne Elliot Sir Walter\n');
// eval parser needs a pipeline with a parser: a test component copying the fixture's gold trees.
registerGoldParser((file) => parseConllu(readFileSync(file, 'utf8')));
writeFileSync(at('parser.json'), JSON.stringify({ name: 'p', tokenizer: { factory: 'tokenizer' }, components: [{ name: 'senter', factory: 'senter' }, { name: 'parser', factory: 'test_gold_parser', options: { file: conllu } }] }));
writeFileSync(at('pairs.tsv'), 'Anne\tElliot\t7\nSir\tWalter\t8\nLady\tRussell\t9\nAnne\tSir\t3\n');

// worker runs until stopped: its --json job lines are checked by tests/jobs/queue.test.ts.
const queueRedis = redisMissing ? null : await startRedis();
const queueWorker = queueRedis ? await startWorker({ redis: queueRedis.url }) : null;
afterAll(async () => {
  await queueWorker?.close();
  await queueRedis?.stop();
});
// A run submitted through the API, for jobs wait / jobs status.
const queueRun = queueRedis ? await submitJobs('tfidf', { redis: queueRedis.url, input: book, out: at('q-tf0') }) : null;

/** Command -> argv (after the command name), in an order where each run's outputs feed later ones. */
const CASES: [string, string[]][] = [
  ['lm train', ['--input', book, '--out', at('m.arpa'), '--order', '3', '--json']],
  ['lm perplexity', ['--model', at('m.arpa'), '--input', web, '--json']],
  ['lm generate', ['--model', at('m.arpa'), '--count', '2', '--json']],
  ['lm score', ['--model', at('m.arpa'), web, '--json']],
  ['lm count', ['--input', book, '--out', at('c.tlc'), '--order', '3', '--json']],
  ['lm merge', [at('c.tlc'), '--out', at('merged.arpa'), '--json']],
  ['tfidf keywords', ['--input', book, '--top', '3', '--json']],
  ['tfidf count', ['--input', book, '--out', at('a.tldf'), '--min-df', '2', '--json']],
  ['tfidf count', ['--input', web, '--out', at('b.tldf'), '--min-df', '2', '--json']],
  ['tfidf merge', [at('a.tldf'), at('b.tldf'), '--out', at('ab.tldf'), '--json']],
  ['w2v train', ['--input', book, '--out', at('v.txt'), '--min-count', '2', '--size', '8', '--epochs', '1', '--table-size', '10000', '--json']],
  ['w2v similar', ['--vectors', at('v.txt'), 'Anne', '--topn', '3', '--json']],
  ['w2v analogy', ['--vectors', at('v.txt'), 'Sir', 'Walter', 'Lady', '--json']],
  ['w2v convert', [at('v.txt'), at('v.bin'), '--json']],
  ['w2v plot', ['--vectors', at('v.txt'), '--words', 'Anne,Sir,Lady', '--out', at('plot.svg'), '--json']],
  ['w2v eval', ['--vectors', at('v.txt'), '--analogies', at('analogies.txt'), '--pairs', at('pairs.tsv'), '--json']],
  ['vectors index', ['--vectors', at('v.txt'), '--out', at('v.tlx'), '--m', '8', '--json']],
  ['vectors query', ['--index', at('v.tlx'), 'Anne', '--k', '3', '--json']],
  ['index build', ['--input', at('docs.jsonl'), '--fields', 'text', '--store', 'text', '--out', at('idx'), '--json']],
  ['search', ['--index', at('idx'), 'Lady Russell', '--top', '2', '--json']],
  ['index add', [at('idx'), at('more.jsonl'), '--json']],
  ['index delete', [at('idx'), 'extra1', '--json']],
  ['index build', ['--input', at('more.jsonl'), '--fields', 'text', '--store', 'text', '--out', at('idx2'), '--json']],
  ['index merge', [at('idx'), at('idx2'), '--out', at('idx-merged'), '--json']],
  ['eval search', ['--index', at('idx'), '--queries', at('queries.jsonl'), '--qrels', at('qrels.tsv'), '--json']],
  ['train textcat', ['--input', at('labelled.jsonl'), '--out', at('t.tlc'), '--kfold', '2', '--json']],
  ['textcat predict', ['--model', at('t.tlc'), web, '--json']],
  ['eval textcat', ['--model', at('t.tlc'), '--input', at('labelled.jsonl'), '--json']],
  ['train tagger', ['--train', conllu, '--out', at('tagger.tlt'), '--epochs', '1', '--json']],
  ['train parser', ['--train', conllu, '--dev', conllu, '--out', at('parser.tlp'), '--epochs', '1', '--tags', 'gold', '--action-bits', '12', '--label-bits', '14', '--json']],
  ['train senter', ['--train', conllu, '--dev', conllu, '--out', at('senter.tls'), '--epochs', '1', '--bits', '12', '--json']],
  ['eval tokenizer', ['--conllu', conllu, '--json']],
  ['eval senter', ['--conllu', conllu, '--json']],
  ['eval tagger', ['--conllu', conllu, '--json']],
  ['eval parser', ['--conllu', conllu, '--pipeline', at('parser.json'), '--json']],
  ['explain', ['nsubj', '--json']],
  ['train ner', ['--train', iob, '--dev', iob, '--out', at('ner.tlner'), '--epochs', '1', '--hash-bits', '16', '--no-tags', '--json']],
  ['eval ner', ['--input', iob, '--json']],
  ['tokenize', ['--input', web]],
  ['match', ['--patterns', at('patterns.jsonl'), '--input', book]],
  ['match', ['--dep-patterns', at('dep-patterns.jsonl'), '--conllu', conllu]],
  ['render', ['--style', 'span', '--patterns', at('patterns.jsonl'), '--input', web, '--out', at('spans.html'), '--json']],
  // The job queue: a private redis-server and an in-process worker (the commands skip without redis-server).
  ...(queueRedis
    ? ([
        ['jobs submit', ['lm-counts', '--redis', queueRedis.url, '--input', book, '--out', at('q-lm'), '--wait', '--json']],
        ['jobs submit', ['tfidf', '--redis', queueRedis.url, '--input', book, '--out', at('q-tf'), '--json']],
        ['jobs wait', [queueRun!.runId, '--redis', queueRedis.url, '--json']],
        ['jobs status', [queueRun!.runId, '--redis', queueRedis.url, '--json']],
      ] as [string, string[]][])
    : []),
];
/** Commands with nothing to report as data, or (serve: runs until stopped) whose --json its own test checks. */
const NO_REPORT = new Set(['demo', 'serve', 'worker', ...(queueRedis ? [] : ['jobs submit', 'jobs status', 'jobs wait'])]);
/** Objects whose keys are the user's data (field names, labels), not chosen by textloom. */
const USER_KEYS = new Set(['fields', 'highlights', 'cats', 'perLabel']);
const CAMEL = /^[a-z][a-zA-Z0-9]*$/;

function badKeys(v: unknown, path = '$'): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => badKeys(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [...(CAMEL.test(k) ? [] : [`${path}.${k}`]), ...(USER_KEYS.has(k) ? [] : badKeys(x, `${path}.${k}`))]);
}

/** Timings and rates (seconds, ms, ...PerSecond) printed with more than 3 decimals: float noise, not data. */
const TIMING = /(^seconds$|Seconds$|^ms$|Ms$|PerSecond$)/;
function noisyTimings(v: unknown, path = '$'): string[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => noisyTimings(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [
    ...(TIMING.test(k) && typeof x === 'number' && Math.round(x * 1000) / 1000 !== x ? [`${path}.${k}=${x}`] : []),
    ...noisyTimings(x, `${path}.${k}`),
  ]);
}

describe('--json on every command', () => {
  it('has a case for every command that reports something', () => {
    const covered = new Set(CASES.map(([name]) => name));
    expect(COMMANDS.map((c) => c.name).filter((n) => !covered.has(n) && !NO_REPORT.has(n))).toEqual([]);
  });
  it('accepts --json wherever the output is not JSON lines already', () => {
    for (const c of COMMANDS) if (c.name !== 'demo' && c.name !== 'tokenize' && c.name !== 'match') expect(c.flags.json, c.name).toBeDefined();
  });
  it('prints parseable JSON with camelCase keys', { timeout: 120_000 }, async () => {
    for (const [name, argv] of CASES) {
      const r = await runCli(...name.split(' '), ...argv);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const lines = r.stdout.trim().split('\n');
      expect(lines.length, name).toBeGreaterThan(0);
      for (const line of lines) {
        let parsed: unknown;
        expect(() => (parsed = JSON.parse(line)), `${name}: ${line.slice(0, 80)}`).not.toThrow();
        expect(badKeys(parsed), name).toEqual([]);
        expect(noisyTimings(parsed), name).toEqual([]);
      }
    }
  });
});
