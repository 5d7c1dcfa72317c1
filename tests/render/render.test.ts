import { describe, expect, it } from 'vitest';
import { ArgumentError, Doc, render, renderDep, renderDepSvg, renderEnts, renderScatter, renderSpans, projectVectors, depData, LABEL_COLORS, type DepData } from '../../src/index.js';
import { arcLevels } from '../../src/render/dep-layout.js';
import { spanRows } from '../../src/render/span.js';
import { assertWellFormed } from './markup.js';

const NASTY = `<script>alert("x")</script> & 'q' "dq" </svg>`;

/** A Doc with a gold tree: heads as absolute indices, written into the head/dep columns. */
function treeDoc(words: string[], heads: number[], deps: string[], sentStarts?: number[]): Doc {
  const doc = Doc.fromWords(words);
  heads.forEach((h, i) => {
    doc.head[i] = h - i;
    doc.dep[i] = doc.vocab.strings.add(deps[i]!);
  });
  if (sentStarts) for (let i = 0; i < words.length; i++) doc.sentStart[i] = sentStarts.includes(i) ? 1 : -1;
  return doc;
}

describe('renderEnts', () => {
  it('marks each entity with its label and colour, text in between kept', () => {
    const html = renderEnts({ text: 'Ada lives in Paris.\nYes', ents: [{ start: 13, end: 18, label: 'LOC' }, { start: 0, end: 3, label: 'PER' }] });
    assertWellFormed(html);
    expect(html.indexOf('>Ada<')).toBeLessThan(html.indexOf('>Paris<'));
    expect(html).toContain(`background:${LABEL_COLORS.LOC}`);
    expect(html).toContain(' lives in ');
    expect(html).toContain('.<br>Yes');
    expect(html.match(/<mark /g)).toHaveLength(2);
  });
  it('filters labels and takes user colours', () => {
    const data = { text: 'Ada in Paris', ents: [{ start: 0, end: 3, label: 'PER' }, { start: 7, end: 12, label: 'LOC' }] };
    const html = renderEnts(data, { labels: ['LOC'], colors: { LOC: '#123456' } });
    expect(html.match(/<mark /g)).toHaveLength(1);
    expect(html).toContain('background:#123456');
  });
  it('escapes text and labels', () => {
    const html = renderEnts({ text: NASTY, ents: [{ start: 0, end: 8, label: '<b>"X"' }] });
    assertWellFormed(html);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;b&gt;&quot;X&quot;');
  });
  it('refuses overlaps, bad ranges and colours that could inject CSS', () => {
    expect(() => renderEnts({ text: 'abcdef', ents: [{ start: 0, end: 3, label: 'A' }, { start: 2, end: 4, label: 'B' }] })).toThrow(/overlap/);
    expect(() => renderEnts({ text: 'abc', ents: [{ start: 1, end: 9, label: 'A' }] })).toThrow(ArgumentError);
    expect(() => renderEnts({ text: 'abc', ents: [] }, { colors: { A: 'red;background:url(x)' } })).toThrow(/colors\.A/);
    expect(() => renderEnts({ text: 'abc', ents: [] }, { colour: {} } as never)).toThrow(/unknown ent style option "colour"/);
  });
});

describe('arcLevels', () => {
  it('puts an arc one above the highest arc it spans', () => {
    // 0 <- 1 (level 1), 1 <- 2 ... root 3 with arcs 3->0 spanning everything.
    const arcs = [
      { start: 0, end: 1, label: 'a', dir: 'left' as const },
      { start: 1, end: 3, label: 'b', dir: 'left' as const },
      { start: 0, end: 3, label: 'c', dir: 'left' as const },
      { start: 3, end: 4, label: 'd', dir: 'right' as const },
    ];
    expect([...arcLevels(arcs)]).toEqual([1, 1, 2, 1]);
  });
});

describe('renderDep', () => {
  const data: DepData = {
    words: [{ text: 'She', tag: 'PRON' }, { text: 'reads', tag: 'VERB' }, { text: 'old', tag: 'ADJ' }, { text: 'books', tag: 'NOUN' }],
    arcs: [
      { start: 0, end: 1, label: 'nsubj', dir: 'left' },
      { start: 2, end: 3, label: 'amod', dir: 'left' },
      { start: 1, end: 3, label: 'obj', dir: 'right' },
    ],
  };
  it('draws one arc, arrow head and label per dependency, words and tags below', () => {
    const svg = renderDep(data);
    assertWellFormed(svg);
    expect(svg.match(/class="tl-dep-arc"/g)).toHaveLength(3);
    expect(svg.match(/class="tl-dep-token"/g)).toHaveLength(4);
    for (const l of ['nsubj', 'amod', 'obj', 'PRON', 'NOUN']) expect(svg).toContain(`>${l}<`);
  });
  it('points the arrow at the dependent', () => {
    const svg = renderDep({ words: [{ text: 'a' }, { text: 'b' }], arcs: [{ start: 0, end: 1, label: 'x', dir: 'left' }] }, { distance: 100, arrowSpacing: 10 });
    // Words at x = 50 and 150: the arc runs 60..140 and the arrow tip is at the left end.
    expect(svg).toMatch(/<path d="M60,[\d.]+ L55,/);
    const right = renderDep({ words: [{ text: 'a' }, { text: 'b' }], arcs: [{ start: 0, end: 1, label: 'x', dir: 'right' }] }, { distance: 100, arrowSpacing: 10 });
    expect(right).toMatch(/<path d="M140,[\d.]+ L135,/);
  });
  it('compact arcs are square with rounded corners and lower', () => {
    const tall = renderDep(data);
    const compact = renderDep(data, { compact: true });
    expect(compact).toContain(' Q');
    const h = (s: string) => Number(/height="([\d.]+)"/.exec(s)![1]);
    expect(h(compact)).toBeLessThan(h(tall));
  });
  it('one SVG per sentence from a Doc with a parse', () => {
    const doc = treeDoc(['Ada', 'sleeps', '.', 'Bob', 'works', '.'], [1, 1, 1, 4, 4, 4], ['nsubj', 'root', 'punct', 'nsubj', 'root', 'punct'], [0, 3]);
    const sents = depData(doc);
    expect(sents).toHaveLength(2);
    expect(sents[1]!.arcs).toEqual([
      { start: 0, end: 1, label: 'nsubj', dir: 'left' },
      { start: 1, end: 2, label: 'punct', dir: 'right' },
    ]);
    const html = render(doc, { style: 'dep' });
    assertWellFormed(html);
    expect(html.match(/<svg /g)).toHaveLength(2);
  });
  it('escapes words, tags and labels', () => {
    const svg = renderDep({ words: [{ text: NASTY, tag: '<i>' }, { text: '&' }], arcs: [{ start: 0, end: 1, label: '</text><script>', dir: 'left' }] });
    assertWellFormed(svg);
    expect(svg).not.toContain('<script>');
  });
  it('refuses arcs outside the sentence and unsafe styling', () => {
    expect(() => renderDep({ words: [{ text: 'a' }], arcs: [{ start: 0, end: 1, label: 'x', dir: 'left' }] })).toThrow(/arcs\[0\]\.end/);
    expect(() => renderDep(data, { color: 'red" onload="x' })).toThrow(/color/);
    expect(() => renderDep(data, { font: 'Arial;}</style>' })).toThrow(/font/);
  });
  it('renderDepSvg writes a standalone SVG document', () => {
    const svg = renderDepSvg(data);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    assertWellFormed(svg);
  });
});

describe('renderSpans', () => {
  it('gives overlapping spans different rows and reuses free rows', () => {
    const rows = spanRows([
      { start: 0, end: 3, label: 'A' },
      { start: 1, end: 3, label: 'B' },
      { start: 3, end: 4, label: 'C' },
      { start: 0, end: 1, label: 'D' },
    ]);
    expect([...rows]).toEqual([0, 1, 0, 1]);
  });
  it('draws a bar per covered token and one label per span', () => {
    const html = renderSpans({ tokens: ['New', 'York', 'City', 'is', NASTY], spans: [{ start: 0, end: 3, label: 'GPE' }, { start: 0, end: 2, label: 'CITY' }] });
    assertWellFormed(html);
    expect(html.match(/class="tl-span-bar"/g)).toHaveLength(5);
    expect(html.match(/class="tl-span-label"/g)).toHaveLength(2);
    expect(html).not.toContain('<script>');
  });
  it('draws a Doc with given spans, or its entities by default', () => {
    const doc = Doc.fromWords(['Ada', 'Lovelace', 'wrote']);
    doc.ents = [doc.span(0, 2, 'PER')];
    expect(render(doc, { style: 'span' }).match(/class="tl-span-label"/g)).toHaveLength(1);
    expect(render(doc, { style: 'span', spans: [doc.span(0, 1, 'A'), doc.span(0, 3, 'B')] }).match(/class="tl-span-label"/g)).toHaveLength(2);
  });
});

describe('renderScatter and projectVectors', () => {
  it('projects onto the main axis of variation', () => {
    const pts = projectVectors([[0, 0, 1], [2, 0, 1], [4, 0, 1], [6, 0.1, 1]]);
    const xs = pts.map((p) => p.x);
    expect(Math.abs(xs[3]! - xs[0]!)).toBeGreaterThan(5.9);
    expect(Math.max(...pts.map((p) => Math.abs(p.y)))).toBeLessThan(0.1);
  });
  it('draws labelled points inside the picture, escaped', () => {
    const svg = renderScatter([{ label: 'king', x: -1, y: 2 }, { label: NASTY, x: 3, y: -1, group: 'g' }], { width: 400, height: 300, title: 'T' });
    assertWellFormed(svg);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    for (const m of svg.matchAll(/cx="([\d.]+)" cy="([\d.]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(0);
      expect(Number(m[1])).toBeLessThanOrEqual(400);
      expect(Number(m[2])).toBeLessThanOrEqual(300);
    }
    expect(() => renderScatter([{ label: 'a', x: NaN, y: 0 }])).toThrow(/non-finite/);
    expect(() => projectVectors([[1, 2]])).toThrow(/at least 2 vectors/);
  });
});

describe('render', () => {
  it('wraps a page and keeps several docs apart', () => {
    const a = Doc.fromWords(['Ada']);
    a.ents = [a.span(0, 1, 'PER')];
    const page = render([a, Doc.fromWords(['Bob'])], { style: 'ent', page: true, title: '<T>' });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<title>&lt;T&gt;</title>');
    expect(page.match(/class="tl-doc"/g)).toHaveLength(2);
    assertWellFormed(page);
  });
  it('names a bad style or option', () => {
    expect(() => render(Doc.fromWords(['a']), { style: 'tree' as never })).toThrow(/style must be one of/);
    expect(() => render(Doc.fromWords(['a']), { style: 'ent', compact: true })).toThrow(/unknown ent style option "compact"/);
  });
});
