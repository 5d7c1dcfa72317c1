/**
 * Configs, patterns, documents and word lists whose keys or values are `__proto__`, `constructor`
 * or `prototype` must not reach Object.prototype, and must either work as ordinary names or be
 * refused with a typed error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline, EntityRuler, KeyedVectors, load, Matcher, NgramLM, readEntityPatterns, SearchIndex, TextCategorizer, TextloomError, Vocab, Doc } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-proto-'));
const EVIL = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

function clean(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.keys(Object.prototype)).toEqual([]);
}
afterEach(clean);

/** Runs `fn`: a typed error or a result is fine; anything else fails the test. */
async function typedOrOk<T>(fn: () => T | Promise<T>): Promise<T | TextloomError> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof TextloomError) return e;
    throw e;
  }
}

const poison = '{"polluted": 1}';

describe('pipeline configs', () => {
  const configs = [
    `{"__proto__": ${poison}, "name": "x", "lang": "en", "tokenizer": {"factory": "whitespace"}, "components": []}`,
    `{"constructor": {"prototype": ${poison}}, "name": "x", "lang": "en", "tokenizer": {"factory": "whitespace"}, "components": []}`,
    `{"name": "x", "lang": "en", "tokenizer": {"factory": "whitespace", "options": {"__proto__": ${poison}}}, "components": []}`,
    `{"name": "x", "lang": "en", "tokenizer": {"factory": "tokenizer", "options": {"specialCases": {"__proto__": [{"ORTH": "a"}]}}}, "components": []}`,
    `{"name": "x", "lang": "en", "tokenizer": {"factory": "whitespace"}, "components": [{"name": "senter", "options": {"__proto__": ${poison}}}]}`,
    `{"name": "x", "lang": "en", "tokenizer": {"factory": "whitespace"}, "components": [{"name": "stemmer", "options": {"algorithm": "constructor"}}]}`,
    `{"name": "x", "lang": "en", "tokenizer": {"factory": "whitespace"}, "components": [{"name": "stemmer", "options": {"algorithm": "__proto__"}}]}`,
    ...EVIL.map((n) => `{"name": "x", "lang": "en", "tokenizer": {"factory": "${n}"}, "components": []}`),
    ...EVIL.map((n) => `{"name": "x", "lang": "en", "tokenizer": {"factory": "whitespace"}, "components": [{"name": "${n}"}]}`),
    ...EVIL.map((n) => `{"name": "x", "lang": "en", "tokenizer": {"factory": "whitespace"}, "components": [{"name": "a", "factory": "${n}"}]}`),
  ];
  configs.forEach((text, i) => {
    it(`config ${i}: refused with a typed error or loaded, nothing polluted`, async () => {
      const file = join(dir, `c${i}.json`);
      writeFileSync(file, text);
      await typedOrOk(async () => (await load(file))('a b. c d.'));
      clean();
      // The same object built in code (JSON.parse makes an own "__proto__" key).
      await typedOrOk(async () => (await createPipeline(JSON.parse(text)))('a b.'));
    });
  });

  it('a pipeline config cannot name code to load: factories come only from the registry', async () => {
    for (const factory of ['./evil.js', '/tmp/evil.mjs', 'node:child_process', 'file:///tmp/evil.mjs', 'data:text/javascript,globalThis.pwned=1']) {
      const r = await typedOrOk(() => createPipeline({ name: 'x', lang: 'en', tokenizer: { factory: 'whitespace' }, components: [{ name: 'a', factory }] } as never));
      expect(r).toBeInstanceOf(TextloomError);
      const t = await typedOrOk(() => createPipeline({ name: 'x', lang: 'en', tokenizer: { factory }, components: [] } as never));
      expect(t).toBeInstanceOf(TextloomError);
    }
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
  });
});

describe('patterns', () => {
  const lines = [
    `{"__proto__": ${poison}, "label": "X", "pattern": "a"}`,
    `{"label": "__proto__", "pattern": "a"}`,
    `{"label": "constructor", "pattern": [{"LOWER": "a"}], "id": "__proto__"}`,
    `{"label": "X", "pattern": [{"__proto__": ${poison}, "LOWER": "a"}]}`,
    `{"label": "X", "pattern": [{"constructor": "a"}]}`,
    `{"label": "X", "pattern": [{"LOWER": {"__proto__": ${poison}}}]}`,
    `{"label": "X", "pattern": [{"LOWER": {"IN": ["a"], "constructor": 1}}]}`,
    `{"label": "X", "pattern": [{"_": {"__proto__": ${poison}}}]}`,
  ];
  lines.forEach((line, i) => {
    it(`pattern line ${i}: typed error or a working ruler`, async () => {
      const file = join(dir, `p${i}.jsonl`);
      writeFileSync(file, line + '\n');
      const r = await typedOrOk(async () => {
        const pats = await readEntityPatterns(file);
        const nlp = await createPipeline({ name: 'x', lang: 'en', tokenizer: { factory: 'whitespace' }, components: [] } as never);
        const ruler = new EntityRuler(nlp.vocab, (t) => nlp.makeDoc(t));
        ruler.addPatterns(pats.map((p) => p.pattern));
        const doc = nlp('a b');
        ruler.process(doc);
        return doc.ents.map((e) => e.label);
      });
      clean();
      await typedOrOk(() => {
        const vocab = new Vocab();
        const matcher = new Matcher(vocab);
        matcher.add('K', [JSON.parse(line).pattern].filter(Array.isArray));
        return matcher.match(Doc.fromWords(['a', 'b'], { vocab }));
      });
      void r;
    });
  });
});

describe('documents, labels and words named like Object.prototype members', () => {
  it('search index: ids, fields and stored values', async () => {
    const ix = await SearchIndex.create({ fields: ['text'], storeFields: ['text', '__proto__', 'constructor'] });
    ix.addAll(EVIL.map((id) => JSON.parse(`{"id": "${id}", "text": "${id} word", "__proto__": ${poison}, "constructor": {"prototype": ${poison}}}`)));
    expect(ix.documentCount).toBe(EVIL.length);
    for (const id of EVIL) expect(ix.has(id)).toBe(true);
    expect(ix.has('valueOf')).toBe(false);
    expect(ix.search('constructor').map((h) => h.id)).toEqual(['constructor']);
    await ix.save(join(dir, 'ix'));
    const back = await SearchIndex.load(join(dir, 'ix'));
    expect(back.search('__proto__').map((h) => h.id)).toContain('__proto__');
    expect(back.has('valueOf')).toBe(false);
  });

  it('textcat labels and cats', () => {
    const tc = TextCategorizer.train(['alpha alpha', 'gamma gamma', 'alpha', 'gamma'], ['__proto__', 'constructor', '__proto__', 'constructor'], { model: 'nb' });
    const cats = tc.scores('alpha alpha');
    expect(Object.keys(cats).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(cats) === Object.prototype || Object.getPrototypeOf(cats) === null).toBe(true);
    expect(typeof cats.constructor).toBe('number');
  });

  it('word vectors and LM vocabularies', async () => {
    const kv = new KeyedVectors(['__proto__', 'word'], new Float32Array([1, 0, 0, 1]), 2);
    expect(kv.has('__proto__')).toBe(true);
    expect(kv.has('constructor')).toBe(false);
    expect(kv.indexOf('toString')).toBe(-1);
    const lm = await NgramLM.train(['constructor __proto__ prototype', 'a b c'], { order: 2, smoothing: 'witten-bell' });
    expect(lm.has('constructor')).toBe(true);
    expect(lm.has('toString')).toBe(false);
    expect(lm.has('valueOf')).toBe(false);
  });
});
