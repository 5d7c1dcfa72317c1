/**
 * Label colours. Entity labels textloom produces have fixed pastel colours (chosen for contrast
 * with black text); any other label gets a stable colour from a hash of its name, so the same
 * label looks the same on every page.
 */
import { ArgumentError } from '../core/errors.js';
import { safeColor } from './escape.js';

/** Default background colours per entity label. */
export const LABEL_COLORS: Readonly<Record<string, string>> = Object.freeze({
  PER: '#aa9cfc',
  PERSON: '#aa9cfc',
  ORG: '#7aecec',
  LOC: '#ff9561',
  GPE: '#feca74',
  NORP: '#c887fb',
  FAC: '#9cc9cc',
  PRODUCT: '#bfeeb7',
  EVENT: '#ffeb80',
  WORK_OF_ART: '#f0d0ff',
  LAW: '#ff8197',
  LANGUAGE: '#ff8197',
  DATE: '#bfe1d9',
  TIME: '#bfe1d9',
  MONEY: '#e4e7d2',
  PERCENT: '#e4e7d2',
  QUANTITY: '#e4e7d2',
  CARDINAL: '#e4e7d2',
  ORDINAL: '#e4e7d2',
  EMAIL: '#d9e6f5',
  URL: '#d9e6f5',
  HASHTAG: '#f5d9ec',
  MENTION: '#f5d9ec',
  EMOJI: '#fff3b0',
});

/** A stable pastel colour for a label with no fixed colour (FNV-1a hash of the name to a hue). */
export function hashedColor(label: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return `hsl(${(h >>> 0) % 360}, 70%, 82%)`;
}

/**
 * Checks user colours (label -> CSS colour) once, so that a bad value is an error naming the
 * label instead of broken or injected markup.
 */
export function checkColors(colors: Readonly<Record<string, string>> | undefined, key = 'colors'): Map<string, string> {
  const out = new Map<string, string>();
  if (colors === undefined) return out;
  if (colors === null || typeof colors !== 'object' || Array.isArray(colors)) throw new ArgumentError(`${key} must be an object of label -> CSS colour`, { key });
  for (const label of Object.keys(colors)) {
    const c = colors[label];
    if (typeof c !== 'string' || safeColor(c) === null) {
      throw new ArgumentError(`${key}.${label} is not a CSS colour (use a name, #hex, rgb() or hsl()): ${JSON.stringify(c)}`, { key: `${key}.${label}` });
    }
    out.set(label, c);
  }
  return out;
}

/** The colour of `label`: a user colour, else the fixed one, else a hashed one. */
export function colorOf(label: string, user: ReadonlyMap<string, string>): string {
  return user.get(label) ?? LABEL_COLORS[label] ?? hashedColor(label);
}
