import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError, createPipeline, load, registerComponent, type Doc } from '../../src/index.js';
import { ensureBuilt } from '../docs/workspace.js';
// @ts-expect-error a plain .mjs test helper without types
import { shoutFactory } from '../parallel/shout-component.mjs';

const ROOT = resolve(__dirname, '..', '..');
const SHOUT = resolve(__dirname, '..', 'parallel', 'shout-component.mjs');
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

  it('runs custom components registered by modules, carrying extensions and plain user data', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'shout', factory: 'test_shout' }] });
    const one = [...nlp.pipe(texts.slice(0, 10))].map(view);
    const two = (await collect(nlp.pipe(texts.slice(0, 10), { nProcess: 2, batchSize: 3, modules: [SHOUT] }))).map(view);
    expect(two).toEqual(one);
    expect(two[0]!.extensions!.shout!.values[0]).toBe(texts[0]!.split(/\s/)[0]!.toUpperCase().replace(/[^A-Z]+$/, ''));
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
