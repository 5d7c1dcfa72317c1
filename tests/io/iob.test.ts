import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { FormatError, NotFoundError, newIobStats, parseIob, readIob, type IobSentence } from '../../src/index.js';
import { fixturesDir } from '../eval-data.js';

const FIXTURE = path.join(fixturesDir, 'uner', 'en_ewt-ud-dev-first400.iob2');

describe('parseIob', () => {
  it('reads the Universal NER layout with its comments and documents', () => {
    const text = '# newdoc id = d1\n# sent_id = s1\n# text = Al Gore spoke\n1\tAl\tB-PER\t-\tann\n2\tGore\tI-PER\t-\tann\n3\tspoke\tO\n\n# sent_id = s2\n1\tHi\tO\n';
    const [a, b] = parseIob(text);
    expect(a).toMatchObject({ words: ['Al', 'Gore', 'spoke'], tags: ['B-PER', 'I-PER', 'O'], doc: 'd1', id: 's1', text: 'Al Gore spoke', line: 4 });
    expect(b).toMatchObject({ words: ['Hi'], tags: ['O'], doc: 'd1', id: 's2', text: '' });
  });
  it('reads CoNLL-2003 (tag last, -DOCSTART- documents) and two-column files', () => {
    const conll = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\n-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\n';
    const s = parseIob(conll);
    expect(s.map((x) => [x.words, x.tags, x.doc])).toEqual([[['EU', 'rejects'], ['B-ORG', 'O'], 'doc1'], [['Peter'], ['B-PER'], 'doc2']]);
    expect(parseIob('John B-PER\nlives O\n')[0]!.tags).toEqual(['B-PER', 'O']);
  });
  it('repairs an I- after O into B- and counts it', () => {
    const stats = newIobStats();
    const [s] = parseIob('a O\nb I-LOC\nc I-LOC\nd I-PER\n', { stats });
    expect(s!.tags).toEqual(['O', 'B-LOC', 'I-LOC', 'B-PER']);
    expect(stats).toEqual({ sentences: 1, tokens: 4, repairs: 2, dropped: 0 });
  });
  it('reads a stray B-O, and labels outside `labels`, as O (counted)', () => {
    const stats = newIobStats();
    const [s] = parseIob('1\tSyrian\tB-OTH\n2\tborder\tO\n3\t.\tB-O\n4\tQaim\tB-LOC\n', { labels: ['PER', 'ORG', 'LOC'], stats });
    expect(s!.tags).toEqual(['O', 'O', 'O', 'B-LOC']);
    expect(stats.dropped).toBe(2);
  });
  it('refuses an unknown column layout and a bad tag with file and line', () => {
    expect(() => parseIob('# c\nhello world\n', { file: 'x.iob2' })).toThrow(FormatError);
    try {
      parseIob('# c\nhello world\n', { file: 'x.iob2' });
    } catch (e) {
      expect(e).toMatchObject({ file: 'x.iob2', line: 2 });
    }
    try {
      parseIob('1\ta\tO\n2\tb\tB_PER\n');
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect(e).toMatchObject({ line: 2 });
    }
    expect(() => parseIob('1\ta\tO\n2\tb\tB_PER\n')).toThrow(/not an IOB tag/);
  });
});

describe('readIob', () => {
  it('streams the fixture: 400 sentences, gold entities, no repairs', async () => {
    const stats = newIobStats();
    const out: IobSentence[] = [];
    for await (const s of readIob(FIXTURE, { stats })) out.push(s);
    expect(out.length).toBe(400);
    expect(stats.sentences).toBe(400);
    expect(stats.tokens).toBe(out.reduce((n, s) => n + s.words.length, 0));
    expect(out.every((s) => s.words.length === s.tags.length && s.id !== '')).toBe(true);
    expect(out.flatMap((s) => s.tags).filter((t) => t.startsWith('B-')).length).toBe(162);
  });
  it('names a missing file', async () => {
    await expect(async () => {
      for await (const _ of readIob('no/such/file.iob2')) void _;
    }).rejects.toThrow(NotFoundError);
  });
});
