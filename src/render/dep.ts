/**
 * The `dep` style: a dependency tree as SVG, words on a baseline and labelled arcs above them with
 * an arrow head at the dependent. One SVG per sentence, so a long text wraps sentence by sentence.
 */
import { ArgumentError } from '../core/errors.js';
import { resolveOptions, type OptionSchema } from '../core/options.js';
import { checkDepData, type DepData } from './data.js';
import { arcLevels } from './dep-layout.js';
import { escapeHtml, num, safeColor } from './escape.js';

/** Options of the `dep` style. */
export interface DepOptions {
  /** Square arcs and tighter spacing (default false). */
  compact?: boolean;
  /** Horizontal distance between words in px (default 175, compact 150). */
  distance?: number;
  /** Vertical gap between the arcs' foot and the words in px (default 45). */
  wordSpacing?: number;
  /** Horizontal inset of an arc's ends from its words' centres in px (default 12). */
  arrowSpacing?: number;
  /** Size of the arrow head in px (default 10). */
  arrowWidth?: number;
  /** Stroke width of arcs in px (default 2). */
  arrowStroke?: number;
  /** Text and arc colour (default '#000000'). */
  color?: string;
  /** Background colour (default '#ffffff'). */
  bg?: string;
  /** Font family (default 'Arial, sans-serif'). */
  font?: string;
}

/** Defaults of the `dep` style. */
export const DEP_DEFAULTS = Object.freeze({
  compact: false,
  distance: 175,
  compactDistance: 150,
  wordSpacing: 45,
  arrowSpacing: 12,
  arrowWidth: 10,
  arrowStroke: 2,
  color: '#000000',
  bg: '#ffffff',
  font: 'Arial, sans-serif',
});

const SCHEMA: OptionSchema = {
  compact: { type: 'boolean', default: DEP_DEFAULTS.compact },
  distance: { type: 'number', min: 20, max: 2000 },
  wordSpacing: { type: 'number', default: DEP_DEFAULTS.wordSpacing, min: 5, max: 500 },
  arrowSpacing: { type: 'number', default: DEP_DEFAULTS.arrowSpacing, min: 0, max: 200 },
  arrowWidth: { type: 'number', default: DEP_DEFAULTS.arrowWidth, min: 2, max: 100 },
  arrowStroke: { type: 'number', default: DEP_DEFAULTS.arrowStroke, min: 0.5, max: 20 },
  color: { type: 'string', default: DEP_DEFAULTS.color },
  bg: { type: 'string', default: DEP_DEFAULTS.bg },
  font: { type: 'string', default: DEP_DEFAULTS.font },
};

type Resolved = Required<DepOptions>;

function resolve(options: DepOptions): Resolved {
  const o = resolveOptions(SCHEMA, options, { what: 'dep style' }) as DepOptions;
  for (const k of ['color', 'bg'] as const) {
    if (safeColor(o[k]!) === null) throw new ArgumentError(`${k} is not a CSS colour: ${JSON.stringify(o[k])}`, { key: k });
  }
  // A font list: names, spaces, commas, quotes and hyphens only (it is written into a style).
  if (!/^[\w ,'"-]{1,100}$/.test(o.font!)) throw new ArgumentError(`font must be a font-family list, got ${JSON.stringify(o.font)}`, { key: 'font' });
  return { ...(o as Resolved), distance: o.distance ?? (o.compact ? DEP_DEFAULTS.compactDistance : DEP_DEFAULTS.distance) };
}

// Where a sentence's picture puts things: the arcs' levels, the words' baseline and the picture's size.
function geometry(d: DepData, o: Resolved): { levels: ArrayLike<number>; levelHeight: number; offsetX: number; y0: number; width: number; height: number } {
  const n = d.words.length;
  const levels = arcLevels(d.arcs);
  const maxLevel = levels.reduce((m, l) => Math.max(m, l), 0);
  const levelHeight = o.compact ? Math.max(o.arrowWidth * 3, 28) : o.distance / 2;
  const offsetX = 50;
  const y0 = maxLevel * levelHeight + o.arrowStroke + 16;
  const lines = 1 + (d.words.some((w) => w.tag) ? 1 : 0) + (d.words.some((w) => w.lemma) ? 1 : 0);
  const width = offsetX * 2 + Math.max(0, n - 1) * o.distance;
  return { levels, levelHeight, offsetX, y0, width, height: y0 + o.wordSpacing + lines * 20 + 10 };
}

/**
 * The size in px of the SVG {@link renderDep} draws for one sentence, without drawing it (a page
 * holds the tree's place with it until the tree scrolls into view).
 * @example depSize({ words: [{ text: 'Ada' }, { text: 'sleeps' }], arcs: [{ start: 0, end: 1, label: 'nsubj', dir: 'left' }] }) // { width: 275, height: ... }
 */
export function depSize(data: DepData, options: DepOptions = {}): { width: number; height: number } {
  checkDepData(data);
  const { width, height } = geometry(data, resolve(options));
  return { width, height };
}

/** The SVG of one sentence. */
function sentenceSvg(d: DepData, o: Resolved): string {
  checkDepData(d);
  const n = d.words.length;
  const { levels, levelHeight, offsetX, y0, width, height } = geometry(d, o);
  const x = (i: number): number => offsetX + i * o.distance;
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = d.words[i]!;
    const rows = [`<tspan class="tl-dep-word" x="${num(x(i))}" fill="currentColor">${escapeHtml(w.text)}</tspan>`];
    if (w.tag) rows.push(`<tspan class="tl-dep-tag" x="${num(x(i))}" dy="20" fill="currentColor" font-size="0.8em">${escapeHtml(w.tag)}</tspan>`);
    if (w.lemma) rows.push(`<tspan class="tl-dep-lemma" x="${num(x(i))}" dy="20" fill="currentColor" font-size="0.8em" font-style="italic">${escapeHtml(w.lemma)}</tspan>`);
    parts.push(`<text class="tl-dep-token" text-anchor="middle" y="${num(y0 + o.wordSpacing)}">${rows.join('')}</text>`);
  }
  d.arcs.forEach((a, k) => {
    const x1 = x(a.start) + o.arrowSpacing;
    const x2 = x(a.end) - o.arrowSpacing;
    const yc = y0 - levels[k]! * levelHeight;
    let path: string;
    let top: number;
    if (o.compact) {
      const r = Math.min(10, (x2 - x1) / 2, y0 - yc);
      path = `M${num(x1)},${num(y0)} L${num(x1)},${num(yc + r)} Q${num(x1)},${num(yc)} ${num(x1 + r)},${num(yc)} L${num(x2 - r)},${num(yc)} Q${num(x2)},${num(yc)} ${num(x2)},${num(yc + r)} L${num(x2)},${num(y0)}`;
      top = yc;
    } else {
      path = `M${num(x1)},${num(y0)} C${num(x1)},${num(yc)} ${num(x2)},${num(yc)} ${num(x2)},${num(y0)}`;
      top = y0 + 0.75 * (yc - y0);
    }
    const tip = a.dir === 'left' ? x1 : x2;
    const w = o.arrowWidth;
    const head = `M${num(tip)},${num(y0 + o.arrowStroke)} L${num(tip - w / 2)},${num(y0 - w)} L${num(tip + w / 2)},${num(y0 - w)} Z`;
    const label = escapeHtml(a.label);
    parts.push(
      `<g class="tl-dep-arc" data-label="${label}"><path d="${path}" fill="none" stroke="currentColor" stroke-width="${num(o.arrowStroke)}"/>` +
        `<path d="${head}" fill="currentColor"/>` +
        `<text x="${num((x1 + x2) / 2)}" y="${num(top)}" text-anchor="middle" dominant-baseline="central" font-size="0.8em" fill="currentColor" stroke="${o.bg}" stroke-width="5" paint-order="stroke">${label}</text></g>`,
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="tl-dep" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" ` +
    `style="max-width:none;color:${o.color};background:${o.bg};font-family:${escapeHtml(o.font)};direction:ltr">${parts.join('')}</svg>`
  );
}

/**
 * Renders dependency trees (one {@link DepData} per sentence) as an HTML fragment: one SVG per
 * sentence, each scrolling sideways when wider than the page.
 * @example renderDep({ words: [{ text: 'Ada' }, { text: 'sleeps' }], arcs: [{ start: 0, end: 1, label: 'nsubj', dir: 'left' }] })
 */
export function renderDep(data: DepData | readonly DepData[], options: DepOptions = {}): string {
  const o = resolve(options);
  const sents = Array.isArray(data) ? (data as readonly DepData[]) : [data as DepData];
  return sents
    .map((d) => `${d.title ? `<h2 class="tl-title">${escapeHtml(d.title)}</h2>` : ''}<div class="tl-dep-sent" style="overflow-x:auto;margin-bottom:1em">${sentenceSvg(d, o)}</div>`)
    .join('\n');
}

/** One sentence's tree as a standalone SVG document (for `.svg` files). */
export function renderDepSvg(data: DepData, options: DepOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${sentenceSvg(data, resolve(options))}\n`;
}
