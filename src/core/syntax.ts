/**
 * Tree walks over a Doc's `head` column (relative offsets; a root points to itself), shared by
 * the Token and Span syntax properties. The per-token counts and edges are computed once per parse
 * in one pass ({@link buildSyntaxIndex}) and cached on the Doc; everything else scans the columns
 * without allocating.
 */
/** The parts of a Doc the walks read (structural, so this file does not import the Doc). */
export interface SyntaxDoc {
  readonly length: number;
  readonly headColumnOrNull: Int32Array | null;
  readonly syntaxIndex: SyntaxIndex;
  readonly dep: Uint32Array;
  readonly pos: Uint32Array;
  readonly sentStart: Int8Array;
  readonly vocab: { readonly strings: { idOf(s: string): number; get(id: number): string } };
}

/** Per-token facts derived from the heads, cached on the Doc until its heads change. */
export interface SyntaxIndex {
  /** Number of children left of each token. */
  nLefts: Uint32Array;
  /** Number of children right of each token. */
  nRights: Uint32Array;
  /** Leftmost token of each token's subtree. */
  leftEdge: Int32Array;
  /** Rightmost token of each token's subtree. */
  rightEdge: Int32Array;
}

/**
 * Absolute head of token `i` read from relative offsets. An offset that leaves the doc is read as
 * a root, so a damaged column can never send a walk out of bounds.
 */
export function headIndex(heads: Int32Array | null, n: number, i: number): number {
  if (!heads) return i;
  const h = i + heads[i]!;
  return h >= 0 && h < n ? h : i;
}

/**
 * Counts children and computes subtree edges for `n` tokens. Each token widens the edges of its
 * ancestors; a walk stops at a root or after `n` steps, so a cycle cannot loop forever.
 */
export function buildSyntaxIndex(heads: Int32Array | null, n: number): SyntaxIndex {
  const out: SyntaxIndex = { nLefts: new Uint32Array(n), nRights: new Uint32Array(n), leftEdge: new Int32Array(n), rightEdge: new Int32Array(n) };
  for (let i = 0; i < n; i++) {
    out.leftEdge[i] = i;
    out.rightEdge[i] = i;
  }
  if (!heads) return out;
  for (let i = 0; i < n; i++) {
    const h = headIndex(heads, n, i);
    if (h === i) continue;
    if (h > i) out.nLefts[h]!++;
    else out.nRights[h]!++;
    let child = i;
    let a = h;
    for (let steps = 0; steps < n && a !== child; steps++) {
      let changed = false;
      if (i < out.leftEdge[a]!) {
        out.leftEdge[a] = i;
        changed = true;
      }
      if (i > out.rightEdge[a]!) {
        out.rightEdge[a] = i;
        changed = true;
      }
      // Ancestors further up already cover i when this one did.
      if (!changed) break;
      child = a;
      a = headIndex(heads, n, a);
    }
  }
  return out;
}

/** Whether token `a` is an ancestor of token `d` (not of itself), walking at most `n` steps. */
export function isAncestorIndex(heads: Int32Array | null, n: number, a: number, d: number): boolean {
  let x = d;
  for (let steps = 0; steps < n; steps++) {
    const h = headIndex(heads, n, x);
    if (h === x) return false;
    if (h === a) return true;
    x = h;
  }
  return false;
}

/** Number of steps from token `i` up to its root (bounded by `n`). */
export function depthIndex(heads: Int32Array | null, n: number, i: number): number {
  let x = i;
  let d = 0;
  for (; d < n; d++) {
    const h = headIndex(heads, n, x);
    if (h === x) break;
    x = h;
  }
  return d;
}

/**
 * spaCy's `Span.root`: a token of [start, end) whose head is itself, else the token with its head
 * outside the span that is closest to the root (the first on ties).
 */
export function spanRootIndex(doc: SyntaxDoc, start: number, end: number): number {
  const heads = doc.headColumnOrNull;
  const n = doc.length;
  for (let i = start; i < end; i++) if (headIndex(heads, n, i) === i) return i;
  let best = start;
  let bestDepth = Infinity;
  for (let i = start; i < end; i++) {
    const h = headIndex(heads, n, i);
    if (h >= start && h < end) continue;
    const d = depthIndex(heads, n, i);
    if (d < bestDepth) {
      bestDepth = d;
      best = i;
    }
  }
  return best;
}

/**
 * Marks sentence starts from the parse as spaCy does after parsing: every token is not a start
 * except the left edge of each root (and token 0). Leaves the Doc's sentences alone when it has
 * no heads.
 */
export function setSentStartsFromHeads(doc: SyntaxDoc): void {
  const heads = doc.headColumnOrNull;
  const n = doc.length;
  if (!heads || n === 0) return;
  const ix = doc.syntaxIndex;
  const ss = doc.sentStart;
  ss.fill(-1, 0, n);
  for (let i = 0; i < n; i++) if (headIndex(heads, n, i) === i) ss[ix.leftEdge[i]!] = 1;
  ss[0] = 1;
}

/** The universal part of a dependency label (before ':'): `nsubj:pass` → `nsubj`. */
export function universalDep(label: string): string {
  const k = label.indexOf(':');
  return k < 0 ? label : label.slice(0, k);
}

/**
 * Indices of the tokens coordinated with token `i` (spaCy's `token.conjuncts`): climb `conj`
 * arcs to the first conjunct, then collect `conj` children to the right, breadth first; `i`
 * itself is left out.
 */
export function conjunctIndices(doc: SyntaxDoc, i: number): number[] {
  const conj = doc.vocab.strings.idOf('conj');
  const out: number[] = [];
  if (conj <= 0) return out;
  const heads = doc.headColumnOrNull;
  const n = doc.length;
  const deps = doc.dep;
  let start = i;
  for (let steps = 0; steps < n; steps++) {
    const h = headIndex(heads, n, start);
    if (h === start || deps[start] !== conj) break;
    start = h;
  }
  const ix = doc.syntaxIndex;
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const w = queue[q]!;
    for (let c = w + 1; c <= ix.rightEdge[w]!; c++) {
      if (deps[c] === conj && headIndex(heads, n, c) === w) queue.push(c);
    }
  }
  for (const w of queue) if (w !== i) out.push(w);
  return out;
}
