import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WorkerPool } from '../../src/parallel/pool.js';
import { ArgumentError, ConfigError, createPipeline, load, registerComponent, type Doc } from '../../src/index.js';
import { ensureBuilt } from '../docs/workspace.js';
// @ts-expect-error a plain .mjs test helper without types
import { shoutFactory } from '../parallel/shout-component.mjs';
// @ts-expect-error a plain .mjs test helper without types
import { threadFactory } from '../parallel/thread-component.mjs';

const ROOT = resolve(__dirname, '..', '..');
const SHOUT = resolve(__dirname, '..', 'parallel', 'shout-component.mjs');
const THREAD = resolve(__dirname, '..', 'parallel', 'thread-component.mjs');
// Paragraphs of a novel and web lines: quotes, names, dates, numbers.
const texts = [
  ...readFileSync(resolve(ROOT, 'corpora', 'persuasion-ch1-3.txt'), 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).slice(0, 24),
  ...readFileSync(resolve(ROOT, 'corpora', 'web-sample.txt'), 'utf8').split('\n').filter((l) => l.trim()).slice(0, 16),
  '',
];

// Everything a Doc shows: tokens with every annotation, sentences, entities, extensions, cats.
const view = (d: Doc) => ({ ...d.toJSON(), user: [...d.user].filter(([k]) => k !== 'cats'), chunks: d.isParsed ? d.nounChunks.map(String) : [] });

async function collect(it: AsyncIterable<Doc> | Iterable<Doc>): Promise<Doc[]> {
  const out: Doc[] = [];
  for await (const d of it) out.push(d);
  return out;
}

beforeAll(() => {
  ensureBuilt(ROOT);
  registerComponent('test_shout', shoutFactory(ArgumentError), { override: true });
  registerComponent('test_thread', threadFactory, { override: true });
}, 300_000);

describe('pipe({ nProcess })', () => {
  it('gives en_core Docs (tags, parse, lemmas, entities) equal to the one-process pipe, in input order', async () => {
    const nlp = await load('en_core');
    const one = [...nlp.pipe(texts, { batchSize: 7 })].map(view);
    const gen = nlp.pipe(texts, { batchSize: 7, nProcess: 2 });
    expect(Symbol.asyncIterator in gen).toBe(true);
    const two = await collect(gen);
    expect(two.map((d) => d.text)).toEqual(texts);
    expect(two.every((d) => d.vocab === nlp.vocab)).toBe(true);
    expect(two.map(view)).toEqual(one);
    expect(two.some((d) => d.ents.length > 0) && two.some((d) => d.isParsed)).toBe(true);
  });

  it('replaces a worker past maxWorkerMemoryMB between batches: same Docs, fresh threads, no hang', async () => {
    const nlp = await load('en_core');
    const one = [...nlp.pipe(texts, { batchSize: 7 })].map(view);
    // 1 MB: every worker passes it after its first batch, so each batch after the first two runs on a fresh worker.
    const small = await collect(nlp.pipe(texts, { batchSize: 7, nProcess: 2, maxWorkerMemoryMB: 1 }));
    expect(small.map(view)).toEqual(one);
    // Which worker threads annotated the Docs (this thread annotates some too): several when workers are replaced, one when not.
    const tagged = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'thread', factory: 'test_thread' }] });
    const workers = async (maxWorkerMemoryMB: number) => {
      // Kept workers are ready before the first batch, so they get batches however fast this thread is.
      await tagged.startWorkers(2, { modules: [THREAD], maxWorkerMemoryMB });
      try {
        const docs = await collect(tagged.pipe(texts, { nProcess: 2, batchSize: 1, modules: [THREAD], maxWorkerMemoryMB }));
        return new Set(docs.map((d) => d.user.get('thread')).filter((t) => t !== threadId)).size;
      } finally {
        await tagged.close();
      }
    };
    expect(await workers(1)).toBeGreaterThan(1);
    expect(await workers(Infinity)).toBe(1);
    await expect(collect(tagged.pipe(['a'], { nProcess: 2, maxWorkerMemoryMB: 0 }))).rejects.toThrow(/maxWorkerMemoryMB must be a positive number/);
    await expect(tagged.startWorkers(2, { maxWorkerMemoryMB: NaN })).rejects.toThrow(ArgumentError);
  });

  it('annotates in this thread and nProcess - 1 workers: this thread takes batches while the workers load', async () => {
    const tagged = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'thread', factory: 'test_thread' }] });
    // Fresh workers still loading: the first batches are this thread's.
    const cold = await collect(tagged.pipe(texts.slice(0, 4), { nProcess: 2, batchSize: 1, modules: [THREAD] }));
    expect(cold[0]!.user.get('thread')).toBe(threadId);
    // Kept workers: one worker for nProcess 2, and this thread, between them every batch in input order.
    await tagged.startWorkers(2, { modules: [THREAD] });
    try {
      const docs = await collect(tagged.pipe(texts, { nProcess: 2, batchSize: 1, modules: [THREAD] }));
      expect(docs.map((d) => d.text)).toEqual(texts);
      expect(new Set(docs.map((d) => d.user.get('thread')).filter((t) => t !== threadId)).size).toBe(1);
    } finally {
      await tagged.close();
    }
  });

  it('runs custom components registered by modules, carrying extensions and plain user data', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'shout', factory: 'test_shout' }] });
    const one = [...nlp.pipe(texts.slice(0, 10))].map(view);
    const two = (await collect(nlp.pipe(texts.slice(0, 10), { nProcess: 2, batchSize: 3, modules: [SHOUT] }))).map(view);
    expect(two).toEqual(one);
    expect(two[0]!.extensions!.shout!.values[0]).toBe(texts[0]!.split(/\s/)[0]!.toUpperCase().replace(/[^A-Z]+$/, ''));
  });

  it('reuses the workers startWorkers keeps, until the pipeline changes or close(); they never hold the process', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'shout', factory: 'test_shout' }] });
    const input = texts.slice(0, 10);
    const one = [...nlp.pipe(input)].map(view);
    await nlp.startWorkers(2, { modules: [SHOUT] });
    const start = vi.spyOn(WorkerPool, 'start');
    try {
      for (let k = 0; k < 2; k++) expect((await collect(nlp.pipe(input, { nProcess: 2, batchSize: 3, modules: [SHOUT] }))).map(view)).toEqual(one);
      // A failing text fails its call only: the kept workers serve the next one.
      await expect(collect(nlp.pipe(['ok', 'FAIL'], { nProcess: 2, batchSize: 1, modules: [SHOUT] }))).rejects.toThrow(/^texts\[1\]: shout cannot take FAIL/);
      expect((await collect(nlp.pipe(input, { nProcess: 2, modules: [SHOUT] }))).map(view)).toEqual(one);
      expect(start).not.toHaveBeenCalled();
      // Another worker count, or a changed pipeline, gets workers of its own.
      nlp.removePipe('shout');
      const plain = [...nlp.pipe(input)].map(view);
      expect((await collect(nlp.pipe(input, { nProcess: 2, modules: [SHOUT] }))).map(view)).toEqual(plain);
      expect(start).toHaveBeenCalledTimes(1);
    } finally {
      start.mockRestore();
      await nlp.close();
      await nlp.close();
    }
    const script = `import { createPipeline } from ${JSON.stringify(pathToFileURL(resolve(ROOT, 'dist', 'index.js')).href)};
const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' } });
await nlp.startWorkers(2);
for await (const d of nlp.pipe(['kept workers'], { nProcess: 2 })) console.log(d.text);`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=2048', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('kept workers\n');
  });

  it('names the failing text when a worker component throws', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'shout', factory: 'test_shout' }] });
    const input = ['a b', 'c d', 'e f', 'this will FAIL', 'g'];
    const e = await collect(nlp.pipe(input, { nProcess: 2, batchSize: 2, modules: [SHOUT] })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ArgumentError);
    expect((e as Error).message).toMatch(/^texts\[3\]: shout cannot take FAIL/);
  });

  it('rejects what a worker cannot rebuild or read, before starting workers', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [] });
    nlp.addPipe({ name: 'obj', process() {} });
    await expect(collect(nlp.pipe(['a'], { nProcess: 2 }))).rejects.toThrow(ConfigError);
    const plain = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [] });
    await expect(collect(plain.pipe(['a', 3 as never], { nProcess: 2 }))).rejects.toThrow(/texts\[1\]: pipe with nProcess takes texts/);
    await expect(collect(plain.pipe(['a'], { nProcess: -1 }))).rejects.toThrow(ArgumentError);
    expect(() => plain.pipe(['a'], { nprocess: 2 } as never)).toThrow(/unknown pipe option "nprocess"/);
    // A missing module is the worker's setup error, rethrown here.
    await expect(collect(plain.pipe(['a'], { nProcess: 2, modules: ['./no-such-module.mjs'] }))).rejects.toThrow(/no-such-module/);
  });

  it('runs in this thread with nProcess 1, same Docs, still an async generator', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'senter' }] });
    const docs = await collect(nlp.pipe(texts, { nProcess: 1 }));
    expect(docs.map(view)).toEqual([...nlp.pipe(texts)].map(view));
  });
});
