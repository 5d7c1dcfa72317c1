/**
 * `render`, the one call for pictures of documents (as displaCy's `render`): a Doc, a list of Docs,
 * or plain data in, an HTML fragment or a whole page out.
 */
import { Doc } from '../core/doc.js';
import { ArgumentError } from '../core/errors.js';
import { checkOptionValue } from '../core/options.js';
import type { Span } from '../core/span.js';
import { depData, entData, spanData, type DepData, type EntData, type SpanData, type TokenSpan } from './data.js';
import { renderDep, type DepOptions } from './dep.js';
import { renderEnts, type EntOptions } from './ent.js';
import { wrapPage } from './page.js';
import { renderSpans, type SpanOptions } from './span.js';

/** What to draw: entities, dependency trees or span groups. */
export type RenderStyle = 'ent' | 'dep' | 'span';

/** Options of {@link render}: the style's own options plus these. */
export interface RenderOptions extends EntOptions, DepOptions, SpanOptions {
  /** 'ent', 'dep' (default) or 'span'. */
  style?: RenderStyle;
  /** A whole HTML page instead of a fragment (default false). */
  page?: boolean;
  /** The page's title (default 'textloom'). */
  title?: string;
  /** `dep`: show fine-grained tags instead of universal POS (default false). */
  fineGrained?: boolean;
  /** `dep`: show lemmas under the words (default false). */
  lemmas?: boolean;
  /** `span`: the spans to draw over a Doc (default: its entities). Ignored for plain data. */
  spans?: readonly (Span | TokenSpan)[];
}

/** Defaults of {@link render}. */
export const RENDER_DEFAULTS = Object.freeze({ style: 'dep' as RenderStyle, page: false, title: 'textloom', fineGrained: false, lemmas: false });

/** What {@link render} accepts: Docs or the plain data of the chosen style. */
export type Renderable = Doc | EntData | DepData | SpanData;

/**
 * Renders Docs (or plain data of the style) as HTML: `ent` highlights entities, `dep` draws
 * dependency trees as SVG (one per sentence), `span` draws overlapping labelled spans. Everything
 * taken from the input is escaped. With `page: true` the result is a complete HTML document.
 * @example
 * const doc = Doc.fromWords(['Ada', 'Lovelace', 'wrote', 'notes']);
 * doc.ents = [doc.span(0, 2, 'PER')];
 * render(doc, { style: 'ent' }); // '<div class="tl-ents" ...>...</div>'
 */
export function render(input: Renderable | readonly Renderable[], options: RenderOptions = {}): string {
  if (options === null || typeof options !== 'object') throw new ArgumentError('render options must be an object', { key: 'options' });
  const { style = RENDER_DEFAULTS.style, page = RENDER_DEFAULTS.page, title = RENDER_DEFAULTS.title, fineGrained = RENDER_DEFAULTS.fineGrained, lemmas = RENDER_DEFAULTS.lemmas, spans, ...rest } = options;
  checkOptionValue({ type: 'string', enum: ['ent', 'dep', 'span'] }, style, 'style');
  checkOptionValue({ type: 'boolean' }, page, 'page');
  checkOptionValue({ type: 'string' }, title, 'title');
  const items = Array.isArray(input) ? (input as readonly Renderable[]) : [input as Renderable];
  const parts = items.map((item, k) => {
    if (item === null || typeof item !== 'object') throw new ArgumentError(`render input ${k} must be a Doc or ${style} data`, { key: `input[${k}]` });
    let html: string;
    if (style === 'ent') html = renderEnts(item instanceof Doc ? entData(item) : (item as EntData), rest as EntOptions);
    else if (style === 'dep') html = renderDep(item instanceof Doc ? depData(item, { fineGrained, lemmas }) : (item as DepData), rest as DepOptions);
    else html = renderSpans(item instanceof Doc ? spanData(item, spans ?? item.ents) : (item as SpanData), rest as SpanOptions);
    return items.length > 1 ? `<div class="tl-doc">${html}</div>` : html;
  });
  const body = parts.join('\n');
  return page ? wrapPage(body, title) : body;
}
