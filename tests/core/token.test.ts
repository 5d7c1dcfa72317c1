import { describe, expect, it } from 'vitest';
import { Doc } from '../../src/index.js';

const doc = Doc.fromWords(['Dr.', 'Smith', 'paid', '$', '1,000', 'to', 'ops@example.com', '!'], { spaces: [true, true, true, false, true, true, false, false] });

describe('Token', () => {
  it('exposes text, offsets and whitespace', () => {
    const t = doc.token(1);
    expect(t.text).toBe('Smith');
    expect(t.i).toBe(1);
    expect(t.idx).toBe(4);
    expect(t.endChar).toBe(9);
    expect(t.whitespace).toBe(' ');
    expect(doc.token(3).whitespace).toBe('');
    expect(doc.token(3).textWithWs).toBe('$');
  });
  it('exposes lexeme attributes', () => {
    expect(doc.token(1).isTitle).toBe(true);
    expect(doc.token(1).isAlpha).toBe(true);
    expect(doc.token(1).shape).toBe('Xxxxx');
    expect(doc.token(1).lower).toBe('smith');
    expect(doc.token(1).prefix).toBe('S');
    expect(doc.token(1).suffix).toBe('ith');
    expect(doc.token(4).likeNum).toBe(true);
    expect(doc.token(4).isDigit).toBe(false);
    expect(doc.token(5).isStop).toBe(true);
    expect(doc.token(6).likeEmail).toBe(true);
    expect(doc.token(7).isPunct).toBe(true);
    expect(doc.token(3).isCurrency).toBe(true);
    expect(doc.token(0).isUpper).toBe(false);
    expect(doc.token(2).isLower).toBe(true);
    expect(doc.token(2).isAscii).toBe(true);
    expect(doc.token(2).isSpace).toBe(false);
    expect(doc.token(2).isDigit).toBe(false);
    expect(doc.token(6).likeUrl).toBe(false);
  });
  it('reads annotation columns as strings', () => {
    const d = Doc.fromWords(['Apple', 'rocks']);
    const s = d.vocab.strings;
    expect(d.token(0).pos).toBe('');
    d.pos[0] = s.add('PROPN');
    d.tag[0] = s.add('NNP');
    d.lemma[1] = s.add('rock');
    d.head[0] = 1;
    d.dep[0] = s.add('nsubj');
    expect(d.token(0).pos).toBe('PROPN');
    expect(d.token(0).tag).toBe('NNP');
    expect(d.token(1).lemma).toBe('rock');
    expect(d.token(0).head.text).toBe('rocks');
    expect(d.token(0).dep).toBe('nsubj');
    expect(d.token(1).head.i).toBe(1);
  });
  it('navigates with nbor and sent', () => {
    expect(doc.token(1).nbor().text).toBe('paid');
    expect(doc.token(1).nbor(-1).text).toBe('Dr.');
    expect(() => doc.token(7).nbor()).toThrow(/outside the doc/);
    expect(() => doc.token(0).nbor(-1)).toThrow(/outside the doc/);
    expect(doc.token(2).sent.length).toBe(doc.length);
    expect(doc.token(0).isSentStart).toBe(true);
    expect(doc.token(2).isSentStart).toBeNull();
  });
  it('reads entity IOB and type', () => {
    const d = Doc.fromWords(['New', 'York', 'is', 'big']);
    d.ents = [d.span(0, 2, 'GPE')];
    expect(d.token(0).entIob).toBe('B');
    expect(d.token(1).entIob).toBe('I');
    expect(d.token(2).entIob).toBe('O');
    expect(d.token(1).entType).toBe('GPE');
    expect(d.token(2).entType).toBe('');
  });
});
