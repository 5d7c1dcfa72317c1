/**
 * Escaping for text and attribute values placed in HTML and SVG. Every string that comes from a
 * document, a label or an option goes through here before it is written into markup.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `& < > " '`, so the result is safe as element text and as a quoted attribute value. */
export function escapeHtml(s: string): string {
  // One pass; the character class cannot backtrack.
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * A CSS colour from an option, or null when it could inject markup or other CSS: named colours,
 * `#rgb`/`#rrggbb(aa)`, and `rgb()/rgba()/hsl()/hsla()` with plain numeric arguments pass.
 */
export function safeColor(c: string): string | null {
  return /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{1,30}|(rgb|rgba|hsl|hsla)\([0-9.,%\s]{1,60}\)|var\(--[a-zA-Z0-9-]{1,40}\))$/.test(c) ? c : null;
}

/** A number formatted for SVG coordinates (at most 2 decimals, no exponent). */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
