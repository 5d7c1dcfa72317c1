import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depData, entData, KeyedVectors, load, renderDep, renderEnts, SearchIndex, serve, type RunningServer } from '../../src/index.js';
import { assertWellFormed } from '../render/markup.js';

let s: RunningServer;

beforeAll(async () => {
  const nlp = await load('en_core');
  const index = await SearchIndex.create({ fields: ['title', 'text'], storeFields: ['title', 'text'] });
  index.addAll([
    { id: 1, title: 'Wing <design>', text: 'The boundary layer over a slender wing stays laminar. <script>alert(1)</script>' },
    { id: 2, title: 'Pipe flow', text: 'A turbulent boundary layer forms in long pipes.' },
    ...Array.from({ length: 25 }, (_, k) => ({ id: 10 + k, title: `Note ${k}`, text: `wing note number ${k}` })),
  ]);
  const vectors = new KeyedVectors(['king', 'queen', 'man', 'woman', 'apple'], Float32Array.from([1, 1, 0, 1, 0.9, 0.1, 0.2, 1, 0, 0.2, 0.9, 0.1, -1, 0, 1]), 3);
  s = await serve({ nlp, index, vectors, port: 0, maxTextChars: 5000, maxBodyBytes: 20_000 });
});
afterAll(() => s?.close());

async function call(path: string, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(new URL(path, s.url), init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body, headers: res.headers };
}
const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('serve', () => {
  it('listens on 127.0.0.1 by default and serves the page with security headers', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await call('/');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(String(r.body)).toContain('<script type="module" src="app.js"></script>');
    expect((await call('/app.js')).status).toBe(200);
    // every answer carries them: JSON, errors and the parts of a streamed analysis too
    for (const r of [await call('/api/health'), await call('/nope'), await post('/api/analyze', { text: 'Hi.', stream: true })]) {
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
  it('/api/analyze returns the annotations in columns, which the renderers draw as the server would from the Doc', async () => {
    const text = 'Dr. Smith visited <Paris>. It rained.';
    const r = await post('/api/analyze', { text });
    expect(r.status).toBe(200);
    const a = r.body;
    expect(a.words.slice(0, 2)).toEqual(['Dr.', 'Smith']);
    for (const k of ['pos', 'tag', 'lemma', 'dep', 'head', 'ent']) expect(a[k]).toHaveLength(a.words.length);
    expect(a.pos[0]).toBe('PROPN');
    expect(a.sents).toHaveLength(2);
    expect(typeof a.ms).toBe('number');
    expect(a.parsed).toBe(true);
    // The page's drawing from the columns is the drawing of the Doc itself.
    const doc = (await load('en_core'))(text);
    expect(a.ents).toEqual(entData(doc).ents);
    const fromColumns = a.sents.map(([s, e]: [number, number]) => {
      const words = [];
      const arcs = [];
      for (let i = s; i < e; i++) {
        words.push({ text: a.words[i], tag: a.pos[i] });
        const h = a.head[i];
        if (h !== i && h >= s && h < e) arcs.push({ start: Math.min(i, h) - s, end: Math.max(i, h) - s, label: a.dep[i], dir: i < h ? 'left' : 'right' });
      }
      return { words, arcs };
    });
    expect(renderDep(fromColumns)).toBe(renderDep(depData(doc).map(({ words, arcs }) => ({ words: words.map((w) => ({ text: w.text, tag: w.tag })), arcs }))));
    const html = renderEnts({ text: a.text, ents: a.ents });
    assertWellFormed(html);
    expect(html).not.toContain('<Paris>');
    // The page's drawing modules are served.
    for (const f of ['/lib/render/ent.js', '/lib/render/dep.js', '/lib/core/errors.js']) expect((await call(f)).headers.get('content-type')).toContain('javascript');
  });
  it('/api/search pages through hits with escaped, highlighted snippets', async () => {
    const r = await call('/api/search?q=boundary%20layer&size=1');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(2);
    expect(r.body.hits).toHaveLength(1);
    const all = JSON.stringify(r.body.hits);
    expect(all).not.toContain('<script>');
    expect(r.body.hits[0].snippets.text).toContain('<mark>');
    expect(r.body.hits[0].fields.title).toBeDefined();
    const p2 = await call('/api/search?q=wing&page=2&size=10');
    expect(p2.body.hits).toHaveLength(10);
    expect(p2.body.page).toBe(2);
  });
  it('/api/search keeps answers by query, page and size, cuts long fields, and counts cache hits', async () => {
    const first = await call('/api/search?q=turbulent%20%20pipes&size=5');
    const again = await call('/api/search?q=%20turbulent%20pipes%20&size=5');
    expect(first.body.cached).toBe(false);
    expect(again.body.cached).toBe(true);
    expect(again.body.query).toBe('turbulent pipes');
    const strip = (b: any) => ({ ...b, ms: 0, cached: 0 });
    expect(strip(again.body)).toEqual(strip(first.body));
    expect((await call('/api/search?q=turbulent%20pipes&size=6')).body.cached).toBe(false);
    const health = await call('/api/health');
    expect(health.body.searchCache.hits).toBeGreaterThanOrEqual(1);
    const index = await SearchIndex.create({ fields: ['text'], storeFields: ['text'] });
    index.add({ id: 1, text: 'wing '.repeat(100) });
    const plain = await serve({ nlp: await load('en_core'), index, port: 0, searchCacheSize: 0 });
    try {
      const a: any = await (await fetch(`${plain.url}api/search?q=wing`)).json();
      const b: any = await (await fetch(`${plain.url}api/search?q=wing`)).json();
      expect([a.cached, b.cached]).toEqual([false, false]);
      expect(a.hits[0].fields.text).toHaveLength(201); // 200 characters and the ellipsis
    } finally {
      await plain.close();
    }
  });
  it('/api/similar returns neighbours and a scatter plot', async () => {
    const r = await call('/api/similar?word=king&k=3');
    expect(r.status).toBe(200);
    expect(r.body.neighbours).toHaveLength(3);
    expect(r.body.neighbours[0].word).toBe('queen');
    assertWellFormed(r.body.svg);
  });
  it('answers bad requests with a 4xx and a message', async () => {
    const cases: [Promise<{ status: number; body: any }>, number, RegExp][] = [
      [post('/api/analyze', {}), 400, /"text" is required/],
      [post('/api/analyze', { text: 'x'.repeat(5001) }), 413, /limit is 5000/],
      [call('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": ' }), 400, /not valid JSON/],
      [call('/api/analyze', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }), 415, /application\/json/],
      [call('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'a'.repeat(30_000) }) }), 413, /over the limit/],
      [call('/api/search?q=wing&size=1000'), 400, /"size" must be an integer in \[1, 100\]/],
      [call('/api/search?q=%20'), 400, /"q" is required/],
      [call('/api/similar?word=zebra'), 404, /zebra/],
      [call('/api/nothing'), 404, /no such page/],
      [call('/api/analyze', { method: 'DELETE' }), 405, /DELETE is not allowed/],
    ];
    for (const [p, status, msg] of cases) {
      const r = await p;
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error).toMatch(msg);
    }
  });
  it('keeps __proto__ parameters as plain data', async () => {
    const r = await call('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"__proto__": {"text": "polluted"}, "text": "Fine."}' });
    expect(r.status).toBe(200);
    expect(({} as Record<string, unknown>).text).toBeUndefined();
    const q = await call('/api/search?__proto__=x&q=wing');
    expect(q.status).toBe(200);
  });
  it('cuts off a client that never finishes its request', async () => {
    const slow = await serve({ nlp: await load('en_whitespace'), port: 0, requestTimeoutMs: 300 });
    try {
      const started = Date.now();
      const status = await new Promise<number | string>((done) => {
        const req = request(new URL('/api/analyze', slow.url), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '100' } }, (res) => done(res.statusCode ?? 0));
        req.on('error', (e) => done(e.message));
        req.write('{"text": "a');
      });
      expect(status === 408 || typeof status === 'string').toBe(true);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await slow.close();
    }
  });
  it('refuses a server without a pipeline', async () => {
    await expect(serve({} as never)).rejects.toThrow(/serve needs a pipeline/);
  });
});
