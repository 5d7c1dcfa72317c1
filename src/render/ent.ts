/**
 * The `ent` style: the text with its entities highlighted as labelled marks, one colour per label.
 * Inline styles only, so the fragment looks right pasted anywhere, inside or outside a page.
 */
import { resolveOptions, type OptionSchema } from '../core/options.js';
import { checkColors, colorOf } from './colors.js';
import { checkEntData, type EntData } from './data.js';
import { escapeHtml } from './escape.js';

/** Options of the `ent` style. */
export interface EntOptions {
  /** Only these labels are highlighted (default: all). */
  labels?: readonly string[];
  /** Label -> CSS colour, overriding the defaults. */
  colors?: Readonly<Record<string, string>>;
}

/** Defaults of the `ent` style. */
export const ENT_DEFAULTS = Object.freeze({ labels: undefined as readonly string[] | undefined, colors: undefined as Record<string, string> | undefined });

const SCHEMA: OptionSchema = {
  labels: { type: 'string[]', doc: 'only these labels are highlighted' },
  colors: { type: 'object', doc: 'label -> CSS colour' },
};

const MARK = 'padding:0.45em 0.6em;margin:0 0.25em;line-height:1;border-radius:0.35em;box-decoration-break:clone;-webkit-box-decoration-break:clone';
const LABEL = 'font-size:0.75em;font-weight:bold;line-height:1;border-radius:0.35em;vertical-align:middle;margin-left:0.5rem;text-transform:uppercase';

/** Text between entities: escaped, with line breaks kept. */
function plain(s: string): string {
  return escapeHtml(s).replace(/\n/g, '<br>');
}

/**
 * Renders text with entities as an HTML fragment (`<div class="tl-ents">`).
 * @example renderEnts({ text: 'Ada lives in Paris', ents: [{ start: 13, end: 18, label: 'LOC' }] })
 */
export function renderEnts(data: EntData, options: EntOptions = {}): string {
  const o = resolveOptions(SCHEMA, options, { what: 'ent style' }) as EntOptions;
  const colors = checkColors(o.colors);
  const keep = o.labels ? new Set(o.labels) : null;
  const ents = checkEntData(data).filter((e) => !keep || keep.has(e.label));
  const text = data.text;
  let html = '';
  let at = 0;
  for (const e of ents) {
    html += plain(text.slice(at, e.start));
    const label = escapeHtml(e.label);
    html += `<mark class="tl-ent" data-label="${label}" style="background:${colorOf(e.label, colors)};${MARK}">${plain(text.slice(e.start, e.end))}<span class="tl-ent-label" style="${LABEL}">${label}</span></mark>`;
    at = e.end;
  }
  html += plain(text.slice(at));
  const title = data.title ? `<h2 class="tl-title">${escapeHtml(data.title)}</h2>` : '';
  return `${title}<div class="tl-ents" style="line-height:2.5;direction:ltr">${html}</div>`;
}
