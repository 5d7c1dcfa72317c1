/**
 * A labelled 2-D scatter plot as SVG, and the projection of high-dimensional vectors to 2-D with
 * textloom's own PCA, for pictures of word-vector neighbourhoods.
 */
import { ArgumentError } from '../core/errors.js';
import { resolveOptions, type OptionSchema } from '../core/options.js';
import { PCA } from '../eval/pca.js';
import { checkColors, colorOf } from './colors.js';
import { escapeHtml, num } from './escape.js';

/** A point of a scatter plot; points of one `group` share a colour. */
export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  group?: string;
}

/** Options of {@link renderScatter}. */
export interface ScatterOptions {
  /** Width in px (default 640). */
  width?: number;
  /** Height in px (default 480). */
  height?: number;
  /** Heading drawn at the top. */
  title?: string;
  /** Group -> CSS colour, overriding the defaults. */
  colors?: Readonly<Record<string, string>>;
}

/** Defaults of {@link renderScatter}. */
export const SCATTER_DEFAULTS = Object.freeze({ width: 640, height: 480, padding: 40, radius: 4 });

const SCHEMA: OptionSchema = {
  width: { type: 'number', default: SCATTER_DEFAULTS.width, min: 100, max: 10000 },
  height: { type: 'number', default: SCATTER_DEFAULTS.height, min: 100, max: 10000 },
  title: { type: 'string' },
  colors: { type: 'object' },
};

/**
 * Projects vectors (rows of equal length) onto their first two principal components.
 * @example projectVectors([[1, 0, 0], [0, 1, 0], [0, 0, 1]]) // three {x, y} points
 */
export function projectVectors(rows: readonly ArrayLike<number>[]): { x: number; y: number }[] {
  if (rows.length < 2) throw new ArgumentError(`a plot needs at least 2 vectors, got ${rows.length}`, { key: 'words' });
  const d = rows[0]!.length;
  if (d < 2) throw new ArgumentError(`vectors need at least 2 dimensions to plot, got ${d}`, { key: 'vectors' });
  const k = Math.min(2, rows.length);
  const pca = new PCA({ nComponents: k }).fit(rows);
  return pca.transform(rows).map((p) => ({ x: p[0]!, y: k > 1 ? p[1]! : 0 }));
}

/**
 * Renders labelled points as a standalone SVG scaled to fit, with light axes through the origin.
 * @example renderScatter([{ label: 'king', x: 1, y: 2 }, { label: 'queen', x: 1.2, y: 1.7 }])
 */
export function renderScatter(points: readonly ScatterPoint[], options: ScatterOptions = {}): string {
  const o = resolveOptions(SCHEMA, options, { what: 'scatter' }) as unknown as Required<Omit<ScatterOptions, 'title' | 'colors'>> & ScatterOptions;
  const colors = checkColors(o.colors);
  points.forEach((p, k) => {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new ArgumentError(`point ${k} (${JSON.stringify(p.label)}) has a non-finite coordinate`, { key: `points[${k}]` });
  });
  const { padding: pad, radius } = SCATTER_DEFAULTS;
  const top = o.title ? pad + 10 : pad;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of points) [x0, x1, y0, y1] = [Math.min(x0, p.x), Math.max(x1, p.x), Math.min(y0, p.y), Math.max(y1, p.y)];
  if (!points.length) [x0, x1, y0, y1] = [-1, 1, -1, 1];
  const sx = (v: number): number => pad + ((v - x0) / (x1 - x0 || 1)) * (o.width - 2 * pad - 60);
  const sy = (v: number): number => o.height - pad - ((v - y0) / (y1 - y0 || 1)) * (o.height - pad - top);
  const parts: string[] = [];
  if (o.title) parts.push(`<text x="${num(o.width / 2)}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeHtml(o.title)}</text>`);
  if (x0 < 0 && x1 > 0) parts.push(`<line x1="${num(sx(0))}" y1="${num(top)}" x2="${num(sx(0))}" y2="${num(o.height - pad)}" stroke="#ddd"/>`);
  if (y0 < 0 && y1 > 0) parts.push(`<line x1="${pad}" y1="${num(sy(0))}" x2="${num(o.width - pad - 60)}" y2="${num(sy(0))}" stroke="#ddd"/>`);
  for (const p of points) {
    const fill = p.group === undefined ? '#3b6fd8' : colorOf(p.group, colors);
    const cx = num(sx(p.x));
    const cy = num(sy(p.y));
    parts.push(
      `<g class="tl-point"${p.group === undefined ? '' : ` data-group="${escapeHtml(p.group)}"`}><circle cx="${cx}" cy="${cy}" r="${radius}" fill="${fill}" stroke="#333" stroke-width="0.5"/>` +
        `<text x="${num(sx(p.x) + radius + 3)}" y="${cy}" dominant-baseline="central" font-size="12">${escapeHtml(p.label)}</text></g>`,
    );
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="tl-scatter" width="${num(o.width)}" height="${num(o.height)}" viewBox="0 0 ${num(o.width)} ${num(o.height)}" ` +
    `style="background:#fff;font-family:Arial, sans-serif">${parts.join('')}</svg>`
  );
}
