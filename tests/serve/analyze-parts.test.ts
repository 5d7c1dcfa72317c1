import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline, load, serve, type RunningServer } from '../../src/index.js';
import { analyzeInParts, planParts } from '../../src/serve/analyze-parts.js';
import { analyze } from '../../src/serve/api.js';

const TEXT = 'Ada Lovelace wrote the first program in London. Grace Hopper worked at Harvard in 1944. It ran.';

let s: RunningServer;
beforeAll(async () => {
  s = await serve({ nlp: await load('en_core'), port: 0 });
});
afterAll(() => s?.close());

async function stream(text: string): Promise<{ type: string | null; lines: any[] }> {
  const res = await fetch(`${s.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, stream: true }) });
  expect(res.status).toBe(200);
  const body = await res.text();
  expect(body.endsWith('\n')).toBe(true);
  return { type: res.headers.get('content-type'), lines: body.trimEnd().split('\n').map((l) => JSON.parse(l)) };
}

const withoutMs = ({ ms: _ms, ...rest }: Record<string, unknown>) => rest;

describe('/api/analyze in two parts', () => {
  it('sends everything but the parse first, then the parse: together exactly the one-part answer', async () => {
    const { type, lines } = await stream(TEXT);
    expect(type).toContain('application/x-ndjson');
    expect(lines).toHaveLength(2);
    const [first, parse] = lines;
    expect(first.parsePending).toBe(true);
    expect(first.parsed).toBe(false);
    expect(first.dep).toEqual([]);
    expect(first.head).toEqual([]);
    expect(first.ents.map((e: { label: string }) => e.label)).toContain('PER');
    expect(Object.keys(parse).sort()).toEqual(['dep', 'head', 'ms', 'parsed']);
    const { parsePending: _p, ...merged } = { ...first, ...parse };
    const whole = (await (await fetch(`${s.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: TEXT }) })).json()) as Record<string, unknown>;
    expect(withoutMs(merged)).toEqual(withoutMs(whole));
    expect(whole.parsed).toBe(true);
  });
  it('gives the same columns as the whole pipeline on longer text', async () => {
    const nlp = await load('en_core');
    const plan = planParts(nlp);
    expect(plan).toBeDefined();
    const text = Array.from({ length: 30 }, (_, k) => `Mr. Brown of Acme Corp. met ${k} engineers in Paris on May ${k % 28 + 1}, 2021, and they paid $${k}0 million.`).join(' ');
    const [a, b] = [...analyzeInParts(nlp, plan, text)].map((p) => JSON.parse(p));
    const { parsePending: _p, ...merged } = { ...a, ...b };
    expect(withoutMs(merged)).toEqual(withoutMs(analyze(nlp, text) as unknown as Record<string, unknown>));
  });
  it('sends one part when the pipeline has no parser, or when a component after it may read the parse', async () => {
    const noParser = await createPipeline({ lang: 'en', components: [{ name: 'senter' }, { name: 'tagger' }] });
    expect(planParts(noParser)).toBeUndefined();
    const [only, ...more] = [...analyzeInParts(noParser, undefined, TEXT)].map((p) => JSON.parse(p));
    expect(more).toEqual([]);
    expect(only.parsed).toBe(false);
    expect(only.parsePending).toBeUndefined();
    const nlp = await load('en_core');
    const withRuler = await createPipeline({ ...nlp.config, components: [...nlp.config.components!, { name: 'entity_ruler' }] });
    expect(planParts(withRuler)).toBeUndefined();
  });
  it('sends one whole part when the first pass set no sentence boundaries (the parser would set them)', async () => {
    const nlp = await createPipeline({ lang: 'en', components: [{ name: 'tagger' }, { name: 'parser' }, { name: 'lemmatizer' }] });
    const plan = planParts(nlp);
    expect(plan).toBeDefined();
    const parts = [...analyzeInParts(nlp, plan, TEXT)].map((p) => JSON.parse(p));
    expect(parts).toHaveLength(1);
    expect(parts[0].parsed).toBe(true);
    expect(withoutMs(parts[0])).toEqual(withoutMs(analyze(nlp, TEXT) as unknown as Record<string, unknown>));
  });
  it('answers bad input with a 4xx before any part', async () => {
    const res = await fetch(`${s.url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: ' ', stream: true }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(/"text" is required/);
  });
});
