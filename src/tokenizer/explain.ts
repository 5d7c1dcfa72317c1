import type { CompiledRules } from './compile.js';
import { isSpaceCode, spacedNumberJoin } from './scanner.js';
import { Pieces, Rule, RULE_NAMES, splitChunk } from './split.js';

/**
 * spaCy's `tokenizer.explain`: runs the same per-chunk algorithm as the tokenizer and names the
 * rule behind every token. Whitespace is skipped.
 * @example explainText("Let's go!", rules) // [['SPECIAL-1','Let'],['SPECIAL-2',"'s"],['TOKEN','go'],['SUFFIX','!']]
 */
export function explainText(text: string, rules: CompiledRules): [string, string][] {
  const out: [string, string][] = [];
  const pieces = new Pieces();
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    // As the tokenizer: a space joining digit groups (`80 000`) stays inside the chunk when the rules say so.
    while (i < n && (!isSpaceCode(text.charCodeAt(i)) || (rules.spacedNumbers && spacedNumberJoin(text, start, i)))) i++;
    let j = i;
    while (j < n && isSpaceCode(text.charCodeAt(j))) j++;
    const s = text.slice(start, i);
    splitChunk(s, rules, j === n, pieces);
    for (let k = 0; k < pieces.n; k++) {
      const r = pieces.rule[k]!;
      const name = r >= Rule.SPECIAL ? `SPECIAL-${r - Rule.SPECIAL + 1}` : RULE_NAMES[r]!;
      const a = pieces.start[k]!;
      out.push([name, s.slice(a, a + pieces.len[k]!)]);
    }
  }
  return out;
}
