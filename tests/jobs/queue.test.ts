import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentFrequencies, NgramLM, SearchIndex, startWorker, submitJobs, TfidfVectorizer, waitForRun, type WorkerHandle } from '../../src/index.js';
import { runCli } from '../cli/run.js';
import { redisMissing, startRedis, type PrivateRedis } from './redis.js';

const book = fileURLToPath(new URL('../../corpora/persuasion-ch1-3.txt', import.meta.url));
const bin = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'tl-queue-'));
const at = (f: string) => path.join(dir, f);
const lines = readFileSync(book, 'utf8').split('\n');
// Two input files, the first big enough to be cut into byte ranges.
writeFileSync(at('in-a.txt'), lines.slice(0, 500).join('\n') + '\n');
writeFileSync(at('in-b.txt'), lines.slice(500).join('\n'));
// The lines a reader yields: no empty line after a final newline.
const fileLines = (f: string) => readFileSync(f, 'utf8').replace(/\n$/, '').split('\n');
const bothLines = [...fileLines(at('in-a.txt')), ...fileLines(at('in-b.txt'))];

describe.skipIf(redisMissing !== '')(`job queue over a private Redis${redisMissing ? ` (skipped: ${redisMissing})` : ''}`, () => {
  let redis: PrivateRedis;
  let workers: WorkerHandle[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    workers = [await startWorker({ redis: redis.url }), await startWorker({ redis: redis.url })];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lm-counts over shards of two files = lm train on their concatenation, byte for byte', async () => {
    const run = await submitJobs('lm-counts', { redis: redis.url, input: at('in-*.txt'), out: at('lm'), shardSize: 9000, order: 3 });
    expect(run.shards).toBeGreaterThan(3);
    const s = await waitForRun(run.runId, { redis: redis.url, timeoutMs: 120_000 });
    expect(s).toMatchObject({ state: 'completed', output: at('lm/model.arpa') });
    const whole = await NgramLM.train(bothLines.map((l) => l.trim()));
    await whole.toARPA(at('whole.arpa'));
    expect(readFileSync(at('lm/model.arpa'), 'utf8')).toBe(readFileSync(at('whole.arpa'), 'utf8'));
    expect(existsSync(at('lm/shards'))).toBe(false);
  });

  it('tfidf document frequencies merged = one fit on all documents', async () => {
    const run = await submitJobs('tfidf', { redis: redis.url, input: at('in-*.txt'), out: at('tfidf'), shardSize: 9000, tfidf: { stopWords: 'english', minDf: 2 } });
    await waitForRun(run.runId, { redis: redis.url, timeoutMs: 120_000 });
    const tv = DocumentFrequencies.load(at('tfidf/df.tldf')).toVectorizer();
    const whole = new TfidfVectorizer({ stopWords: 'english', minDf: 2 }).fit(bothLines);
    expect(tv.getFeatureNamesOut()).toEqual(whole.getFeatureNamesOut());
    expect(Array.from(tv.idf)).toEqual(Array.from(whole.idf));
  });

  it('tokenize (JSON lines and CoNLL-U) = textloom tokenize on the file, byte for byte', async () => {
    for (const format of ['jsonl', 'conllu'] as const) {
      const run = await submitJobs('tokenize', { redis: redis.url, input: book, out: at(`tok-${format}`), shardSize: 7000, format });
      await waitForRun(run.runId, { redis: redis.url, timeoutMs: 120_000 });
      const one = await runCli('tokenize', '--input', book, '--format', format);
      expect(one.code).toBe(0);
      expect(readFileSync(at(`tok-${format}/output.${format}`), 'utf8')).toBe(one.stdout);
    }
  });

  it('match (token, phrase and dependency patterns) = textloom match on the file, byte for byte', async () => {
    writeFileSync(at('patterns.jsonl'), ['{"label": "PERSON", "pattern": "Sir Walter", "id": "sw"}', '{"label": "KIND", "pattern": [{"LOWER": "very"}, {"POS": "ADJ"}]}', '{"label": "PLACE", "pattern": "Kellynch Hall"}'].join('\n') + '\n');
    writeFileSync(at('dep.jsonl'), '{"label": "SUBJ", "pattern": [{"RIGHT_ID": "v", "RIGHT_ATTRS": {"POS": "VERB"}}, {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": "nsubj", "LOWER": "she"}}]}\n');
    const r = await runCli('jobs', 'submit', 'match', '--redis', redis.url, '--input', book, '--out', at('match'), '--patterns', at('patterns.jsonl'), '--dep-patterns', at('dep.jsonl'), '--shard-size', '9000', '--wait', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'match', status: { state: 'completed', output: at('match/matches.jsonl') } });
    expect(JSON.parse(r.stdout).shards).toBeGreaterThan(3);
    const one = await runCli('match', '--patterns', at('patterns.jsonl'), '--dep-patterns', at('dep.jsonl'), '--input', book);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/"label":"PERSON".*\n(.*\n)*.*"label":"SUBJ"/);
    expect(readFileSync(at('match/matches.jsonl'), 'utf8')).toBe(one.stdout);
    const none = await runCli('jobs', 'submit', 'match', '--redis', redis.url, '--input', book, '--out', at('match-x'));
    expect(none.stderr).toMatch(/--patterns or --dep-patterns/);
  });

  it('index: per-shard indexes merged score every query as one index build', async () => {
    const paras = readFileSync(book, 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    writeFileSync(at('docs.jsonl'), paras.map((text, i) => JSON.stringify({ id: String(i), text })).join('\n') + '\n');
    const r = await runCli('jobs', 'submit', 'index', '--redis', redis.url, '--input', at('docs.jsonl'), '--out', at('idx'), '--fields', 'text', '--store', 'text', '--shard-size', '6000', '--wait', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).status.output).toBe(at('idx/index'));
    expect((await runCli('index', 'build', '--input', at('docs.jsonl'), '--fields', 'text', '--store', 'text', '--out', at('idx-one'))).code).toBe(0);
    const [a, b] = await Promise.all([SearchIndex.load(at('idx/index')), SearchIndex.load(at('idx-one'))]);
    expect(a.documentCount).toBe(paras.length);
    for (const q of ['Lady Russell', 'Sir Walter Elliot debts', 'Kellynch Hall', 'Anne']) expect(a.search(q, { topK: 10 })).toEqual(b.search(q, { topK: 10 }));
  });

  it('a failing finish step is reported with its reason', async () => {
    // 250 lines are too few to estimate order-3 Kneser-Ney discounts: the finish job fails, and says why.
    const run = await submitJobs('lm-counts', { redis: redis.url, input: at('in-b.txt'), out: at('lm-fail') });
    await expect(waitForRun(run.runId, { redis: redis.url, timeoutMs: 60_000 })).rejects.toThrow(/discount/);
  });

  it('a bad shard fails the run with a typed error naming the file and line', async () => {
    writeFileSync(at('bad.jsonl'), '{"id":"1","text":"fine"}\n{not json\n');
    const run = await submitJobs('index', { redis: redis.url, input: at('bad.jsonl'), out: at('bad'), index: { fields: ['text'] } });
    await expect(waitForRun(run.runId, { redis: redis.url, timeoutMs: 60_000 })).rejects.toThrow(/bad\.jsonl:2/);
    expect(readdirSync(at('bad')).filter((f) => f.startsWith('index'))).toEqual([]);
  });

  it('jobs status / wait --json and errors', async () => {
    const run = await submitJobs('lm-counts', { redis: redis.url, input: at('in-b.txt'), out: at('lm-b'), estimate: { discountFallback: [0.5, 1, 1.5] } });
    const w = await runCli('jobs', 'wait', run.runId, '--redis', redis.url, '--json');
    expect(w.code).toBe(0);
    expect(JSON.parse(w.stdout)).toMatchObject({ runId: run.runId, state: 'completed', shards: { total: 1, completed: 1 } });
    const s = await runCli('jobs', 'status', run.runId, '--redis', redis.url, '--json');
    expect(JSON.parse(s.stdout).state).toBe('completed');
    const missing = await runCli('jobs', 'status', 'run-nope', '--redis', redis.url);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no run run-nope/);
    const badUrl = await runCli('jobs', 'status', 'x', '--redis', 'http://x');
    expect(badUrl.stderr).toMatch(/redis:\/\//);
    const badKind = await runCli('jobs', 'submit', 'nope', '--redis', redis.url, '--input', book, '--out', at('n'));
    expect(badKind.stderr).toMatch(/unknown job kind/);
  });
});

describe.skipIf(redisMissing !== '' || !existsSync(bin))('a worker killed with SIGKILL mid-job (needs redis-server and npm run build)', () => {
  let redis: PrivateRedis;
  const procs: ChildProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => (p.exitCode === null && p.signalCode === null ? new Promise((r) => p.once('exit', r)) : undefined)));
    await redis?.stop();
  });
  const worker = (): ChildProcess => {
    const p = spawn(process.execPath, [bin, 'worker', '--redis', redis.url, '--lock-duration', '2000', '--stalled-interval', '500'], { stdio: 'ignore' });
    procs.push(p);
    return p;
  };

  it('the job is retried by another worker and the output equals a one-process run byte for byte', async () => {
    const first = worker();
    const out = mkdtempSync(path.join(tmpdir(), 'tl-kill-'));
    const run = await submitJobs('tag', { redis: redis.url, input: book, out, shardSize: 9000 });
    const queue = new Queue('textloom', { connection: { host: '127.0.0.1', port: Number(new URL(redis.url).port) } });
    try {
      // Kill the only worker once a shard job is part-way through (its progress is between 0 and 100).
      let killed = false;
      for (let i = 0; i < 1200 && !killed; i++) {
        for (const job of (await queue.getJobs(['active'])) as Job[]) {
          const p = typeof job.progress === 'number' ? job.progress : 0;
          if (job.name === 'shard' && p > 0 && p < 100) {
            first.kill('SIGKILL');
            killed = true;
            break;
          }
        }
        if (!killed) await new Promise((r) => setTimeout(r, 25));
      }
      expect(killed).toBe(true);
      await new Promise((r) => first.once('exit', r));
      worker();
      const s = await waitForRun(run.runId, { redis: redis.url, timeoutMs: 240_000 });
      expect(s.state).toBe('completed');
      expect(s.stalls).toBeGreaterThanOrEqual(1);
      const one = await runCli('tokenize', '--input', book, '--format', 'jsonl');
      expect(readFileSync(path.join(out, 'output.jsonl'), 'utf8')).toBe(one.stdout);
      expect(readdirSync(out).sort()).toEqual(['output.jsonl', 'run.json']);
    } finally {
      await queue.close();
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
