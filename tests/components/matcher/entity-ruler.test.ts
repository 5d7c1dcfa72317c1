import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPipeline, Doc, EntityRuler, readEntityPatterns, Vocab, type EntityPattern, type EntityRuler as ER } from '../../../src/index.js';

// The patterns of spaCy's entity ruler tests.
const PATTERNS: EntityPattern[] = [
  { label: 'HELLO', pattern: 'hello world' },
  { label: 'BYE', pattern: [{ LOWER: 'bye' }, { LOWER: 'bye' }] },
  { label: 'HELLO', pattern: [{ ORTH: 'HELLO' }] },
  { label: 'COMPLEX', pattern: [{ ORTH: 'foo', OP: '*' }] },
  { label: 'TECH_ORG', pattern: 'Apple', id: 'a1' },
  { label: 'TECH_ORG', pattern: 'Microsoft', id: 'a2' },
];

async function nlpWith(options: Record<string, unknown> = {}) {
  return createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { patterns: PATTERNS, ...options } }] });
}
const ents = (doc: { ents: { label: string; text: string }[] }) => doc.ents.map((e) => [e.label, e.text]);
/** A component that marks tokens 0..3 as ORG, like spaCy's `add_ent` test component. */
const addEnt = { name: 'add_ent', process: (doc: Doc) => void (doc.ents = [doc.span(0, 3, 'ORG')]) };

describe('EntityRuler.process', () => {
  it('sets entities from phrase and token patterns', async () => {
    const nlp = await nlpWith();
    expect(ents(nlp('hello world bye bye'))).toEqual([['HELLO', 'hello world'], ['BYE', 'bye bye']]);
    expect(ents(nlp('foo foo bye bye'))).toEqual([['COMPLEX', 'foo foo'], ['BYE', 'bye bye']]);
  });
  it('respects existing entities unless overwriteEnts', async () => {
    const keep = await nlpWith();
    keep.addPipe(addEnt, { before: 'entity_ruler' });
    expect(ents(keep('OH HELLO WORLD bye bye'))).toEqual([['ORG', 'OH HELLO WORLD'], ['BYE', 'bye bye']]);
    const over = await nlpWith({ overwriteEnts: true });
    over.addPipe(addEnt, { before: 'entity_ruler' });
    expect(ents(over('OH HELLO WORLD bye bye'))).toEqual([['HELLO', 'HELLO'], ['BYE', 'bye bye']]);
  });
  it('prefers the longest match, then the earliest', async () => {
    const nlp = await createPipeline({
      tokenizer: { factory: 'whitespace' },
      components: [{ name: 'entity_ruler', options: { patterns: [{ label: 'A', pattern: 'x y' }, { label: 'B', pattern: 'y z' }, { label: 'C', pattern: 'x y z' }, { label: 'D', pattern: 'z w' }] } }],
    });
    expect(ents(nlp('x y z w'))).toEqual([['C', 'x y z']]);
    expect(ents(nlp('x y q y z'))).toEqual([['A', 'x y'], ['B', 'y z']]);
    expect(ents(nlp('y z w'))).toEqual([['B', 'y z']]);
  });
  it('resolves equally long overlapping matches to the earlier one (spaCy overlapping_spans)', async () => {
    const nlp = await createPipeline({
      tokenizer: { factory: 'whitespace' },
      components: [{ name: 'entity_ruler', options: { patterns: [{ label: 'FOOBAR', pattern: 'foo bar' }, { label: 'BARBAZ', pattern: 'bar baz' }] } }],
    });
    expect(ents(nlp('foo bar baz'))).toEqual([['FOOBAR', 'foo bar']]);
  });
  it('writes pattern ids to the ent_id extension', async () => {
    const nlp = await nlpWith();
    const doc = nlp('I like Apple and Microsoft');
    expect(ents(doc)).toEqual([['TECH_ORG', 'Apple'], ['TECH_ORG', 'Microsoft']]);
    expect([doc.token(2).ext('ent_id'), doc.token(4).ext('ent_id'), doc.token(0).ext('ent_id')]).toEqual(['a1', 'a2', undefined]);
  });
  it('matches phrases case-insensitively with phraseMatcherAttr LOWER', async () => {
    const nlp = await nlpWith({ phraseMatcherAttr: 'LOWER' });
    expect(ents(nlp('HELLO WORLD'))).toEqual([['HELLO', 'HELLO WORLD']]);
  });
});

describe('EntityRuler.addPatterns / patterns / labels', () => {
  it('adds patterns and lists them', async () => {
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler' }] });
    const ruler = nlp.getPipe('entity_ruler') as ER;
    expect(ruler).toBeInstanceOf(EntityRuler);
    ruler.addPatterns(PATTERNS);
    expect(ruler.patterns).toHaveLength(6);
    expect(ruler.labels).toEqual(['HELLO', 'BYE', 'COMPLEX', 'TECH_ORG']);
    expect(ents(nlp('bye bye'))).toEqual([['BYE', 'bye bye']]);
  });
  it('rejects bad records and bad token patterns', () => {
    const vocab = new Vocab();
    const r = new EntityRuler(vocab, (t) => Doc.fromWords(t.split(' '), { vocab }));
    expect(() => r.addPatterns([{ label: '', pattern: 'x' }])).toThrow(/label/);
    expect(() => r.addPatterns([{ label: 'X', pattern: 5 as never }])).toThrow(/pattern/);
    expect(() => r.addPatterns([{ label: 'X', pattern: 'x', extra: 1 } as never])).toThrow(/unknown entity pattern key "extra"/);
    expect(() => r.addPatterns([{ label: 'X', pattern: [{ LOWR: 'x' }] }])).toThrow(/unknown token attribute "LOWR"/);
    expect(r.patterns).toEqual([]);
  });
});

describe('entity_ruler factory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'textloom-ruler-'));
  it('reads patterns from a JSONL file relative to baseDir', async () => {
    writeFileSync(join(dir, 'p.jsonl'), PATTERNS.map((p) => JSON.stringify(p)).join('\n') + '\n\n');
    const nlp = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { patternsFile: 'p.jsonl' } }] }, { baseDir: dir });
    expect(ents(nlp('hello world'))).toEqual([['HELLO', 'hello world']]);
    expect((await readEntityPatterns(join(dir, 'p.jsonl'))).map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('runs the components before it over phrase patterns on LEMMA, as spaCy (in a config and with addPipe)', async () => {
    const patterns = [{ label: 'RUN', pattern: 'run fast' }];
    const nlp = await createPipeline({
      tokenizer: { factory: 'tokenizer' },
      components: [{ name: 'tagger' }, { name: 'lemmatizer' }, { name: 'entity_ruler', options: { phraseMatcherAttr: 'LEMMA', patterns } }],
    });
    expect(ents(nlp('They ran fast'))).toEqual([['RUN', 'ran fast']]);
    expect(ents(nlp('He is running fast'))).toEqual([['RUN', 'running fast']]);
    const later = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'tagger' }, { name: 'lemmatizer' }] });
    later.addPipe('entity_ruler', { options: { phraseMatcherAttr: 'LEMMA', patterns } });
    expect(ents(later('They ran fast'))).toEqual([['RUN', 'ran fast']]);
    // Placed before the lemmatizer, the phrases have no lemmas: spaCy's error, not a silent miss.
    expect(() => later.addPipe('entity_ruler', { name: 'early', before: 'lemmatizer', options: { phraseMatcherAttr: 'LEMMA', patterns } })).toThrow(/needs phrase docs with LEMMA/);
  });
  it('names the file, line and key of a bad pattern', async () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"label":"A","pattern":"a"}\n{"label":"B","pattern":[{"LENGTH":{">=":"x"}}]}\n');
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { patternsFile: 'bad.jsonl' } }] }, { baseDir: dir })).rejects.toThrow(
      /bad\.jsonl:2.*key "\[0\]\.LENGTH\.>="/,
    );
    writeFileSync(join(dir, 'bad2.jsonl'), '{"label":"A","pattern":"a"}\n{oops\n');
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { patternsFile: 'bad2.jsonl' } }] }, { baseDir: dir })).rejects.toThrow(/invalid JSON.*bad2\.jsonl:2/);
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { patternsFile: 'missing.jsonl' } }] }, { baseDir: dir })).rejects.toThrow(/^no such patterns file: \S*missing\.jsonl$/);
  });
  it('names the config key of a bad inline pattern and a bad option', async () => {
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { patterns: [{ label: 'A', pattern: [{ OP: '%' }] }] } }] })).rejects.toThrow(
      /options\.patterns\[0\]/,
    );
    await expect(createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { phraseMatcherAttr: 'NOPE' } }] })).rejects.toThrow(/phraseMatcherAttr/);
    const err = await createPipeline({ tokenizer: { factory: 'whitespace' }, components: [{ name: 'entity_ruler', options: { patterns: [{ label: 'X' } as never] } }] }).catch((e: Error) => e);
    // One location, not the inner one repeated: `... (at key "options.patterns[0].pattern")`.
    expect((err as Error).message).toBe('"pattern" must be a phrase string or a list of token specs (at key "options.patterns[0].pattern")');
  });
});

describe('EntityRuler.matches', () => {
  it('lists every match with label and id, in start/end order, without resolving', () => {
    const vocab = new Vocab();
    const r = new EntityRuler(vocab, (t) => Doc.fromWords(t.split(' '), { vocab }));
    r.addPatterns([{ label: 'GPE', pattern: 'New York', id: 'ny' }, { label: 'GPE', pattern: 'New York City' }, { label: 'T', pattern: [{ ORTH: 'City' }] }]);
    const doc = Doc.fromWords('in New York City'.split(' '), { vocab });
    expect(r.matches(doc)).toEqual([
      { label: 'GPE', id: 'ny', start: 1, end: 3 },
      { label: 'GPE', start: 1, end: 4 },
      { label: 'T', start: 3, end: 4 },
    ]);
  });
});
