/**
 * The `span` style: tokens with possibly overlapping labelled spans (matcher results, span groups)
 * drawn as stacked bars under the words. Overlaps get separate rows: each span takes the lowest
 * row free at its start (greedy interval colouring, longest span first at equal starts).
 */
import { resolveOptions, type OptionSchema } from '../core/options.js';
import { checkColors, colorOf } from './colors.js';
import { checkSpanData, type SpanData, type TokenSpan } from './data.js';
import { escapeHtml } from './escape.js';

/** Options of the `span` style. */
export interface SpanOptions {
  /** Only spans with these labels are drawn (default: all). */
  labels?: readonly string[];
  /** Label -> CSS colour, overriding the defaults. */
  colors?: Readonly<Record<string, string>>;
}

/** Defaults of the `span` style. */
export const SPAN_DEFAULTS = Object.freeze({ labels: undefined as readonly string[] | undefined, colors: undefined as Record<string, string> | undefined, rowHeight: 17 });

const SCHEMA: OptionSchema = {
  labels: { type: 'string[]', doc: 'only spans with these labels are drawn' },
  colors: { type: 'object', doc: 'label -> CSS colour' },
};

/** Row of each span (in the given order) so that spans sharing a token never share a row. */
export function spanRows(spans: readonly TokenSpan[]): Int32Array {
  const order = spans.map((_, k) => k).sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const rowEnd: number[] = [];
  const row = new Int32Array(spans.length);
  for (const k of order) {
    const s = spans[k]!;
    let r = rowEnd.findIndex((end) => end <= s.start);
    if (r < 0) r = rowEnd.push(0) - 1;
    rowEnd[r] = s.end;
    row[k] = r;
  }
  return row;
}

/**
 * Renders tokens with labelled, possibly overlapping spans as an HTML fragment (`<div class="tl-spans">`).
 * @example renderSpans({ tokens: ['New', 'York', 'City'], spans: [{ start: 0, end: 3, label: 'GPE' }, { start: 0, end: 2, label: 'CITY' }] })
 */
export function renderSpans(data: SpanData, options: SpanOptions = {}): string {
  const o = resolveOptions(SCHEMA, options, { what: 'span style' }) as SpanOptions;
  const colors = checkColors(o.colors);
  checkSpanData(data);
  const keep = o.labels ? new Set(o.labels) : null;
  const spans = data.spans.filter((s) => !keep || keep.has(s.label));
  const rows = spanRows(spans);
  const nRows = rows.reduce((m, r) => Math.max(m, r + 1), 0);
  const h = SPAN_DEFAULTS.rowHeight;
  // Spans covering each token: work proportional to the spans' total length.
  const byToken: number[][] = data.tokens.map(() => []);
  spans.forEach((s, k) => {
    for (let i = s.start; i < s.end; i++) byToken[i]!.push(k);
  });
  const out: string[] = [];
  data.tokens.forEach((tok, i) => {
    let bars = '';
    for (const k of byToken[i]!) {
      const s = spans[k]!;
      const first = i === s.start;
      const last = i === s.end - 1;
      const radius = `${first ? '4px' : '0'} ${last ? '4px' : '0'} ${last ? '4px' : '0'} ${first ? '4px' : '0'}`;
      const label = first ? `<span class="tl-span-label" style="font-size:10px;font-weight:bold;padding:0 4px;line-height:${h - 2}px;white-space:nowrap">${escapeHtml(s.label)}</span>` : '';
      bars +=
        `<span class="tl-span-bar" data-label="${escapeHtml(s.label)}" style="position:absolute;left:0;right:${last ? '0' : '-0.35em'};top:calc(1.6em + ${rows[k]! * h}px);` +
        `height:${h - 2}px;background:${colorOf(s.label, colors)};border-radius:${radius};overflow:visible;z-index:${first ? 2 : 1}">${label}</span>`;
    }
    const space = data.spaces ? data.spaces[i] : true;
    out.push(
      `<span class="tl-span-token" style="position:relative;display:inline-block;margin-right:${space ? '0.35em' : '0'};padding-bottom:${nRows * h + 4}px">${escapeHtml(tok)}${bars}</span>`,
    );
  });
  const title = data.title ? `<h2 class="tl-title">${escapeHtml(data.title)}</h2>` : '';
  return `${title}<div class="tl-spans" style="line-height:1.6em;direction:ltr">${out.join('')}</div>`;
}
