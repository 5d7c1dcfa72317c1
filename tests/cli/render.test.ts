import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyedVectors } from '../../src/index.js';
import { assertWellFormed } from '../render/markup.js';
import { runCli } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'tl-render-'));
const at = (name: string) => join(dir, name);
writeFileSync(at('in.txt'), 'Anne met <b>Walter</b> & friends on Friday.\nAnne left.\n');
writeFileSync(at('patterns.jsonl'), '{"label":"PERSON","pattern":"Anne"}\n{"label":"DAY","pattern":[{"LOWER":"friday"}]}\n{"label":"MEETING","pattern":[{"LOWER":"met"},{"OP":"*"},{"LOWER":"friday"}]}\n');

describe('textloom render', () => {
  it('writes a page of pattern matches with overlaps stacked, escaped', async () => {
    const r = await runCli('render', '--style', 'span', '--patterns', at('patterns.jsonl'), '--input', at('in.txt'), '--out', at('s.html'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ style: 'span', documents: 2, seen: 2, out: at('s.html') });
    const html = readFileSync(at('s.html'), 'utf8');
    assertWellFormed(html);
    expect(html).toContain('&lt;');
    expect(html).not.toContain('<b>');
    expect(html.match(/class="tl-span-label"/g)).toHaveLength(4);
  });
  it('prints a fragment to stdout and draws the pipeline\'s entities', async () => {
    const r = await runCli('render', '--style', 'ent', '--input', at('in.txt'), '--fragment');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<div class="tl-doc"><div class="tl-ents"')).toBe(true);
    expect(r.stdout).not.toContain('<!DOCTYPE');
    assertWellFormed(r.stdout);
  });
  it('caps the documents drawn, and says so', async () => {
    const r = await runCli('render', '--style', 'ent', '--input', at('in.txt'), '--limit', '1', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 1, seen: 2 });
    expect(r.stderr).toContain('drew the first 1 of 2 documents');
  });
  it('refuses a bad style, patterns without span style, and trees without a parser', async () => {
    expect((await runCli('render', '--style', 'tree', '--input', at('in.txt'))).stderr).toMatch(/--style must be one of ent, dep, span/);
    expect((await runCli('render', '--style', 'ent', '--patterns', at('patterns.jsonl'), '--input', at('in.txt'))).stderr).toMatch(/--patterns goes with --style span/);
    const dep = await runCli('render', '--style', 'dep', '--pipeline', 'en_whitespace', '--input', at('in.txt'));
    expect(dep.code).toBe(2);
    expect(dep.stderr).toMatch(/dependency trees need a parser/);
  });
});

describe('textloom w2v plot', () => {
  const kv = new KeyedVectors(['king', 'queen', 'man', 'woman', 'apple'], Float32Array.from([1, 1, 0, 1, 0.9, 0.1, 0.2, 1, 0, 0.2, 0.9, 0.1, -1, 0, 1]), 3);
  it('projects the words with PCA into an SVG', async () => {
    await kv.save(at('v.txt'));
    const r = await runCli('w2v', 'plot', '--vectors', at('v.txt'), '--words', 'king,queen,man', '--neighbours', '1', '--out', at('p.svg'), '--json');
    expect(r.code).toBe(0);
    const { points } = JSON.parse(r.stdout) as { points: { label: string; group: string }[] };
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.every((p) => typeof p.group === 'string')).toBe(true);
    const svg = readFileSync(at('p.svg'), 'utf8');
    assertWellFormed(svg);
    expect(svg.match(/<circle /g)).toHaveLength(points.length);
  });
  it('names words not in the vocabulary', async () => {
    await kv.save(at('v.txt'));
    const r = await runCli('w2v', 'plot', '--vectors', at('v.txt'), '--words', 'king,zebra');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"zebra"');
  });
});
