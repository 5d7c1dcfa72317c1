import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArgumentError, ConfigError, createPipeline, Doc, load, NotFoundError, registerComponent, Vocab, type Component } from '../../src/index.js';

const WS = { tokenizer: { factory: 'whitespace' } };

let counter = 0;
registerComponent('test_counter', {
  options: { step: { type: 'integer', default: 1, min: 1 } },
  create: (o, ctx) => ({
    name: ctx.name,
    process(doc: Doc) {
      counter += Number(o.step);
      doc.user.set(ctx.name, doc.length);
    },
  }),
});

registerComponent('test_slow', {
  options: { fail: { type: 'boolean', default: false } },
  create: async (o, ctx) => {
    await new Promise((r) => setTimeout(r, 5));
    if (o.fail) throw new ConfigError('slow failure');
    return { name: ctx.name, process: (doc: Doc) => void doc.user.set(ctx.name, doc.length) };
  },
});

describe('createPipeline', () => {
  it('builds the tokenizer and components in order', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }, { name: 'count', factory: 'test_counter', options: { step: 2 } }] });
    expect(nlp.pipeNames).toEqual(['senter', 'count']);
    const before = counter;
    const doc = nlp('Hello world . Bye .');
    expect(doc.text).toBe('Hello world . Bye .');
    expect(doc.user.get('count')).toBe(5);
    expect(counter - before).toBe(2);
    expect(doc.sents.length).toBe(2);
  });
  it('names the bad key for unknown factories, options and keys', async () => {
    await expect(createPipeline({ ...WS, components: [{ name: 'nope' }] })).rejects.toThrow(/unknown component factory "nope".*components\[0\]\.factory/);
    await expect(createPipeline({ ...WS, components: [{ name: 'senter', options: { bogus: 1 } }] })).rejects.toThrow(/components\[0\]\.options\.bogus/);
    await expect(createPipeline({ ...WS, components: [{ name: 'senter', options: { newlines: 'x' } }] })).rejects.toThrow(/one of paragraph, line, none/);
    await expect(createPipeline({ ...WS, components: [{ name: 'c', factory: 'test_counter', options: { step: 0 } }] })).rejects.toThrow(/components\[0\]\.options\.step/);
    await expect(createPipeline({ ...WS, extra: 1 } as never)).rejects.toThrow(ConfigError);
    await expect(createPipeline({ tokenizer: { factory: 'nope' } })).rejects.toThrow(/tokenizer\.factory/);
    await expect(createPipeline({ ...WS, components: [{ name: 'senter' }, { name: 'senter' }] })).rejects.toThrow(/duplicate/);
  });
});

describe('createPipeline: config types', () => {
  it('type-checks disabled and the other typed keys, naming the key path', async () => {
    const keyOf = async (cfg: unknown): Promise<string | undefined> => {
      try {
        await createPipeline(cfg as never);
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        return (e as ConfigError).where?.key;
      }
      return undefined;
    };
    expect(await keyOf({ ...WS, components: [{ name: 'senter' }, { name: 'c', factory: 'test_counter', disabled: 'false' }] })).toBe('components[1].disabled');
    expect(await keyOf({ ...WS, components: [{ name: 'senter', disabled: 1 }] })).toBe('components[0].disabled');
    expect(await keyOf({ ...WS, components: [{ name: 'senter', disabled: null }] })).toBe('components[0].disabled');
    expect(await keyOf({ ...WS, name: 7 })).toBe('name');
    expect(await keyOf({ ...WS, lang: ['en'] })).toBe('lang');
    // Boolean options: a string or null is not a boolean.
    expect(await keyOf({ ...WS, components: [{ name: 'senter', options: { splitBeforeLower: 'no' } }] })).toBe('components[0].options.splitBeforeLower');
    expect(await keyOf({ ...WS, components: [{ name: 'senter', options: { emoticons: null } }] })).toBe('components[0].options.emoticons');
    const ok = await createPipeline({ ...WS, components: [{ name: 'senter', disabled: true }, { name: 'c', factory: 'test_counter', disabled: false }] });
    expect(ok.pipeNames).toEqual(['c']);
  });
});

describe('Pipeline.pipe', () => {
  it('streams arrays, generators and async iterables in order', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }] });
    const texts = Array.from({ length: 25 }, (_, i) => `text number ${i}`);
    expect([...nlp.pipe(texts, { batchSize: 4 })].map((d) => d.text)).toEqual(texts);
    async function* gen() {
      for (const t of texts) yield t;
    }
    const out: string[] = [];
    for await (const d of nlp.pipe(gen(), { batchSize: 7 })) out.push(d.text);
    expect(out).toEqual(texts);
  });
  it('is lazy: pulls only what it needs', async () => {
    const nlp = await createPipeline(WS);
    let pulled = 0;
    function* infinite() {
      for (;;) {
        pulled++;
        yield 'a b c';
      }
    }
    const it = nlp.pipe(infinite(), { batchSize: 10 });
    it.next();
    it.next();
    expect(pulled).toBe(10);
  });
  it('uses a component batch path when present', async () => {
    const batches: number[] = [];
    const c: Component = { name: 'b', process() {}, pipe: (docs) => void batches.push(docs.length) };
    const nlp = await createPipeline(WS);
    nlp.addPipe(c);
    [...nlp.pipe(['a', 'b', 'c', 'd', 'e'], { batchSize: 2 })];
    expect(batches).toEqual([2, 2, 1]);
  });
  it('rejects bad arguments', async () => {
    const nlp = await createPipeline(WS);
    expect(() => nlp.pipe(['a'], { batchSize: 0 })).toThrow(/batchSize/);
    expect(() => nlp.pipe('a text' as never)).toThrow(/single text/);
    expect(() => nlp.makeDoc(42 as never)).toThrow(/expected a string/);
  });
});

describe('component management', () => {
  it('adds, removes, selects and disables components', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }] });
    nlp.addPipe('test_counter', { name: 'first', first: true });
    nlp.addPipe('test_counter', { name: 'last' });
    nlp.addPipe('test_counter', { name: 'mid', after: 'senter' });
    expect(nlp.pipeNames).toEqual(['first', 'senter', 'mid', 'last']);
    expect(() => nlp.addPipe('test_counter', { name: 'mid' })).toThrow(/already exists/);
    const only = nlp.select(['senter']);
    expect(only.pipeNames).toEqual(['senter']);
    expect(only('a . b').user.has('first')).toBe(false);
    const without = nlp.disable(['first', 'last']);
    expect(without.pipeNames).toEqual(['senter', 'mid']);
    expect(nlp.pipeNames).toEqual(['first', 'senter', 'mid', 'last']);
    nlp.removePipe('mid');
    expect(nlp.pipeNames).toEqual(['first', 'senter', 'last']);
    expect(() => nlp.removePipe('mid')).toThrow(NotFoundError);
    expect(() => nlp.select(['zzz'])).toThrow(/no component named "zzz"/);
    nlp.setEnabled('first', false);
    expect(nlp.pipeNames).toEqual(['senter', 'last']);
    expect(nlp.makeDoc('x y').user.size).toBe(0);
  });
  it('addPipe rejects conflicting positions and unknown anchors before building anything', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }] });
    expect(() => nlp.addPipe('test_counter', { name: 'x', first: true, after: 'senter' })).toThrow(/only one of before, after and first/);
    expect(() => nlp.addPipe('test_counter', { name: 'x', before: 'senter', after: 'senter' })).toThrow(ConfigError);
    expect(() => nlp.addPipe('test_counter', { name: 'x', before: 'zzz' })).toThrow(/no component named "zzz"/);
    expect(nlp.pipeNames).toEqual(['senter']);
    nlp.addPipe('test_counter', { name: 'x', first: false, after: 'senter' });
    expect(nlp.pipeNames).toEqual(['senter', 'x']);
  });
});

describe('addPipe', () => {
  it('adds synchronously and returns the component, so it runs without an await', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }] });
    const c = nlp.addPipe('test_counter', { name: 'c' });
    expect(c.name).toBe('c');
    expect(nlp.pipeNames).toEqual(['senter', 'c']);
    expect(nlp('a b c').user.get('c')).toBe(3);
    const ruler = nlp.addPipe('entity_ruler', { options: { patterns: [{ label: 'ORG', pattern: 'Acme' }] } });
    expect(nlp.getPipe('entity_ruler')).toBe(ruler);
    expect(nlp('we met Acme today').ents.map((e) => e.label)).toEqual(['ORG']);
  });
  it('reads an entity_ruler patternsFile synchronously (plain or gzipped)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-'));
    const file = join(dir, 'p.jsonl');
    writeFileSync(file, '{"label":"ORG","pattern":"Acme"}\r\n\n{"label":"GPE","pattern":"Paris"}\n');
    writeFileSync(join(dir, 'p.jsonl.gz'), gzipSync(readFileSync(file)));
    for (const f of [file, join(dir, 'p.jsonl.gz')]) {
      const nlp = await createPipeline(WS);
      nlp.addPipe('entity_ruler', { options: { patternsFile: f } });
      expect(nlp('Acme in Paris').ents.map((e) => e.label)).toEqual(['ORG', 'GPE']);
    }
    writeFileSync(file, '{"label":"ORG"\n');
    const nlp = await createPipeline(WS);
    expect(() => nlp.addPipe('entity_ruler', { options: { patternsFile: file } })).toThrow(/invalid JSON.*p\.jsonl:1/);
    expect(nlp.pipeNames).toEqual([]);
  });
  it('refuses an asynchronous factory loudly and points to addPipeAsync', async () => {
    const nlp = await createPipeline(WS);
    expect(() => nlp.addPipe('test_slow', { name: 's' })).toThrow(/asynchronously.*addPipeAsync/);
    expect(nlp.pipeNames).toEqual([]);
    const s = await nlp.addPipeAsync('test_slow', { name: 's' });
    expect(s.name).toBe('s');
    expect(nlp.pipeNames).toEqual(['s']);
    expect(nlp('a b').user.get('s')).toBe(2);
  });
  it('refuses to run while an addPipeAsync is pending (a forgotten await)', async () => {
    const nlp = await createPipeline(WS);
    const pending = nlp.addPipeAsync('test_slow', { name: 's' });
    expect(() => nlp('a b')).toThrow(/"s" is still being added/);
    expect(() => nlp.pipe(['a'])).toThrow(ConfigError);
    expect(() => nlp.addPipe('test_counter', { name: 's' })).toThrow(/already exists/);
    await pending;
    expect(nlp('a b').user.get('s')).toBe(2);
  });
  it('leaves the pipeline usable when an asynchronous build fails', async () => {
    const nlp = await createPipeline(WS);
    await expect(nlp.addPipeAsync('test_slow', { name: 's', options: { fail: true } })).rejects.toThrow(/slow failure/);
    expect(nlp.pipeNames).toEqual([]);
    expect(nlp('a').length).toBe(1);
  });
});

describe('load', () => {
  it('loads a config file by path and reports bad JSON with the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-'));
    const good = join(dir, 'p.json');
    writeFileSync(good, JSON.stringify({ name: 'p', ...WS, components: [{ name: 'senter' }] }));
    const nlp = await load(good);
    expect(nlp.pipeNames).toEqual(['senter']);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "name": ');
    await expect(load(bad)).rejects.toThrow(/bad\.json/);
    const badKey = join(dir, 'badkey.json');
    writeFileSync(badKey, JSON.stringify({ ...WS, components: [{ name: 'senter', options: { nope: true } }] }));
    await expect(load(badKey)).rejects.toThrow(/badkey\.json.*components\[0\]\.options\.nope/);
  });
  it('adds the config file to a component error without changing its class', async () => {
    registerComponent('test_throws', { options: {}, create: () => { throw new ArgumentError('cannot build', { key: 'x' }); } });
    const f = join(mkdtempSync(join(tmpdir(), 'tl-')), 'throws.json');
    writeFileSync(f, JSON.stringify({ ...WS, components: [{ name: 't', factory: 'test_throws' }] }));
    const err = await load(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArgumentError);
    expect(err).toMatchObject({ file: f, key: 'x', detail: 'cannot build', message: `cannot build (at ${f}, key "x")` });
  });
  it('names missing bundled pipelines', async () => {
    await expect(load('no_such_pipeline')).rejects.toThrow(/^no bundled pipeline "no_such_pipeline"; bundled: .*en_core.*en_whitespace.* \(or give a config file path, e\.g\. \.\/my\.json\)$/);
  });
  it('loads the bundled whitespace pipeline by name', async () => {
    const nlp = await load('en_whitespace');
    expect(nlp('a b').length).toBe(2);
  });
});

describe('Pipeline.process', () => {
  it('rejects a Doc made with another vocab, in nlp(doc), pipe() and processBatch()', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }] });
    const foreign = Doc.fromWords(['Go', '.', 'Now'], { vocab: new Vocab() });
    expect(() => nlp(foreign)).toThrow(ArgumentError);
    expect(() => nlp(foreign)).toThrow(/different Vocab/);
    expect(() => [...nlp.pipe([foreign])]).toThrow(ArgumentError);
    expect(() => nlp.processBatch([foreign])).toThrow(ArgumentError);
    const own = Doc.fromWords(['Go', '.', 'Now'], { vocab: nlp.vocab });
    expect(nlp(own).sents.length).toBe(2);
  });
});

registerComponent('test_hook', {
  options: { hook: { type: 'any', doc: 'called with each doc' } },
  create: (o, ctx) => ({ name: ctx.name, process: (doc: Doc) => (o.hook as (d: Doc) => void)(doc) }),
});

describe('Pipeline.config', () => {
  it('takes a function for an `any` option of a custom factory (createPipeline, addPipe)', async () => {
    const seen: number[] = [];
    const hook = (d: Doc) => void seen.push(d.length);
    const nlp = await createPipeline({ ...WS, components: [{ name: 'h1', factory: 'test_hook', options: { hook } }] });
    nlp.addPipe('test_hook', { name: 'h2', options: { hook } });
    nlp('a b c');
    expect(seen).toEqual([3, 3]);
    expect(nlp.config.components![1]!.options!.hook).toBe(hook);
    nlp.select(['h1'])('a b');
    expect(seen).toEqual([3, 3, 2]);
  });
  /** What a config must reproduce: components in order, their options, and which are enabled. */
  async function roundTrips(nlp: Awaited<ReturnType<typeof createPipeline>>): Promise<void> {
    const again = await createPipeline(structuredClone(nlp.config));
    expect(again.componentNames).toEqual(nlp.componentNames);
    expect(again.pipeNames).toEqual(nlp.pipeNames);
    expect(again.config).toEqual(nlp.config);
    // The options really reach the rebuilt components: each counter adds its step.
    const a = counter;
    nlp('x y');
    const b = counter;
    again('x y');
    expect(counter - b).toBe(b - a);
  }

  it('keeps options and disabled of existing components when addPipe adds one', async () => {
    const nlp = await createPipeline({
      ...WS,
      components: [
        { name: 'senter', options: { newlines: 'line' } },
        { name: 'c3', factory: 'test_counter', options: { step: 3 }, disabled: true },
      ],
    });
    nlp.addPipe('test_counter', { name: 'c5', options: { step: 5 }, first: true });
    expect(nlp.config.components).toEqual([
      { name: 'c5', factory: 'test_counter', options: { step: 5 } },
      { name: 'senter', factory: 'senter', options: { newlines: 'line' } },
      { name: 'c3', factory: 'test_counter', options: { step: 3 }, disabled: true },
    ]);
    await roundTrips(nlp);
  });
  it('follows removePipe and setEnabled', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }, { name: 'c2', factory: 'test_counter', options: { step: 2 } }, { name: 'c7', factory: 'test_counter', options: { step: 7 } }] });
    nlp.removePipe('c2');
    nlp.setEnabled('c7', false);
    expect(nlp.config.components).toEqual([{ name: 'senter', factory: 'senter' }, { name: 'c7', factory: 'test_counter', options: { step: 7 }, disabled: true }]);
    await roundTrips(nlp);
    nlp.setEnabled('c7', true);
    expect(nlp.config.components![1]!.disabled).toBeUndefined();
    await roundTrips(nlp);
  });
  it('gives select/disable views their own config describing the view', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }, { name: 'c2', factory: 'test_counter', options: { step: 2 } }] });
    const view = nlp.disable(['c2']);
    const only = nlp.select(['c2']);
    expect(view.config).not.toBe(nlp.config);
    expect(view.config.components![1]).toEqual({ name: 'c2', factory: 'test_counter', options: { step: 2 }, disabled: true });
    expect(only.config.components![0]!.disabled).toBe(true);
    expect(nlp.config.components!.some((c) => c.disabled)).toBe(false);
    view.addPipe('test_counter', { name: 'v' });
    expect(nlp.config.components!.map((c) => c.name)).toEqual(['senter', 'c2']);
    await roundTrips(view);
    await roundTrips(only);
  });
  it('drops excluded components and marks create-time disabled ones', async () => {
    const nlp = await createPipeline({ ...WS, components: [{ name: 'senter' }, { name: 'c2', factory: 'test_counter' }, { name: 'c4', factory: 'test_counter', options: { step: 4 } }] }, { exclude: ['c2'], disable: ['c4'] });
    expect(nlp.config.components).toEqual([{ name: 'senter', factory: 'senter' }, { name: 'c4', factory: 'test_counter', options: { step: 4 }, disabled: true }]);
    await roundTrips(nlp);
  });
  it('does not share option objects with the caller', async () => {
    const options = { step: 2 };
    const nlp = await createPipeline(WS);
    nlp.addPipe('test_counter', { name: 'c', options });
    options.step = 9;
    expect(nlp.config.components![0]!.options).toEqual({ step: 2 });
  });
});

describe('util.inspect of a pipeline', () => {
  it('shows its name and steps in one line, disabled components apart', async () => {
    const { inspect } = await import('node:util');
    const nlp = await load('en_core');
    expect(inspect(nlp)).toBe(`Pipeline(en_core: tokenizer -> ${nlp.pipeNames.join(' -> ')})`);
    expect(String(nlp)).toBe(inspect(nlp));
    const view = nlp.disable(['tagger']);
    expect(inspect(view)).toMatch(/^Pipeline\(en_core: tokenizer -> senter -> parser -> lemmatizer.*; disabled: tagger\)$/);
    const ws = await createPipeline({ ...WS, components: [] });
    expect(inspect(ws)).toBe('Pipeline(whitespace)');
  });
});
