import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { docConllu } from '../../src/cli/commands/tokenize.js';
import { Doc } from '../../src/index.js';
import { runCli } from './run.js';

describe('textloom CLI', () => {
  it('lists commands with --help', async () => {
    const r = await runCli('--help');
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c.name);
  });
  it('has --help on every command', async () => {
    for (const c of COMMANDS) {
      const r = await runCli(...c.name.split(' '), '--help');
      expect(r.code, c.name).toBe(0);
      expect(r.stdout).toContain(`Usage: textloom ${c.name}`);
    }
  });
  it('writes every default in a flag description as "(default: X)", as the generated ones', () => {
    for (const c of COMMANDS) for (const [flag, spec] of Object.entries(c.flags)) expect(spec.doc, `${c.name} --${flag}`).not.toMatch(/\(default [^:]/);
  });
  it('aligns every flag description, -h/--help included, in one column', async () => {
    for (const c of COMMANDS) {
      const r = await runCli(...c.name.split(' '), '--help');
      const block = r.stdout.split('Flags:\n')[1]!.split('\n\n')[0]!.split('\n');
      expect(block.at(-1), c.name).toMatch(/^  -h, --help +show this help$/);
      const columns = new Set(block.map((l) => /^ {2}\S.*?\S {2,}(?=\S)/.exec(l)?.[0].length));
      expect([...columns], c.name).toHaveLength(1);
    }
  });
  it('prints one line and exits 2 on bad input', async () => {
    const unknown = await runCli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
    const badFlag = await runCli('tokenize', '--nope');
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr.trim().split('\n')).toHaveLength(1);
    expect(badFlag.stderr).toMatch(/unknown flag --nope/);
    const missing = await runCli('tokenize', '--pipeline', 'en_whitespace', '--input', '/no/such/file.txt');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const missingReq = await runCli('eval', 'senter');
    expect(missingReq.code).toBe(2);
    expect(missingReq.stderr).toMatch(/--conllu/);
  });
  it('names the flag when a directory is given where a file is expected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-dir-'));
    for (const argv of [
      ['tokenize', '--pipeline', 'en_whitespace', '--input', dir],
      ['eval', 'tokenizer', '--conllu', dir],
      ['match', '--patterns', dir, '--input', dir],
    ]) {
      const r = await runCli(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      if (argv[0] !== 'match') expect(r.stderr).toContain(`${argv[argv.length - 2]} ${dir} is a directory, not a file`);
      else expect(r.stderr).toMatch(/EISDIR|is a directory/);
    }
  });
  it('lists a group\'s subcommands with their summaries in one aligned column', async () => {
    const r = await runCli('eval');
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => l.startsWith('  eval '));
    expect(rows.length).toBeGreaterThan(3);
    const col = (l: string) => /^ {2}eval \S+ +/.exec(l)![0].length; // where the summary starts
    expect(new Set(rows.map(col)).size).toBe(1);
  });
});

describe('positional arguments', () => {
  it('rejects a bare argument to a command that takes none, naming it (exit 2, no stdin wait)', async () => {
    const r = await runCli('tokenize', 'file.txt');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unexpected argument "file\.txt".*did you mean --input file\.txt/);
    const afterFlags = await runCli('lm', 'perplexity', '--model', 'm.arpa', '--input', 'x.txt', 'extra');
    expect(afterFlags.code).toBe(2);
    expect(afterFlags.stderr).toMatch(/unexpected argument "extra"/);
    const afterDashes = await runCli('demo', '--', 'x');
    expect(afterDashes.code).toBe(2);
    expect(afterDashes.stderr).toMatch(/unexpected argument "x"/);
  });
  it('checks the count of declared positionals', async () => {
    const tooMany = await runCli('w2v', 'similar', '--vectors', 'v.bin', 'cat', 'dog');
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toMatch(/unexpected argument "dog".*at most 1 \(WORD\)/);
    const tooFew = await runCli('w2v', 'analogy', '--vectors', 'v.bin', 'man', 'king');
    expect(tooFew.code).toBe(2);
    expect(tooFew.stderr).toMatch(/expected 3 arguments \(A B C\), got 2/);
    const noQuery = await runCli('search', '--index', 'idx');
    expect(noQuery.code).toBe(2);
    expect(noQuery.stderr).toMatch(/expected at least 1 argument \(QUERY\), got 0/);
  });
  it('declares a positional on every command whose run reads args.positional', () => {
    for (const c of COMMANDS) {
      const file = new URL(`../../src/cli/commands/${c.name.replace(' ', '-')}.ts`, import.meta.url);
      // Each command lives in its own file named after it; a missing file fails here instead of being skipped.
      expect(existsSync(file), `${c.name}: ${file.pathname}`).toBe(true);
      const src = readFileSync(file, 'utf8');
      if (/args\.positional\b/.test(src)) expect(c.positionals, c.name).toBeDefined();
    }
  });
  it('shows declared positionals in --help', async () => {
    const r = await runCli('w2v', 'similar', '--help');
    expect(r.stdout).toMatch(/Arguments:\n  WORD  /);
  });
});

describe('textloom tokenize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
  const input = join(dir, 'in.txt');
  writeFileSync(input, 'Hello world . Bye now .\n\nSecond line here\n');
  it('writes one JSON line per input line', async () => {
    const r = await runCli('tokenize', '--pipeline', 'en_whitespace', '--input', input);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    // The blank input line keeps its (empty) record: output line N is input line N.
    expect(lines).toHaveLength(3);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(lines[1]).toEqual({ line: 2, text: '', tokens: [], sents: [] });
    expect(lines[2].text).toBe('Second line here');
    expect(lines[0].text).toBe('Hello world . Bye now .');
    expect(lines[0].tokens[1]).toEqual({ text: 'world', idx: 6, ws: true });
    expect(lines[0].sents).toEqual([
      [0, 3],
      [3, 6],
    ]);
  });
  it('writes paragraphs as docs, and text and CoNLL-U formats', async () => {
    const para = await runCli('tokenize', '--pipeline', 'en_whitespace', '--input', input, '--paragraphs', '--format', 'text');
    expect(para.stdout).toBe('Hello world .\nBye now .\nSecond line here\n');
    const conllu = await runCli('tokenize', '--pipeline', 'en_whitespace', '--input', input, '--format', 'conllu');
    expect(conllu.stdout).toContain('# text = Hello world .');
    expect(conllu.stdout).toContain('1\tHello\t_\t_\t_\t_\t_\t_\t_\t_');
    const spaced = join(dir, 'spaced.txt');
    writeFileSync(spaced, '   Leading spaces. Then more.    \n');
    const trimmed = await runCli('tokenize', '--pipeline', 'en_core', '--input', spaced, '--format', 'conllu');
    const texts = trimmed.stdout.split('\n').filter((l) => l.startsWith('# text = '));
    expect(texts).toEqual(['# text = Leading spaces.', '# text = Then more.']);
    const bad = await runCli('tokenize', '--format', 'xml', '--input', input);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--format/);
  });
});

describe('textloom eval senter', () => {
  it('scores sentence boundaries on a CoNLL-U file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-cli-'));
    const f = join(dir, 'g.conllu');
    const sent = (id: string, words: string[], extra = '') =>
      `${extra}# sent_id = ${id}\n# text = ${words.join(' ')}\n` + words.map((w, i) => `${i + 1}\t${w}\t_\t_\t_\t_\t_\t_\t_\t_`).join('\n') + '\n\n';
    writeFileSync(f, sent('1', ['Hi', 'there', '.'], '# newdoc id = a\n') + sent('2', ['Bye', '.']) + sent('3', ['no', 'punct']) + sent('4', ['Next', '.']));
    const r = await runCli('eval', 'senter', '--conllu', f, '--pipeline', 'en_whitespace', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // gold ends after "there .", "Bye .", "no punct"; predicted after "there ." and "Bye ." only.
    expect(out.sentences).toBe(4);
    expect(out.precision).toBe(1);
    expect(out.recall).toBeCloseTo(2 / 3, 10);
    const noSenter = join(dir, 'nosenter.json');
    writeFileSync(noSenter, JSON.stringify({ tokenizer: { factory: 'whitespace' }, components: [] }));
    const bad = await runCli('eval', 'senter', '--conllu', f, '--pipeline', noSenter, '--json');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/sets no sentence boundaries/);
  });
});

describe('docConllu', () => {
  it('skips a sentence made only of whitespace tokens (no empty CoNLL-U block)', () => {
    const doc = Doc.fromWords(['A', '.', '\n\n', 'B', '.'], { spaces: [false, false, false, false, false] });
    doc.sentStart.set([1, -1, 1, 1, -1]);
    expect(doc.sents.map((x) => x.text)).toEqual(['A.', '\n\n', 'B.']);
    const out = docConllu(doc, 1);
    expect(out).toBe('# sent_id = 1-1\n# text = A.\n1\tA\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n'
      + '# sent_id = 1-2\n# text = B.\n1\tB\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n');
  });
});

describe('training commands check --out first', () => {
  it('train tagger / train textcat refuse an unwritable --out before reading or training', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-out-'));
    const missing = join(dir, 'no-such-input');
    for (const argv of [
      ['train', 'tagger', '--train', missing, '--out', join(dir, 'nope', 'm.tlt')],
      ['train', 'tagger', '--train', missing, '--out', join(dir, 'm.tlt'), '--lemmas', join(dir, 'nope', 'l.json')],
      ['train', 'textcat', '--input', missing, '--out', join(dir, 'nope', 'm.tlc')],
    ]) {
      const r = await runCli(...argv);
      expect(r.code).toBe(2);
      // The output path is named, not the (also missing) input that training would read first.
      expect(r.stderr).toContain(`${join(dir, 'nope')} does not exist`);
    }
  });
});
