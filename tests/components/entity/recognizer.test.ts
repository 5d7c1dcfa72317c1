import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createPipeline, load, mergeRanked, EntityRecognizer, DEFAULT_ENTITY_MODEL } from '../../../src/index.js';

const ents = (doc: { ents: { text: string; label: string }[] }): string[] => doc.ents.map((e) => `${e.text}/${e.label}`);

describe('mergeRanked', () => {
  it('drops spans overlapping a higher rank, keeps the earlier then longer span within a rank', () => {
    const out = mergeRanked([
      [{ start: 2, end: 4, label: 'URL' }],
      [{ start: 0, end: 1, label: 'PER' }, { start: 3, end: 5, label: 'ORG' }, { start: 6, end: 8, label: 'LOC' }, { start: 6, end: 7, label: 'PER' }],
      [{ start: 0, end: 2, label: 'DATE' }, { start: 8, end: 9, label: 'CARDINAL' }],
    ]);
    expect(out).toEqual([
      { start: 0, end: 1, label: 'PER' },
      { start: 2, end: 4, label: 'URL' },
      { start: 6, end: 8, label: 'LOC' },
      { start: 8, end: 9, label: 'CARDINAL' },
    ]);
  });
});

describe('EntityRecognizer in en_core', async () => {
  const nlp = await load('en_core');
  it('is in en_core after the tagger, as "ner"', () => {
    expect(nlp.pipeNames).toContain('ner');
    expect(nlp.getPipe('ner')).toBeInstanceOf(EntityRecognizer);
    expect(nlp.pipeNames.indexOf('ner')).toBeGreaterThan(nlp.pipeNames.indexOf('tagger'));
  });
  it('finds trained and rule-based entities in one doc.ents without overlaps', () => {
    const doc = nlp('Tim Cook met Angela Merkel in Berlin on Monday. Mail jo@example.com or pay $5.');
    const e = ents(doc);
    expect(e).toContain('Tim Cook/PER');
    expect(e).toContain('Berlin/LOC');
    expect(e).toContain('Monday/DATE');
    expect(e).toContain('jo@example.com/EMAIL');
    expect(e).toContain('$5/MONEY');
    for (let i = 1; i < doc.ents.length; i++) expect(doc.ents[i]!.start).toBeGreaterThanOrEqual(doc.ents[i - 1]!.end);
  });
  it('rules: false gives only the trained labels', async () => {
    const only = await createPipeline({ name: 'x', components: [{ name: 'senter' }, { name: 'tagger' }, { name: 'ner', factory: 'entity_recognizer', options: { rules: false } }] });
    const labels = new Set(only('Tim Cook paid $5 on Monday in Berlin.').ents.map((x) => x.label));
    expect([...labels].every((l) => ['PER', 'ORG', 'LOC'].includes(l))).toBe(true);
  });
  it('keeps entities set before it (an entity_ruler placed first wins)', async () => {
    const before = await createPipeline({ name: 'x', components: [{ name: 'senter' }, { name: 'tagger' }, { name: 'entity_ruler', options: { patterns: [{ label: 'PRODUCT', pattern: 'Berlin' }] } }, { name: 'ner', factory: 'entity_recognizer' }] });
    expect(ents(before('Tim Cook flew to Berlin.'))).toEqual(['Tim Cook/PER', 'Berlin/PRODUCT']);
  });
  it('an entity_ruler placed after overrides only with overwriteEnts', async () => {
    const cfg = (overwriteEnts: boolean) => ({ name: 'x', components: [{ name: 'senter' }, { name: 'tagger' }, { name: 'ner', factory: 'entity_recognizer' }, { name: 'entity_ruler', options: { overwriteEnts, patterns: [{ label: 'PRODUCT', pattern: 'Berlin' }] } }] });
    expect(ents((await createPipeline(cfg(false)))('Tim Cook flew to Berlin.'))).toEqual(['Tim Cook/PER', 'Berlin/LOC']);
    expect(ents((await createPipeline(cfg(true)))('Tim Cook flew to Berlin.'))).toEqual(['Tim Cook/PER', 'Berlin/PRODUCT']);
  });
  it('gives the same entities when its word-type slots are released every few words', async () => {
    const texts = ['Tim Cook met Angela Merkel in Berlin on Monday.', 'Apple and Microsoft opened offices in Paris, London and New York.', 'Barack Obama spoke at Harvard University with Michelle Obama.', 'The United Nations met in Geneva; Google and Amazon sent delegates from Seattle.', 'In Berlin, Tim Cook and Angela Merkel met on Monday in Berlin.', 'Paris, London and New York: Apple and Microsoft opened offices there.'];
    const model = (nlp.getPipe('ner') as EntityRecognizer).model;
    const before = texts.map((t) => ents(nlp(t)));
    const saved = model.slotCapMax;
    model.slotCapMax = 3;
    try {
      // A new pipeline: a new vocab (so a cache of its own) with the same model.
      const fresh = await load('en_core');
      expect((fresh.getPipe('ner') as EntityRecognizer).model).toBe(model);
      expect(texts.map((t) => ents(fresh(t)))).toEqual(before);
    } finally {
      model.slotCapMax = saved;
    }
    expect(before.flat()).toContain('Geneva/LOC');
  });
  it('handles empty and whitespace-only docs', () => {
    expect(nlp('').ents).toEqual([]);
    expect(nlp('  \n ').ents).toEqual([]);
  });
});

describe('evaluateEntities', async () => {
  const { evaluateEntities, parseIob } = await import('../../../src/index.js');
  const { readFileSync } = await import('node:fs');
  const { fixturePath } = await import('../../eval-data.js');
  const gold = parseIob(readFileSync(fixturePath('uner/en_ewt-ud-dev-first400.iob2'), 'utf8'));
  const nlp = await load('en_core');
  it('scores gold tokens and raw text (aligned by character offsets) on the same entities', () => {
    const g = evaluateEntities(nlp, gold);
    const raw = evaluateEntities(nlp, gold, { goldTokens: false });
    expect(g.tp + g.fn).toBe(162);
    expect(raw.tp + raw.fn).toBe(162);
    expect(raw.unaligned).toBe(0);
    expect(g.f1).toBeGreaterThan(0.5);
    expect(raw.f1).toBeGreaterThan(0.4);
    // Only the gold file's labels are scored: wink's DATE and MONEY are not false positives.
    expect(Object.keys(g.perLabel).sort()).toEqual(['LOC', 'ORG', 'PER']);
  });
  it('counts the gold entities of a document it cannot align as misses', () => {
    const broken = [{ ...gold[0]!, text: 'nothing like the words', tags: gold[0]!.tags }];
    const r = evaluateEntities(nlp, broken, { goldTokens: false });
    expect(r.unaligned).toBe(1);
    expect(r.tp).toBe(0);
  });
});

describe('EntityRecognizer.fromBytes', () => {
  it('gives the entities of the recognizer loaded from the same file', async () => {
    const bytes = new Uint8Array(readFileSync(DEFAULT_ENTITY_MODEL));
    const fromBytes = await EntityRecognizer.fromBytes(bytes, { rules: false });
    const fromFile = EntityRecognizer.load(DEFAULT_ENTITY_MODEL, { rules: false });
    const nlp = await load('en_core');
    const doc = nlp.select(nlp.pipeNames.filter((n) => n !== 'ner'))('Tim Cook met Angela Merkel in Berlin. Apple hired him.');
    expect(fromBytes.predict(doc).trained).toEqual(fromFile.predict(doc).trained);
    expect(fromBytes.predict(doc).trained.length).toBeGreaterThan(1);
  });
});
