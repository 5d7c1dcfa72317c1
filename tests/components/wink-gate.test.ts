import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readIob } from '../../src/index.js';
import { gateRanges } from '../../src/components/wink-gate.js';
import { winkTextEntities } from '../../src/components/wink.js';
import { evalPath, fixturePath, hasEval, needsEval } from '../eval-data.js';

const fixture = readFileSync(fixturePath('wink/rule-entities.txt'), 'utf8');

/** Gated and whole-text entity spans of `text`, as comparable strings. */
function both(text: string): { gated: string[]; whole: string[] } {
  const show = (es: { start: number; end: number; label: string }[]): string[] => es.map((e) => `${e.start}-${e.end}:${e.label}:${text.slice(e.start, e.end)}`);
  return { gated: show(winkTextEntities(text)), whole: show(winkTextEntities(text, { gated: false })) };
}

describe('wink entities through the gate', () => {
  it('equal wink over the whole text on a varied fixture', () => {
    const { gated, whole } = both(fixture);
    expect(whole.length).toBeGreaterThan(60);
    expect(gated).toEqual(whole);
    const labels = new Set(whole.map((s) => s.split(':')[1]));
    for (const l of ['DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL', 'EMAIL', 'URL', 'HASHTAG', 'MENTION', 'EMOJI', 'EMOTICON', 'DURATION']) expect(labels).toContain(l);
  });

  it('equal wink over the whole text line by line and on substrings cut anywhere', () => {
    const lines = fixture.split('\n');
    let gatedLines = 0;
    for (const line of lines) {
      const r = gateRanges(line);
      if (r !== null && r.length > 0) gatedLines++;
      const { gated, whole } = both(line);
      expect(gated, line).toEqual(whole);
    }
    // Substrings starting and ending mid-word, mid-number and mid-space.
    for (let a = 0; a < fixture.length; a += 37) {
      for (const n of [13, 61, 240]) {
        const text = fixture.slice(a, a + n);
        const { gated, whole } = both(text);
        expect(gated, JSON.stringify(text)).toEqual(whole);
      }
    }
    expect(gatedLines).toBeGreaterThan(5);
  });

  it('leaves out text where no rule can fire, and keeps the words around a match', () => {
    expect(gateRanges('Alice met Bob and Carol near the old mill yesterday afternoon, they said')).not.toBeNull();
    const plain = 'Alice met Bob and Carol near the old mill, they said';
    expect(gateRanges(plain)).toEqual([]);
    expect(winkTextEntities(plain)).toEqual([]);
    const text = 'Alice met Bob near the old mill and paid $5 for the tickets they bought there';
    const ranges = gateRanges(text)!;
    expect(ranges.length).toBe(2);
    const sent = text.slice(ranges[0], ranges[1]);
    expect(sent).toContain('$5');
    expect(sent.length).toBeLessThan(text.length / 2);
    expect(winkTextEntities(text).map((e) => text.slice(e.start, e.end))).toEqual(['$5']);
  });

  it('follows the words wink adds to its lexicon while reading (then looked up whole)', () => {
    // 'qzvhome.)' makes wink's tokenizer add 'qzvhome.' as one word; later a bare 'qzvhome.' is
    // one token for wink, not 'qzvhome' and '.'.
    for (const w of ['qzvhome', 'Qzvtwo', 'QZVMAY']) {
      const later = `In May, ${w}. 5 days after ${w}.\nand ${w}, 20 more on Friday "${w} (${w}.`;
      expect(both(later).gated).toEqual(both(later).whole);
      both(`x ${w}.) and ${w.toLowerCase()}.) y`);
      expect(both(later).gated).toEqual(both(later).whole);
    }
  });

  it('reads the whole text when the rules can fire nearly everywhere', () => {
    expect(gateRanges('1 2 3 4 5 6 7 8 9 10')).toBeNull();
    expect(gateRanges('')).toEqual([]);
  });
});

const FILES = ['uner_english_ewt/en_ewt-ud-test.iob2', 'uner_english_ewt/en_ewt-ud-dev.iob2'];

describe.skipIf(!hasEval(...FILES))(needsEval(FILES[0]!, 'gated wink entities on UNER English-EWT test and dev raw text'), () => {
  it('equal wink over each whole document text', async () => {
    let docs = 0;
    let ents = 0;
    let chars = 0;
    let sent = 0;
    for (const file of FILES) {
      const texts: string[] = [];
      let lastDoc: string | undefined;
      for await (const s of readIob(evalPath(file))) {
        if (texts.length && s.doc && s.doc === lastDoc) texts[texts.length - 1] += ' ' + s.text;
        else texts.push(s.text);
        lastDoc = s.doc;
      }
      for (const text of texts) {
        const { gated, whole } = both(text);
        expect(gated, text).toEqual(whole);
        docs++;
        ents += whole.length;
        chars += text.length;
        const r = gateRanges(text);
        if (r === null) sent += text.length;
        else for (let k = 0; k < r.length; k += 2) sent += r[k + 1]! - r[k]!;
      }
    }
    expect(docs).toBeGreaterThan(400);
    expect(ents).toBeGreaterThan(1000);
    // The gate is doing its job: wink reads well under half of the text.
    expect(sent / chars).toBeLessThan(0.5);
    console.log(`gate: wink reads ${((100 * sent) / chars).toFixed(1)}% of ${chars} characters in ${docs} documents`);
  }, 120_000);
});
