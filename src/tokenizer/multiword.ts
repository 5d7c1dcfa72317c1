/**
 * Multiword tokens: which surface tokens stand for several syntactic words (UD's `1-2 del`
 * lines). A listed contraction comes from the language's table (`del` -> `de el`); verb + clitic
 * forms come from its enclitic rules (`darle` -> `dar le`, `trata-se` -> `trata se`). Called once
 * per word type: the tokenizer caches the answer per orth id.
 */
import type { CompiledRules } from './compile.js';
import type { EncliticRules } from './rules.js';
import { isLetterCode } from './scanner.js';

function allLetters(s: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isLetterCode(s.charCodeAt(i))) return false;
  return true;
}

/** `verb` with its stressed ending written plain again (`dár` -> `dar`, `dándo` -> `dando`). */
function verbPart(surface: string, lowerRest: string, e: EncliticRules, sorted: readonly string[]): string | null {
  for (const v of sorted) {
    if (!lowerRest.endsWith(v) || lowerRest.length - v.length < e.minStem) continue;
    if (!allLetters(lowerRest, 0, lowerRest.length - v.length)) return null;
    const plain = e.accents[v];
    const verb = surface.slice(0, lowerRest.length);
    return plain === undefined ? verb : verb.slice(0, verb.length - v.length) + (verb === verb.toUpperCase() ? plain.toUpperCase() : plain);
  }
  return null;
}

const sortedCache = new WeakMap<EncliticRules, { clitics: string[]; endings: string[]; exceptions: Set<string> }>();

function prepared(e: EncliticRules) {
  let p = sortedCache.get(e);
  if (!p) {
    const byLen = (a: string, b: string) => b.length - a.length;
    p = { clitics: [...e.clitics].sort(byLen), endings: [...e.verbEndings].sort(byLen), exceptions: new Set(e.exceptions) };
    sortedCache.set(e, p);
  }
  return p;
}

/** Splits a verb + clitic form per `e`, or null (one or two clitics after the verb). */
export function splitEnclitic(surface: string, e: EncliticRules): string[] | null {
  const lower = surface.toLowerCase();
  const p = prepared(e);
  if (p.exceptions.has(lower)) return null;
  if (e.hyphen) {
    const h = surface.lastIndexOf('-');
    if (h < e.minStem || h === surface.length - 1) return null;
    const clitic = lower.slice(h + 1);
    if (!p.clitics.includes(clitic) || !allLetters(surface, 0, h)) return null;
    return [surface.slice(0, h), surface.slice(h + 1)];
  }
  if (!allLetters(surface, 0, surface.length)) return null;
  for (const c2 of p.clitics) {
    if (!lower.endsWith(c2) || lower.length <= c2.length) continue;
    const rest = lower.slice(0, lower.length - c2.length);
    const last = surface.slice(rest.length);
    const verb = verbPart(surface, rest, e, p.endings);
    if (verb !== null) return [verb, last];
    // Two clitics: "dárselo" -> "dar se lo".
    for (const c1 of p.clitics) {
      if (!rest.endsWith(c1) || rest.length <= c1.length) continue;
      const rest1 = rest.slice(0, rest.length - c1.length);
      const v = verbPart(surface, rest1, e, p.endings);
      if (v !== null) return [v, surface.slice(rest1.length, rest.length), last];
    }
    return null;
  }
  return null;
}

/** The words of surface token `surface`, or null when it is one word. */
export function multiwordSplit(surface: string, R: CompiledRules): readonly string[] | null {
  const listed = R.multiwordTokens.get(surface);
  if (listed) return listed;
  return R.enclitics !== null && surface.length > 3 ? splitEnclitic(surface, R.enclitics) : null;
}
