/**
 * A tiny ANSI colour helper for the demo: styles are applied only when the output is a terminal
 * and the `NO_COLOR` environment variable is unset or empty (https://no-color.org); otherwise
 * every style returns its text unchanged, so piped output is plain.
 */

/** The styles the demo uses, each a function from text to (possibly) styled text. */
export interface Palette {
  /** Whether styles emit ANSI escape codes. */
  readonly enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  /** Section headings. */
  heading(s: string): string;
  /** Part-of-speech tags. */
  tag(s: string): string;
  /** Lemmas. */
  lemma(s: string): string;
  /** Entity labels and matcher keys. */
  label(s: string): string;
  /** Highlighted search terms and matched text. */
  hit(s: string): string;
  /** Numbers worth reading (scores, perplexities, timings). */
  number(s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\x1b[${open}m${s}\x1b[${close}m`;

const STYLED: Palette = Object.freeze({
  enabled: true,
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  heading: (s: string) => `\x1b[1;36m${s}\x1b[0m`,
  tag: wrap(34, 39),
  lemma: wrap(35, 39),
  label: wrap(32, 39),
  hit: (s: string) => `\x1b[1;33m${s}\x1b[0m`,
  number: wrap(33, 39),
});

const id = (s: string) => s;
const PLAIN: Palette = Object.freeze({ enabled: false, bold: id, dim: id, heading: id, tag: id, lemma: id, label: id, hit: id, number: id });

/**
 * The palette for a stream: styled when `stream.isTTY` is true and `env.NO_COLOR` is unset or
 * empty, plain otherwise.
 * @example const c = palette(process.stdout); console.log(c.heading('Tokens'));
 */
export function palette(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>> = process.env): Palette {
  return stream.isTTY === true && !env.NO_COLOR ? STYLED : PLAIN;
}

/** Matches every ANSI escape sequence the palette emits (for width computations). */
const ANSI = /\x1b\[[0-9;]*m/g;

/** Visible length of a possibly styled string. */
export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

/**
 * Joins items with spaces into lines no wider than `width` visible characters, each line
 * starting with `indent` (an item longer than the width gets a line of its own).
 */
export function wrapItems(items: readonly string[], width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  let len = 0;
  for (const item of items) {
    const n = visibleLength(item);
    if (len > 0 && indent.length + len + 1 + n > width) {
      lines.push(indent + line);
      line = '';
      len = 0;
    }
    line += (len > 0 ? ' ' : '') + item;
    len += (len > 0 ? 1 : 0) + n;
  }
  if (len > 0) lines.push(indent + line);
  return lines;
}
