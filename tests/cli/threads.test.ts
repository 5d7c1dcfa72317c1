import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../docs/workspace.js';
import { runCli } from './run.js';

const ROOT = resolve(__dirname, '..', '..');
const book = join(ROOT, 'corpora', 'persuasion-ch1-3.txt');
const dir = mkdtempSync(join(tmpdir(), 'tl-threads-'));
const at = (name: string) => join(dir, name);

beforeAll(() => {
  ensureBuilt(ROOT);
  const paragraphs = readFileSync(book, 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  writeFileSync(at('docs.jsonl'), paragraphs.map((text, id) => JSON.stringify({ id: `p${id}`, title: text.slice(0, 30), text })).join('\n') + '\n');
  writeFileSync(at('patterns.jsonl'), '{"label":"PERSON","pattern":"Anne"}\n{"label":"TITLE","pattern":[{"LOWER":"sir"},{"IS_TITLE":true}]}\n');
}, 300_000);

async function ok(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe('--threads', () => {
  it('tokenize: the same JSON lines as one thread', async () => {
    const one = await ok('tokenize', '--pipeline', 'en_whitespace', '--input', book, '--batch-size', '40');
    const two = await ok('tokenize', '--pipeline', 'en_whitespace', '--input', book, '--batch-size', '40', '--threads', '2');
    expect(two).toBe(one);
    expect(one.split('\n').length).toBeGreaterThan(100);
  });

  it('match: the same matches as one thread', async () => {
    const args = ['match', '--patterns', at('patterns.jsonl'), '--input', book, '--pipeline', 'en_whitespace'];
    const one = await ok(...args);
    expect(await ok(...args, '--threads', '2')).toBe(one);
    expect(one).toContain('"label":"PERSON"');
  });

  it('tfidf keywords: the same keywords and scores as one thread', async () => {
    for (const extra of [['--json'], ['--min-df', '2', '--max-df', '0.5', '--ngram', '1,2', '--sublinear'], ['--max-features', '300', '--stop-words', 'none']]) {
      const args = ['tfidf', 'keywords', '--input', book, '--top', '5', ...extra];
      const one = await ok(...args);
      expect(await ok(...args, '--threads', '2'), extra.join(' ')).toBe(one);
      expect(one.split('\n').length).toBeGreaterThan(100);
    }
  });

  it('eval tokenizer, tagger and parser: the same scores as one thread', async () => {
    const conllu = join(ROOT, 'tests', 'fixtures', 'tokenizer-small.conllu');
    const score = async (...argv: string[]) => {
      const r = JSON.parse(await ok('eval', ...argv, '--conllu', conllu, '--json'));
      delete r.tokensPerSecond;
      return r;
    };
    for (const cmd of [['tokenizer'], ['tokenizer', '--lang', 'en'], ['tagger'], ['parser']]) {
      expect(await score(...cmd, '--threads', '2'), cmd.join(' ')).toEqual(await score(...cmd));
    }
    const r = await runCli('eval', 'tagger', '--conllu', conllu, '--gold-tokens', '--threads', '2');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--threads/);
  });

  it('index build: an index that answers every query as the one-thread build', async () => {
    const build = (out: string, ...extra: string[]) => ok('index', 'build', '--input', at('docs.jsonl'), '--fields', 'title,text', '--store', 'title', '--out', at(out), '--json', ...extra);
    await build('one');
    const two = JSON.parse(await build('two', '--threads', '2'));
    expect(two.documents).toBeGreaterThan(50);
    for (const q of ['Lady Russell', '"Sir Walter" debts', '+Anne -Kellynch', 'Eliz*', 'title:Walter OR navy']) {
      const hits = async (idx: string) => ({ ...JSON.parse(await ok('search', '--index', at(idx), q, '--top', '10', '--json')), ms: 0 });
      expect(await hits('two')).toEqual(await hits('one'));
    }
    const r = await runCli('index', 'build', '--input', at('docs.jsonl'), '--fields', 'text', '--out', at('bad'), '--threads', '-2');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--threads/);
  });
});
