/**
 * `textloom/render`: displaCy-style pictures (entities, dependency arcs, span groups, a vector
 * scatter) as escaped, self-contained HTML/SVG strings, with no Node built-in reachable.
 * @example
 * import { render } from 'textloom/render';
 * const html = render({ text: 'Ada went to Paris', ents: [{ start: 12, end: 17, label: 'GPE' }] }, { style: 'ent' });
 * @packageDocumentation
 */
export { render, RENDER_DEFAULTS } from '../render/render.js';
export type { RenderOptions, RenderStyle, Renderable } from '../render/render.js';
export { renderEnts, ENT_DEFAULTS } from '../render/ent.js';
export type { EntOptions } from '../render/ent.js';
export { renderDep, renderDepSvg, depSize, DEP_DEFAULTS } from '../render/dep.js';
export type { DepOptions } from '../render/dep.js';
export { renderSpans, SPAN_DEFAULTS } from '../render/span.js';
export type { SpanOptions } from '../render/span.js';
export { renderScatter, projectVectors, SCATTER_DEFAULTS } from '../render/scatter.js';
export type { ScatterPoint, ScatterOptions } from '../render/scatter.js';
export { entData, depData, spanData } from '../render/data.js';
export type { EntData, DepData, DepArc, SpanData, TokenSpan, CharSpan, DepDataOptions } from '../render/data.js';
export { LABEL_COLORS } from '../render/colors.js';
export { wrapPage } from '../render/page.js';
