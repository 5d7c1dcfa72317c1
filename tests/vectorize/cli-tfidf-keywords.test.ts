import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli as run } from '../cli/run.js';


const dir = mkdtempSync(join(tmpdir(), 'kw-'));
const txt = join(dir, 'docs.txt');
writeFileSync(txt, 'The jury said the election was fair\nThe election produced no evidence\nThe jury praised the city\n');
const jsonl = join(dir, 'docs.jsonl');
writeFileSync(jsonl, '{"id":1,"text":"The jury said the election was fair"}\n\n{"id":2,"text":"The jury praised the city"}\n');

describe('textloom tfidf keywords', () => {
  it('prints the top keywords per line', async () => {
    const r = await run(['tfidf', 'keywords', '--input', txt, '--top', '2']);
    expect(r.code).toBe(0);
    // idf = ln(4/2) + 1 for fair/said (df 1), ln(4/3) + 1 for jury/election (df 2); L2 row norm.
    const a = Math.log(2) + 1;
    const b = Math.log(4 / 3) + 1;
    const w = (a / Math.sqrt(2 * a * a + 2 * b * b)).toFixed(4);
    expect(r.out.split('\n')[0]).toBe(`1\tfair:${w} said:${w}`);
  });
  it('reads JSONL with --field and prints JSON', async () => {
    const r = await run(['tfidf', 'keywords', '--input', jsonl, '--field', 'text', '--top', '1', '--json']);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(rows.map((x) => x.line)).toEqual([1, 3]);
    expect(rows[1].keywords[0].term).toBe('city');
  });
  it('reports bad input on one line with exit code 2', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"text":"ok"}\n{broken\n');
    const r = await run(['tfidf', 'keywords', '--input', bad, '--field', 'text']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/invalid JSON.*bad\.jsonl:2/);
    expect((await run(['tfidf', 'keywords', '--input', txt, '--top', '0'])).code).toBe(2);
    expect((await run(['tfidf', 'keywords', '--input', txt, '--ngram', 'x'])).err).toMatch(/--ngram/);
  });
});
