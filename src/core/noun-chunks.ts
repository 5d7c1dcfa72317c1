/**
 * Base noun phrases from a UD dependency parse: spaCy's English noun-chunk rules
 * (`spacy/lang/en/syntax_iterators.py`) with its ClearNLP labels mapped onto Universal
 * Dependencies.
 *
 * | spaCy (ClearNLP) | UD (textloom) |
 * | --- | --- |
 * | `nsubj`, `nsubjpass` | `nsubj`, `nsubj:pass`, `nsubj:outer` |
 * | `dobj` | `obj` |
 * | `dative` | `iobj` |
 * | `pobj` | `obl`, `obl:agent`, `nmod`, `nmod:desc` (a nominal under a preposition) |
 * | `appos` | `appos` |
 * | `ROOT` | `root` |
 * | `oprd` | `xcomp` |
 * | `attr` | a nominal with a `cop` child (UD makes the predicate nominal the head) |
 * | `conj` | `conj` (a conjunct of a chunk head is a chunk) |
 * | not chunk heads: `poss`, `npadvmod` | `nmod:poss`, `obl:unmarked`, `nmod:unmarked`, `obl:tmod`, `obl:npmod`, `nmod:tmod`, `nmod:npmod` |
 *
 * A chunk is a NOUN, PROPN or PRON with such a label, from the start of its phrase to the word
 * itself (right dependents such as prepositional phrases are left out, as in spaCy). UD attaches
 * clause material to a predicate nominal and `case`/`cc` to the conjunct or nominal, so the phrase
 * starts at the left edge of the word's leftmost nominal-internal left child (`det`, `amod`,
 * `nummod`, `compound`, `nmod`, `flat`, `fixed`, `goeswith`) rather than at the word's left edge,
 * which would take in `of` or `and` (and, for a predicate nominal, its subject, copula and
 * adverbs). Chunks never nest: a word whose phrase
 * starts at or before the previous chunk's end is skipped.
 */
import { headIndex, universalDep, type SyntaxDoc } from './syntax.js';

const NP_HEADS = new Set(['nsubj', 'obj', 'iobj', 'obl', 'nmod', 'appos', 'root', 'xcomp']);
const NOT_NP_SUBTYPES = new Set(['poss', 'unmarked', 'tmod', 'npmod']);
const NP_INTERNAL = new Set(['det', 'amod', 'nummod', 'compound', 'nmod', 'flat', 'fixed', 'goeswith']);

// Label classes, cached per label id for the duration of one call.
const HEAD = 1;
const CONJ = 2;
const COP = 4;
const INTERNAL = 8;

function classify(label: string): number {
  if (!label) return 0;
  const u = universalDep(label);
  const sub = label.length > u.length ? label.slice(u.length + 1) : '';
  let c = 0;
  if (NP_HEADS.has(u) && !NOT_NP_SUBTYPES.has(sub)) c |= HEAD;
  if (u === 'conj') c |= CONJ;
  if (u === 'cop') c |= COP;
  if (NP_INTERNAL.has(u) && !(u === 'compound' && sub === 'prt')) c |= INTERNAL;
  return c;
}

/**
 * Noun chunks of tokens [start, end) of a parsed doc as flat [start, end, ...] token bounds.
 * Tokens need `pos` (NOUN/PROPN/PRON) and `dep`; see the module comment for the rules.
 */
export function nounChunkBounds(doc: SyntaxDoc, start = 0, end = doc.length): number[] {
  const n = doc.length;
  const heads = doc.headColumnOrNull;
  const deps = doc.dep;
  const pos = doc.pos;
  const strings = doc.vocab.strings;
  const ix = doc.syntaxIndex;
  const classes = new Map<number, number>();
  const cls = (i: number): number => {
    const id = deps[i]!;
    let c = classes.get(id);
    if (c === undefined) {
      c = classify(id ? strings.get(id) : '');
      classes.set(id, c);
    }
    return c;
  };
  const nominal = new Set([strings.idOf('NOUN'), strings.idOf('PROPN'), strings.idOf('PRON')]);
  nominal.delete(-1);
  const isNpHead = (i: number): boolean => {
    if (cls(i) & HEAD) return true;
    // spaCy's `attr`: the predicate nominal of a copula.
    for (let c = ix.leftEdge[i]!; c < i; c++) if (headIndex(heads, n, c) === i && cls(c) & COP) return true;
    return false;
  };
  const out: number[] = [];
  let prevEnd = -1;
  for (let i = start; i < end; i++) {
    if (!nominal.has(pos[i]!)) continue;
    let from = i;
    for (let c = ix.leftEdge[i]!; c < i; c++) {
      if (headIndex(heads, n, c) === i && cls(c) & INTERNAL) {
        from = ix.leftEdge[c]!;
        break;
      }
    }
    if (from <= prevEnd || from < start) continue;
    let chunk = isNpHead(i);
    if (!chunk && cls(i) & CONJ) {
      let h = headIndex(heads, n, i);
      for (let steps = 0; steps < n && cls(h) & CONJ && headIndex(heads, n, h) < h; steps++) h = headIndex(heads, n, h);
      chunk = isNpHead(h);
    }
    if (chunk) {
      prevEnd = i;
      out.push(from, i + 1);
    }
  }
  return out;
}
