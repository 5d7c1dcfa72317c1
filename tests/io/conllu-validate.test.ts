import { describe, expect, it } from 'vitest';
import { ConlluRepairs, FormatError, parseConllu } from '../../src/index.js';

const row = (id: string, form: string, head = '_', extra = ''): string => [id, form, '_', 'X', '_', '_', head, head === '_' ? '_' : 'dep', '_', extra || '_'].join('\t');
const doc = (...lines: string[]): string => lines.join('\n') + '\n\n';

/** The error of a strict parse (file `t.conllu`). */
function strict(text: string): FormatError {
  try {
    parseConllu(text, 't.conllu');
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('accepted');
}

function lenient(text: string): { sents: ReturnType<typeof parseConllu>; repairs: ConlluRepairs } {
  const repairs = new ConlluRepairs();
  return { sents: parseConllu(text, 't.conllu', { lenient: true, repairs }), repairs };
}

describe('CoNLL-U validation (UD levels 1-2)', () => {
  const cases: [string, string, RegExp, number, string][] = [
    ['ids out of sequence', doc(row('1', 'a'), row('3', 'b')), /word id 3 out of sequence \(expected 2\)/, 2, 'word-id'],
    ['a range past the sentence', doc(row('1', 'a'), '2-3\tbc\t_\t_\t_\t_\t_\t_\t_\t_', row('2', 'b')), /range 2-3 runs past the sentence's 2 words/, 2, 'bad-range'],
    ['overlapping ranges', doc('1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_', row('1', 'a'), '2-3\tbc\t_\t_\t_\t_\t_\t_\t_\t_', row('2', 'b'), row('3', 'c')), /range 2-3 overlaps/, 3, 'bad-range'],
    ['a range after its first word', doc(row('1', 'a'), '1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_', row('2', 'b')), /comes after its first word/, 2, 'bad-range'],
    ['9 columns', doc(row('1', 'a').split('\t').slice(0, 9).join('\t')), /expected 10 tab-separated columns, got 9/, 1, 'columns'],
    ['a HEAD out of range', doc(row('1', 'a', '0'), row('2', 'b', '7')), /HEAD 7 is not a word of this 2-word sentence/, 2, 'bad-head'],
    ['a word its own HEAD', doc(row('1', 'a', '0'), row('2', 'b', '2')), /word 2 is its own HEAD/, 2, 'bad-head'],
    ['two roots', doc(row('1', 'a', '0'), row('2', 'b', '0')), /2 roots/, 2, 'roots'],
    ['no root', doc(row('1', 'a', '2'), row('2', 'b', '1')), /no root/, 1, 'roots'],
    ['a cycle', doc(row('1', 'a', '0'), row('2', 'b', '3'), row('3', 'c', '2')), /form a cycle/, 2, 'cycle'],
    ['heads on some words only', doc(row('1', 'a', '0'), row('2', 'b')), /word 2 has no HEAD while others/, 2, 'partial-heads'],
    ['an empty FORM', doc(row('1', '')), /empty FORM/, 1, 'empty-form'],
    ['a NUL byte', doc(row('1', 'a\0b')), /NUL byte/, 1, 'nul-byte'],
    ['a malformed id', doc(row('1', 'a'), row('x', 'b')), /bad word id "x"/, 2, 'bad-line'],
    ['a malformed HEAD', doc(row('1', 'a', '0'), row('2', 'b', '-1')), /bad head "-1"/, 2, 'bad-head'],
  ];
  it('keeps a U+FFFD character: released treebanks contain it', () => {
    expect(parseConllu(doc(row('1', 'a\ufffdb')), 't.conllu')[0]!.words[0]!.form).toBe('a\ufffdb');
  });
  for (const [what, text, message, line, kind] of cases) {
    it(`refuses ${what} naming file and line, and with lenient repairs and counts it as ${kind}`, () => {
      const e = strict(text);
      expect(e.message).toMatch(message);
      expect([e.file, e.line]).toEqual(['t.conllu', line]);
      const { sents, repairs } = lenient(text);
      expect(repairs.counts[kind as keyof typeof repairs.counts]).toBeGreaterThan(0);
      expect(repairs.summary()).toMatch(new RegExp(`\\d+ ${kind}`));
      // The repaired sentence passes the strict checks when written out and read again.
      for (const s of sents) {
        expect(s.words.map((w) => w.id)).toEqual(s.words.map((_, i) => i + 1));
        const heads = s.words.map((w) => w.head);
        if (heads.some((h) => h >= 0)) expect(heads.filter((h) => h === 0)).toHaveLength(1);
        for (const w of s.words) expect(w.head === -1 || (w.head >= 0 && w.head <= s.words.length && w.head !== w.id)).toBe(true);
        for (const m of s.multiwords) expect(m.last).toBeLessThanOrEqual(s.words.length);
      }
    });
  }

  it('accepts a valid tree, ranges, empty nodes and sentences without heads', () => {
    const text = doc('# text = ab c', '1-2\tab\t_\t_\t_\t_\t_\t_\t_\t_', row('1', 'a', '3'), row('2', 'b', '1'), row('3', 'c', '0'), '3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_') + doc(row('1', 'd'), row('2', 'e'));
    const repairs = new ConlluRepairs();
    expect(parseConllu(text, 't.conllu', { lenient: true, repairs })).toHaveLength(2);
    expect(repairs.total).toBe(0);
    expect(repairs.summary()).toBe('');
  });

  it('checks a long run-on sentence in linear time (a 200,000-word chain)', () => {
    const lines = [row('1', 'w', '0')];
    for (let i = 2; i <= 200_000; i++) lines.push(row(String(i), 'w', String(i - 1)));
    expect(parseConllu(lines.join('\n') + '\n')[0]!.words).toHaveLength(200_000);
  });
});

describe('readConllu and UTF-8', () => {
  it('refuses bytes that are not UTF-8 naming the file, and reads them as U+FFFD when lenient', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readConllu, FormatError: FE } = await import('../../src/index.js');
    const file = join(mkdtempSync(join(tmpdir(), 'tl-utf8-')), 'bad.conllu');
    const good = Buffer.from('# text = ab\n1\tab\tab\tX\t_\t_\t0\troot\t_\t_\n\n# text = c\n1\t', 'utf8');
    writeFileSync(file, Buffer.concat([good, Buffer.from([0xc3, 0x28]), Buffer.from('\tc\tX\t_\t_\t0\troot\t_\t_\n\n', 'utf8')]));
    const { ConlluRepairs } = await import('../../src/index.js');
    const repairs = new ConlluRepairs();
    const read = async (lenient: boolean) => {
      const out = [];
      for await (const s of readConllu(file, { lenient, repairs })) out.push(s);
      return out;
    };
    await expect(read(false)).rejects.toThrow(FE);
    await expect(read(false)).rejects.toThrow(/invalid UTF-8/);
    expect((await read(true))[1]!.words[0]!.form).toContain('\ufffd');
    expect(repairs.summary()).toMatch(/1 invalid-utf8/);
  });
});
