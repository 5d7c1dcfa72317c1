import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/index.js';
import { Attr, ATTR_COLUMN, ATTR_DEFS, ATTR_IDS, ATTR_NAMES, codePointLength, fillAttrColumn, lexemeAttr, N_ATTRS, tokenAttr } from '../../src/core/attrs.js';
import { IOB, iobCode } from '../../src/core/iob.js';
import { LexFlag } from '../../src/core/lexeme.js';

const doc = Doc.fromWords(['Dr.', 'Smith', 'paid', '$', '1,000', 'to', 'ops@example.com', '!', '𝔘𝔫'], { spaces: [true, true, true, false, true, true, false, false, false] });
const s = doc.vocab.strings;

describe('Attr', () => {
  it('numbers every attribute once, densely, with names and ids that invert', () => {
    const ids = Object.values(Attr);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Math.max(...ids) + 1).toBe(N_ATTRS);
    expect(ATTR_DEFS).toHaveLength(N_ATTRS);
    ATTR_DEFS.forEach((d, i) => {
      expect(d.id).toBe(i);
      expect(ATTR_IDS.get(ATTR_NAMES[i]!)).toBe(i);
    });
    expect(ATTR_IDS.get('TEXT')).toBe(Attr.ORTH);
    expect(ATTR_IDS.get('IS_SENT_START')).toBe(Attr.SENT_START);
    expect(ATTR_DEFS[Attr.IS_PUNCT]).toMatchObject({ kind: 'bool', flag: LexFlag.IS_PUNCT });
    expect(ATTR_DEFS[Attr.LOWER]).toMatchObject({ kind: 'string', flag: 0 });
    expect(ATTR_DEFS[Attr.HEAD]!.kind).toBe('offset');
  });
});

describe('lexemeAttr', () => {
  it('reads the vocab columns of a word type', () => {
    const id = s.add('Smith');
    expect(lexemeAttr(doc.vocab, Attr.LOWER, id)).toBe(s.add('smith'));
    expect(lexemeAttr(doc.vocab, Attr.SHAPE, id)).toBe(s.add('Xxxxx'));
    expect(lexemeAttr(doc.vocab, Attr.SUFFIX, id)).toBe(s.add('ith'));
    expect(lexemeAttr(doc.vocab, Attr.IS_TITLE, id)).toBe(1);
    expect(lexemeAttr(doc.vocab, Attr.IS_DIGIT, id)).toBe(0);
    expect(lexemeAttr(doc.vocab, Attr.FLAGS, id)).toBe(doc.vocab.flags(id) >>> 0);
    expect(lexemeAttr(doc.vocab, Attr.TAG, id)).toBe(0);
  });
});

describe('tokenAttr', () => {
  it('reads Doc columns and lexeme columns by id', () => {
    const d = Doc.fromWords(['Apple', 'rocks', 'hard']);
    d.tag[1] = d.vocab.strings.add('VBZ');
    d.head[0] = 1;
    d.entIob[0] = IOB.B;
    d.sentStart[2] = 1;
    expect(tokenAttr(d, Attr.TAG, 1)).toBe(d.vocab.strings.add('VBZ'));
    expect(tokenAttr(d, Attr.TAG, 0)).toBe(0);
    expect(tokenAttr(d, Attr.HEAD, 0)).toBe(1);
    expect(tokenAttr(d, Attr.ENT_IOB, 0)).toBe(IOB.B);
    expect([0, 1, 2].map((i) => tokenAttr(d, Attr.SENT_START, i))).toEqual([1, 0, 1]);
    expect(tokenAttr(d, Attr.ORTH, 2)).toBe(d.vocab.strings.add('hard'));
  });
  it('counts LENGTH in code points', () => {
    expect(tokenAttr(doc, Attr.LENGTH, 8)).toBe(2);
    expect(codePointLength('𝔘𝔫')).toBe(2);
    expect(tokenAttr(doc, Attr.LENGTH, 6)).toBe(15);
  });
});

describe('fillAttrColumn', () => {
  it('gives the same values as tokenAttr for every attribute and range', () => {
    doc.lemma[2] = s.add('pay');
    const out = new Uint32Array(doc.length);
    for (let attr = 0; attr < N_ATTRS; attr++) {
      const col = fillAttrColumn(doc, attr, 2, 7, out);
      const want = [2, 3, 4, 5, 6].map((i) => tokenAttr(doc, attr, i) >>> 0);
      expect(Array.from(col.subarray(0, 5)), ATTR_NAMES[attr]).toEqual(want);
    }
  });
  it('returns a view of the Doc column for annotation attributes', () => {
    for (const attr of Object.keys(ATTR_COLUMN).map(Number)) {
      expect(fillAttrColumn(doc, attr, 0, 3, new Uint32Array(3)).buffer).toBe(doc[ATTR_COLUMN[attr]!].buffer);
    }
  });
});

describe('iobCode', () => {
  it('inverts IOB_NAMES and rejects other letters', () => {
    expect(['', 'I', 'O', 'B'].map(iobCode)).toEqual([IOB.UNSET, IOB.I, IOB.O, IOB.B]);
    expect(iobCode('X')).toBe(-1);
    expect(iobCode('b')).toBe(-1);
  });
});
