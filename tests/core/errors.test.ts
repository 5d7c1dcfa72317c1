import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ArgumentError, composeMessage, ConfigError, FormatError, formatLocation, joinKey, MissingDependencyError, NotFoundError, TextloomError } from '../../src/core/errors.js';
import { QuerySyntaxError } from '../../src/search/query/parser.js';

describe('formatLocation', () => {
  it('names file:line, byte offset, key and pattern in that order, and nothing when none is set', () => {
    expect(formatLocation(undefined)).toBe('');
    expect(formatLocation({})).toBe('');
    // An empty file name says nothing: no bare "(at )".
    expect(formatLocation({ file: '' })).toBe('');
    expect(formatLocation({ file: '', line: 3 })).toBe(' (at line 3)');
    expect(formatLocation({ file: 'a.arpa', line: 3 })).toBe(' (at a.arpa:3)');
    expect(formatLocation({ line: 3 })).toBe(' (at line 3)');
    expect(formatLocation({ file: 'm.bin', offset: 12 })).toBe(' (at m.bin, byte 12)');
    expect(formatLocation({ key: 'components[0].options.x' })).toBe(' (at key "components[0].options.x")');
    expect(formatLocation({ pattern: 2 })).toBe(' (at pattern 2)');
    expect(formatLocation({ file: 'p.jsonl', line: 1, offset: 0, key: 'label', pattern: 'A "b"' })).toBe(' (at p.jsonl:1, byte 0, key "label", pattern "A \\"b\\"")');
  });
});

describe('composeMessage', () => {
  it('is the detail plus the location', () => {
    expect(composeMessage('bad header', { file: 'm.bin', offset: 4 })).toBe('bad header (at m.bin, byte 4)');
    expect(composeMessage('bad header', undefined)).toBe('bad header');
  });
  it('does not repeat a file the detail already names, unless a line goes with it', () => {
    expect(composeMessage('no such file: /d/a.txt', { file: '/d/a.txt' })).toBe('no such file: /d/a.txt');
    expect(composeMessage('cannot write /d/a.txt: it is a directory', { file: '/d/a.txt', offset: 3 })).toBe('cannot write /d/a.txt: it is a directory (at byte 3)');
    expect(composeMessage('bad line in /d/a.txt', { file: '/d/a.txt', line: 2 })).toBe('bad line in /d/a.txt (at /d/a.txt:2)');
    // Only a whole path counts: a.txt inside a.txt.gz or xa.txt is another file.
    expect(composeMessage('cannot read a.txt.gz', { file: 'a.txt' })).toBe('cannot read a.txt.gz (at a.txt)');
    expect(composeMessage('cannot read xa.txt', { file: 'a.txt' })).toBe('cannot read xa.txt (at a.txt)');
    expect(composeMessage('cannot read "a.txt"', { file: 'a.txt' })).toBe('cannot read "a.txt"');
  });
  it('does not repeat a byte offset the detail already states', () => {
    expect(composeMessage('b.dat looks like a binary file (a NUL byte at byte 7)', { file: 'b.dat', offset: 7 })).toBe('b.dat looks like a binary file (a NUL byte at byte 7)');
    expect(composeMessage('bad record at byte 7', { file: 'b.dat', offset: 70 })).toBe('bad record at byte 7 (at b.dat, byte 70)');
  });
});

describe('util.inspect of an error', () => {
  it('shows the location fields that are set, not a list of undefined ones', async () => {
    const { inspect } = await import('node:util');
    const plain = inspect(new ArgumentError('bad value'));
    expect(plain).not.toMatch(/undefined/);
    expect(plain).toMatch(/code: 'E_ARGUMENT'/);
    const located = new FormatError('bad line', { file: 'a.txt', line: 3 });
    expect(inspect(located)).toMatch(/file: 'a\.txt'/);
    expect(inspect(located)).not.toMatch(/offset: undefined/);
    const moved = located.at({ offset: 9, key: 'k' });
    expect(moved.key).toBe('k');
    expect(inspect(moved)).toMatch(/offset: 9/);
    expect(new ArgumentError('x').file).toBeUndefined();
    expect(inspect(moved.withDetail('other'))).toMatch(/key: 'k'/);
  });
});

describe('joinKey', () => {
  it('puts an inner key under an outer one, indexes without a dot', () => {
    expect(joinKey('tokenizer.options', 'prefixes')).toBe('tokenizer.options.prefixes');
    expect(joinKey('options.patterns[0]', '[1].label')).toBe('options.patterns[0][1].label');
    expect(joinKey('tokenizer.options', undefined)).toBe('tokenizer.options');
    expect(joinKey('tokenizer.options', '')).toBe('tokenizer.options');
    expect(joinKey('', 'label')).toBe('label');
  });
});

describe('TextloomError (constructor)', () => {
  it('keeps the detail and each location field, and composes the message from them', () => {
    const e = new FormatError('positive log10 probability 0.5', { file: 'lm.arpa', line: 7 });
    expect(e.detail).toBe('positive log10 probability 0.5');
    expect([e.file, e.line, e.offset, e.key, e.pattern]).toEqual(['lm.arpa', 7, undefined, undefined, undefined]);
    expect(e.message).toBe('positive log10 probability 0.5 (at lm.arpa:7)');
    expect(e.where).toEqual({ file: 'lm.arpa', line: 7 });
    expect(e.code).toBe('E_FORMAT');
    expect(e.name).toBe('FormatError');
    expect(String(e)).toBe('FormatError: positive log10 probability 0.5 (at lm.arpa:7)');
    expect(e.stack).toContain('positive log10 probability 0.5');
  });
  it('has no location fields, an undefined where and message = detail without a where', () => {
    const e = new ArgumentError('topn must be an integer');
    expect(e.message).toBe('topn must be an integer');
    expect(e.where).toBeUndefined();
    expect([e.file, e.line, e.offset, e.key, e.pattern]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
  it('gives each subclass its code', () => {
    expect(new ConfigError('x').code).toBe('E_CONFIG');
    expect(new FormatError('x').code).toBe('E_FORMAT');
    expect(new ArgumentError('x').code).toBe('E_ARGUMENT');
    expect(new NotFoundError('x').code).toBe('E_NOT_FOUND');
    const m = new MissingDependencyError('natural', 'needs natural', { key: 'algorithm' });
    expect([m.code, m.packageName, m.key]).toEqual(['E_MISSING_DEPENDENCY', 'natural', 'algorithm']);
    expect(new TextloomError('E_OTHER', 'x').code).toBe('E_OTHER');
  });
});

describe('TextloomError.at', () => {
  it('adds a file the error lacks and recomposes the message', () => {
    const e = new ConfigError('unknown option "nope"', { key: 'components[0].options.nope' });
    const r = e.at({ file: 'p.json' });
    expect(r.message).toBe('unknown option "nope" (at p.json, key "components[0].options.nope")');
    expect([r.file, r.key, r.detail]).toEqual(['p.json', 'components[0].options.nope', 'unknown option "nope"']);
    expect(r.where).toEqual({ file: 'p.json', key: 'components[0].options.nope' });
    // The original is unchanged.
    expect(e.message).toBe('unknown option "nope" (at key "components[0].options.nope")');
    expect(e.file).toBeUndefined();
  });
  it('keeps the class, code, name and extra fields, with the original as cause', () => {
    const m = new MissingDependencyError('natural', 'needs natural', { key: 'algorithm' });
    const r = m.at({ file: 'p.json', key: 'components[2].options' });
    expect(r).toBeInstanceOf(MissingDependencyError);
    expect(r).toBeInstanceOf(TextloomError);
    expect(r).toBeInstanceOf(Error);
    expect([r.code, r.name, r.packageName]).toEqual(['E_MISSING_DEPENDENCY', 'MissingDependencyError', 'natural']);
    expect(r.key).toBe('components[2].options.algorithm');
    expect(r.cause).toBe(m);
    expect(r.stack).toContain('needs natural');
    const q = new QuerySyntaxError('unclosed quote', 4).at({ key: 'query' });
    expect(q).toBeInstanceOf(QuerySyntaxError);
    expect([q.column, q.offset, q.key, q.code]).toEqual([4, 4, 'query', 'E_ARGUMENT']);
    expect(q.message).toBe('query syntax error: unclosed quote (at byte 4, key "query")');
  });
  it('keeps the inner file, line, offset and pattern; an outer line or offset of another file is dropped', () => {
    const e = new FormatError('bad count', { file: 'inner.txt', line: 3, pattern: 1 });
    const r = e.at({ file: 'outer.json', line: 9, offset: 2, pattern: 5 });
    expect(r.where).toEqual({ file: 'inner.txt', line: 3, pattern: 1 });
    expect(new FormatError('bad count', { line: 3 }).at({ file: 'a.txt', line: 9 }).message).toBe('bad count (at a.txt:3)');
    expect(new FormatError('bad count').at({ file: 'a.txt', offset: 16 }).message).toBe('bad count (at a.txt, byte 16)');
  });
  it('relocates twice, joining keys from the outside in', () => {
    const e = new FormatError('"label" must be a non-empty string', { key: 'label' });
    const r = e.at({ key: 'patterns[0]' }).at({ key: 'components[1].options', file: 'p.json' });
    expect(r.message).toBe('"label" must be a non-empty string (at p.json, key "components[1].options.patterns[0].label")');
    expect(r).toBeInstanceOf(FormatError);
  });
});

describe('TextloomError.withDetail', () => {
  it('rewords the detail and keeps the location, class, code and extra fields', () => {
    const e = new QuerySyntaxError('unclosed quote', 4);
    const r = e.withDetail(`documents[2]: ${e.detail}; nothing was added`);
    expect(r).toBeInstanceOf(QuerySyntaxError);
    expect(r.detail).toBe('documents[2]: query syntax error: unclosed quote; nothing was added');
    expect(r.message).toBe('documents[2]: query syntax error: unclosed quote; nothing was added (at byte 4)');
    expect([r.offset, r.column, r.code, r.name]).toEqual([4, 4, 'E_ARGUMENT', 'QuerySyntaxError']);
    expect(r.cause).toBe(e);
    expect(new ArgumentError('plain').withDetail('reworded').message).toBe('reworded');
  });
});

// No code takes a location back out of a message: wrappers read `detail` and the location fields.
describe('source', () => {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  // Cutting text out of a message (`.message.replace(`, `.slice(`, ...), or a regex or string that
  // looks for the " (at " a location adds. Taking the first line of a native error's message
  // (`.split('\n')[0]`) is not location surgery and is allowed.
  const ANTI = /\.message\.(?:replace|replaceAll|slice|substring|substr|lastIndexOf|indexOf|match|search)\(|\\\(at |\(at ['"`]/;
  const offenders = (text: string, name: string): string[] =>
    text.split('\n').flatMap((line, i) => (ANTI.test(line) ? [`${name}:${i + 1}: ${line.trim()}`] : []));

  it('recognises the anti-pattern', () => {
    expect(offenders("const d = e.message.replace(/ \\(at [^)]*\\)$/, '');", 'x.ts')).toHaveLength(1);
    expect(offenders("const at = e.message.lastIndexOf(' (at ');", 'x.ts')).toHaveLength(1);
    expect(offenders('throw new FormatError(`order ${order} is too large (at most 64)`, { file });', 'x.ts')).toEqual([]);
    expect(offenders('throw e.withDetail(`documents[${i}]: ${e.detail}`);', 'x.ts')).toEqual([]);
  });
  it('has no message surgery outside src/core/errors.ts', () => {
    const found = files(src)
      .filter((f) => relative(src, f) !== join('core', 'errors.ts'))
      .flatMap((f) => offenders(readFileSync(f, 'utf8'), relative(src, f)));
    expect(found).toEqual([]);
  });
});
