import { describe, expect, it } from 'vitest';
import { ArgumentError, Doc } from '../../src/index.js';

const texts = (it: Iterable<{ text: string }>) => [...it].map((t) => t.text);

// spaCy tests/doc/test_token_api.py
const SAW_WORDS = ['Yesterday', 'I', 'saw', 'a', 'dog', 'that', 'barked', 'loudly', '.'];
const SAW_HEADS = [2, 2, 2, 4, 2, 6, 4, 6, 2];
const sawDoc = () => Doc.fromWords(SAW_WORDS, { heads: SAW_HEADS, deps: SAW_HEADS.map(() => 'dep') });

describe('Token syntax properties', () => {
  it('head and dep read the columns; the root heads itself', () => {
    const doc = sawDoc();
    expect(doc.token(6).head.text).toBe('dog');
    expect(doc.token(2).head.i).toBe(2);
    expect(doc.token(0).dep).toBe('dep');
  });

  it('ancestors and isAncestor (spaCy test_doc_token_api_ancestors)', () => {
    const doc = sawDoc();
    expect(texts(doc.token(6).ancestors)).toEqual(['dog', 'saw']);
    expect(texts(doc.token(1).ancestors)).toEqual(['saw']);
    expect(texts(doc.token(2).ancestors)).toEqual([]);
    expect(doc.token(2).isAncestor(doc.token(7))).toBe(true);
    expect(doc.token(6).isAncestor(doc.token(2))).toBe(false);
    expect(doc.token(2).isAncestor(doc.token(2))).toBe(false);
  });

  it('counts, edges, children, lefts, rights and subtree (spaCy test_doc_token_api_head_setter)', () => {
    const doc = sawDoc();
    const t = (i: number) => doc.token(i);
    expect([t(6).nLefts, t(6).nRights, t(6).leftEdge.i, t(6).rightEdge.i]).toEqual([1, 1, 5, 7]);
    expect([t(4).nLefts, t(4).nRights, t(4).leftEdge.i, t(4).rightEdge.i]).toEqual([1, 1, 3, 7]);
    expect([t(3).nLefts, t(3).nRights, t(3).leftEdge.i, t(3).rightEdge.i]).toEqual([0, 0, 3, 3]);
    expect([t(2).leftEdge.i, t(2).rightEdge.i]).toEqual([0, 8]);
    expect(texts(t(2).lefts)).toEqual(['Yesterday', 'I']);
    expect(texts(t(2).rights)).toEqual(['dog', '.']);
    expect(texts(t(2).children)).toEqual(['Yesterday', 'I', 'dog', '.']);
    expect(texts(t(4).subtree)).toEqual(['a', 'dog', 'that', 'barked', 'loudly']);
    expect(texts(t(7).subtree)).toEqual(['loudly']);

    // Re-attaching recomputes the cached edges and counts.
    t(6).head = t(3);
    expect([t(6).nLefts, t(6).nRights, t(6).leftEdge.i, t(6).rightEdge.i]).toEqual([1, 1, 5, 7]);
    expect([t(3).nLefts, t(3).nRights, t(3).leftEdge.i, t(3).rightEdge.i]).toEqual([0, 1, 3, 7]);
    expect([t(4).nLefts, t(4).nRights, t(4).leftEdge.i, t(4).rightEdge.i]).toEqual([1, 0, 3, 7]);
    t(0).head = t(5);
    for (const i of [5, 6, 3, 4, 2]) expect(t(i).leftEdge.i).toBe(0);
    expect(() => (t(0).head = sawDoc().token(0))).toThrow(ArgumentError);
  });

  it('gives subtree edges over non-projective arcs', () => {
    // 0 <- 2, 1 <- 3, 3 <- 2, root 2: token 3's subtree is {1, 3}, skipping 2
    const doc = Doc.fromWords(['a', 'b', 'c', 'd'], { heads: [2, 3, 2, 2], deps: ['x', 'x', 'root', 'x'] });
    expect([doc.token(3).leftEdge.i, doc.token(3).rightEdge.i]).toEqual([1, 3]);
    expect(texts(doc.token(3).subtree)).toEqual(['b', 'd']);
    expect(texts(doc.token(3).lefts)).toEqual(['b']);
  });

  it('conjuncts (spaCy test_token_api_conjuncts_*)', () => {
    let doc = Doc.fromWords(['The', 'boy', 'and', 'the', 'girl', 'and', 'the', 'man', 'went', '.'], {
      heads: [1, 8, 1, 4, 1, 4, 7, 4, 8, 8],
      deps: ['det', 'nsubj', 'cc', 'det', 'conj', 'cc', 'det', 'conj', 'root', 'punct'],
    });
    expect(texts(doc.token(1).conjuncts)).toEqual(['girl', 'man']);
    expect(texts(doc.token(4).conjuncts)).toEqual(['boy', 'man']);
    expect(texts(doc.token(7).conjuncts)).toEqual(['boy', 'girl']);
    doc = Doc.fromWords(['They', 'came', 'and', 'went', '.'], { heads: [1, 1, 1, 1, 3], deps: ['nsubj', 'root', 'cc', 'conj', 'dep'] });
    expect(texts(doc.token(1).conjuncts)).toEqual(['went']);
    expect(texts(doc.token(3).conjuncts)).toEqual(['came']);
    doc = Doc.fromWords(['They', 'came', '.'], { heads: [1, 1, 1], deps: ['nsubj', 'root', 'punct'] });
    expect(doc.token(0).conjuncts).toEqual([]);
  });

  it('an unparsed token is its own head with no children', () => {
    const doc = Doc.fromWords(['a', 'b']);
    expect(doc.token(1).head.i).toBe(1);
    expect([...doc.token(0).children]).toEqual([]);
    expect([doc.token(0).leftEdge.i, doc.token(0).rightEdge.i]).toEqual([0, 0]);
    expect(doc.isParsed).toBe(false);
  });
});

describe('Span syntax properties', () => {
  it('root is the token nearest the sentence root (spaCy test_spans_root and friends)', () => {
    const doc = sawDoc();
    expect(doc.span(3, 8).root.text).toBe('dog');
    expect(doc.span(5, 8).root.text).toBe('barked');
    expect(doc.span(0, 9).root.text).toBe('saw');
    expect(doc.span(0, 2).root.text).toBe('Yesterday'); // two heads outside at the same depth: the first
  });

  it('lefts, rights, their counts, subtree and conjuncts', () => {
    const doc = sawDoc();
    const s = doc.span(4, 7); // dog that barked
    expect(texts(s.lefts)).toEqual(['a']);
    expect(texts(s.rights)).toEqual(['loudly']);
    expect([s.nLefts, s.nRights]).toEqual([1, 1]);
    expect(texts(s.subtree)).toEqual(['a', 'dog', 'that', 'barked', 'loudly']);
    const c = Doc.fromWords(['They', 'came', 'and', 'went', '.'], { heads: [1, 1, 1, 1, 3], deps: ['nsubj', 'root', 'cc', 'conj', 'dep'] });
    expect(texts(c.span(0, 2).conjuncts)).toEqual(['went']);
  });
});

describe('Doc.fromWords with annotations', () => {
  it('takes absolute heads, deps, tags, pos, lemmas and IOB ents, and sets sentences from the tree', () => {
    const doc = Doc.fromWords(['This', 'is', 'one', 'sentence', '.', 'This', 'is', 'another', 'sentence', '.'], {
      heads: [3, 3, 3, 3, 3, 8, 8, 8, 8, 8],
      deps: ['nsubj', 'cop', 'nummod', 'root', 'punct', 'nsubj', 'cop', 'det', 'root', 'punct'],
      ents: ['O', 'O', 'I-CARDINAL', 'O', 'O', 'O', 'O', 'O', 'O', ''],
      lemmas: ['this', 'be', 'one', 'sentence', '.', 'this', 'be', 'another', 'sentence', '.'],
    });
    expect(doc.sents.map(String)).toEqual(['This is one sentence .', 'This is another sentence .']);
    expect(doc.ents.map((e) => [e.text, e.label])).toEqual([['one', 'CARDINAL']]);
    expect(doc.token(1).lemma).toBe('be');
    expect(doc.token(0).head.text).toBe('sentence');
    // spaCy test_doc_token_api_head_setter: joining the sentences
    expect([doc.token(3).leftEdge.i, doc.token(3).rightEdge.i]).toEqual([0, 4]);
  });

  it('explicit sentStarts win over the tree', () => {
    const doc = Doc.fromWords(['a', 'b', 'c'], { heads: [0, 0, 0], deps: ['root', 'x', 'x'], sentStarts: [true, false, true] });
    expect(doc.sents.map(String)).toEqual(['a b', 'c']);
  });

  it('rejects heads without deps, out-of-range heads, cycles, bad lengths and bad IOB tags', () => {
    expect(() => Doc.fromWords(['a'], { heads: [0] })).toThrow(/need deps/);
    expect(() => Doc.fromWords(['a', 'b'], { heads: [0, 2], deps: ['root', 'x'] })).toThrow(/heads\[1\]/);
    expect(() => Doc.fromWords(['a', 'b', 'c'], { heads: [1, 2, 1], deps: ['x', 'x', 'x'] })).toThrow(/cycle/);
    expect(() => Doc.fromWords(['a', 'b'], { deps: ['x'] })).toThrow(ArgumentError);
    expect(() => Doc.fromWords(['a'], { ents: ['X-ORG'] })).toThrow(/ents\[0\]/);
  });

  it('deps without heads leave every word its own head', () => {
    const doc = Doc.fromWords(['a', 'b'], { deps: ['root', 'root'] });
    expect(doc.token(1).head.i).toBe(1);
    expect(doc.isParsed).toBe(true);
  });

  it('round-trips heads and deps through toJSON / fromJSON', () => {
    const doc = sawDoc();
    const back = Doc.fromJSON(JSON.parse(JSON.stringify(doc.toJSON())));
    expect(back.tokens().map((t) => [t.head.i, t.dep])).toEqual(doc.tokens().map((t) => [t.head.i, t.dep]));
    expect(texts(back.token(4).subtree)).toEqual(['a', 'dog', 'that', 'barked', 'loudly']);
  });
});

// spaCy tests/doc/test_span.py: the `doc` fixture and the root / sentence cases on it.
describe('spaCy span cases', () => {
  const doc = Doc.fromWords(['This', 'is', 'a', 'sentence', '.', 'This', 'is', 'another', 'sentence', '.', 'And', 'a', 'third', '.'], {
    spaces: [true, true, true, false, true, true, true, true, false, true, true, true, false, false],
    heads: [1, 1, 3, 1, 1, 6, 6, 8, 6, 6, 12, 12, 12, 12],
    deps: ['nsubj', 'ROOT', 'det', 'attr', 'punct', 'nsubj', 'ROOT', 'det', 'attr', 'punct', 'ROOT', 'det', 'npadvmod', 'punct'],
    ents: ['O', 'O', 'B-ENT', 'I-ENT', 'I-ENT', 'I-ENT', 'I-ENT', 'O', 'O', 'O', 'O', 'O', 'O', 'O'],
  });

  it('test_spans_root', () => {
    const span = doc.span(2, 4);
    expect(span.text).toBe('a sentence');
    expect(span.root.text).toBe('sentence');
    expect(span.root.head.text).toBe('is');
  });

  it('test_spans_root2', () => {
    const d = Doc.fromWords(['through', 'North', 'and', 'South', 'Carolina'], { heads: [0, 4, 1, 1, 0], deps: ['dep', 'dep', 'dep', 'dep', 'dep'] });
    expect(d.span(-2, d.length).root.text).toBe('Carolina');
  });

  it('test_spans_span_sent: sentences from the heads', () => {
    expect(doc.sents.length).toBe(3);
    expect(doc.span(0, 2).sent.root.text).toBe('is');
    expect(doc.span(0, 2).sent.text).toBe('This is a sentence.');
    expect(doc.span(6, 7).sent.root.leftEdge.text).toBe('This');
    expect(doc.ents.map((e) => e.text)).toEqual(['a sentence. This is']);
  });
});

