import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/render/escape.js';
import { SearchIndex } from '../../src/search/search-index.js';
import { HIT_FIELD_CHARS, searchAnswer, snippetHtml, snippetJson } from '../../src/serve/api.js';
import { cranFixture } from '../search/helpers.js';

// The answer is written member by member; it must be the text JSON.stringify gives for the answer
// object built the plain way: search() hits, count() total, fields cut, snippets escaped then marked.
const docs = readFileSync(path.join(cranFixture.dir, 'docs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const queries = readFileSync(path.join(cranFixture.dir, 'queries.jsonl'), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { text: string }).text.trim().replace(/\s+/g, ' '));
const odd = [
  { id: 'x1', title: 'Wing <b>"flutter"</b> & the \'tail\' \\ back\u0001slash \ud800 lone', text: `wing flutter ${'a "quoted" <tag> & more text '.repeat(20)} \u2028 line\\sep`, year: 1958, tags: ['wing', 'flow'], extra: null },
  { id: 'x2', title: 'Flow & wing', text: 'flow \u00e9t\u00e9 wing\u{1F600} "x"' },
];

function reference(index: SearchIndex, q: string, page: number, size: number): string {
  const pre = '\uE000';
  const post = '\uE001';
  const top = index.search(q, { topK: page * size, highlight: { pre, post } });
  const cut = (f: Record<string, unknown>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, typeof v === 'string' && v.length > HIT_FIELD_CHARS ? v.slice(0, HIT_FIELD_CHARS) + '…' : v]));
  const hits = top.slice((page - 1) * size).map((r) => ({
    id: r.id,
    score: +r.score.toFixed(4),
    fields: cut(r.fields ?? {}),
    snippets: Object.fromEntries(Object.entries(r.highlights ?? {}).map(([f, s]) => [f, escapeHtml(s).replaceAll(pre, '<mark>').replaceAll(post, '</mark>')])),
  }));
  return JSON.stringify({ query: q, page, size, total: index.count(q), hits }).slice(1);
}

describe('searchAnswer', () => {
  it('writes the same JSON as the answer object, for every query, page and size', async () => {
    const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title', 'text', 'year', 'tags', 'extra'] });
    index.addAll([...docs, ...odd]);
    const qs = [...queries, 'wing flutter', 'tail quoted tag', 'flow wing', '"wing flutter" -tail', 'nosuchword', 'the'];
    for (const q of qs)
      for (const [page, size] of [[1, 10], [2, 3], [1, 100], [5, 20]] as const) {
        const a = searchAnswer(index, q, page, size);
        expect(a.body.toString('utf8'), `${q} ${page} ${size}`).toBe(reference(index, q, page, size));
        expect(() => JSON.parse(a.head + a.body.toString('utf8'))).not.toThrow();
      }
  });

  it('escapes snippets as escapeHtml and then marks them', () => {
    for (const s of ['a & b < c > d " e \' f', '\uE000wing\uE001 & \uE000<x>\uE001', '', 'plain', '&amp;\uE001\uE000']) {
      expect(snippetHtml(s)).toBe(escapeHtml(s).replaceAll('\uE000', '<mark>').replaceAll('\uE001', '</mark>'));
    }
  });

  it('writes a snippet as JSON.stringify writes its HTML, whatever characters it holds', () => {
    // Seeded random strings over the characters each branch treats apart.
    const alphabet = ['a', 'Z', ' ', '&', '<', '>', '"', "'", '\\', '/', '\uE000', '\uE001', '\uE002', '\u2026', '\u2028', '\u007f', '\u00e9', '\n', '\t', '\b', '\f', '\r', '\u0000', '\u001f', '\u0001', '\ud83d\ude00', '\ud83d', '\ude00', '\udbff', '\uffff', '\ud7ff'];
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    for (let t = 0; t < 3000; t++) {
      let s = '';
      for (let i = rand(12); i > 0; i--) s += alphabet[rand(alphabet.length)]!;
      expect(snippetJson(s), JSON.stringify(s)).toBe(JSON.stringify(snippetHtml(s)));
    }
  });
});
