import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { palette, wrapItems } from '../../src/cli/demo/colour.js';
import { runCli } from './run.js';

const HEADINGS = ['1. Tokens', '2. Sentences', '3. Matcher', '4. N-gram', '5. TF-IDF', '6. word2vec', '7. Search'];
const ANSI = /\x1b\[/;
/** Measured figures vary between runs; search marks are colours on a terminal, brackets piped. */
const strip = (s: string) =>
  s
    .replace(/\x1b\[[0-9;]*m/g, '')
    .replace(/[[\]]/g, '')
    .replace(/[\d,.]+ (ms|s|tokens\/s)\b/g, '<t>');

class Terminal extends Writable {
  data = '';
  isTTY = true;
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.data += chunk.toString();
    cb();
  }
}

describe('textloom demo', () => {
  let piped: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    piped = await runCli('demo');
  });

  it('finishes piped with every section heading, plain text and nothing on stderr', () => {
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe('');
    for (const h of HEADINGS) expect(piped.stdout).toContain(`== ${h}`);
    expect(piped.stdout).not.toMatch(ANSI);
    expect(piped.stdout).toMatch(/done in [\d.]+ s\n$/);
  });

  it('shows the web sample analysed as UD EWT does: emoji, handles, wi-fi, clitics, entities', () => {
    const out = piped.stdout;
    expect(out).toContain('👍/SYM');
    expect(out).toContain('@jlee/PROPN');
    expect(out).toContain('wi-fi/NOUN');
    expect(out).toContain("'ll→will");
    expect(out).toContain('$2,350 MONEY');
    // Search marks are brackets when piped.
    expect(out).toMatch(/\[Lady\] \[Russell\]/);
  });

  it('uses colour on a terminal and the same text otherwise', async () => {
    const stdout = new Terminal();
    const stderr = new Terminal();
    const saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      expect(await main(['demo'], { stdout, stderr })).toBe(0);
    } finally {
      if (saved !== undefined) process.env.NO_COLOR = saved;
    }
    expect(stdout.data).toMatch(ANSI);
    expect(strip(stdout.data)).toBe(strip(piped.stdout));
  });

  it('--json prints one parseable summary, the same on every run apart from timings', async () => {
    const a = await runCli('demo', '--json');
    const b = await runCli('demo', '--json');
    expect(a.code).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    expect(Object.keys(ja.sections)).toEqual(['tokens', 'sentences', 'matcher', 'ngram', 'keywords', 'word2vec', 'search']);
    expect(ja.timings.total).toBeGreaterThan(0);
    delete ja.timings;
    delete jb.timings;
    expect(ja).toEqual(jb);
    const s = ja.sections;
    expect(s.tokens.docs).toHaveLength(4);
    expect(s.sentences.sentences).toBeGreaterThan(200);
    expect(s.matcher.TITLE_NAME.top[0]).toEqual({ text: 'Sir Walter', count: expect.any(Number) });
    const ppl = s.ngram.perplexity.map((p: { perplexity: number }) => p.perplexity);
    expect(ppl[2]).toBeLessThan(ppl[0]);
    expect(s.ngram.generated).toHaveLength(3);
    // Detokenized as `lm generate` prints them: no space before a comma or a final period.
    for (const g of s.ngram.generated as string[]) expect(g).not.toMatch(/\w [,.]( |$)/);
    expect(s.keywords.chapters).toHaveLength(3);
    expect(Object.keys(s.word2vec.neighbours).length).toBeGreaterThan(0);
    expect(s.search.queries.every((q: { hits: unknown[] }) => q.hits.length > 0)).toBe(true);
  });
});

describe('demo palette', () => {
  it('styles only a terminal without NO_COLOR', () => {
    expect(palette({ isTTY: true }, {}).enabled).toBe(true);
    expect(palette({ isTTY: true }, { NO_COLOR: '1' }).enabled).toBe(false);
    expect(palette({ isTTY: false }, {}).enabled).toBe(false);
    expect(palette({}, {}).heading('x')).toBe('x');
    expect(palette({ isTTY: true }, {}).heading('x')).toMatch(ANSI);
  });

  it('wraps by visible width, ignoring escape codes', () => {
    const c = palette({ isTTY: true }, {});
    expect(wrapItems([c.tag('aaaa'), c.tag('bbbb'), 'cccc'], 12, '  ').map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))).toEqual(['  aaaa bbbb', '  cccc']);
  });
});

describe('demo sections', () => {
  it('use only the public API (src/index.ts), node built-ins and each other', () => {
    const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/cli/demo');
    const bad: string[] = [];
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1]!;
        if (spec !== '../../index.js' && !spec.startsWith('node:') && !/^\.\/[\w-]+\.js$/.test(spec)) bad.push(`${f}: ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('textloom demo with a pipeline without a tagger', () => {
  it('does not promise tags it cannot show', async () => {
    const r = await runCli('demo', '--pipeline', 'en_whitespace');
    expect(r.code).toBe(0);
    const intro = r.stdout.split('\n> ')[0]!;
    expect(intro).toContain('the tokens (this pipeline has no tagger)');
    expect(intro).not.toContain('text/UPOS');
    const full = await runCli('demo');
    expect(full.stdout.split('\n> ')[0]).toContain('each token as text/UPOS');
    for (const line of full.stdout.split('\n> ')[0]!.split('\n')) expect(line.length, line).toBeLessThanOrEqual(110);
  });
});
