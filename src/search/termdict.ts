/**
 * The term dictionary of one field: term string <-> dense term id, plus a sorted view for prefix
 * and fuzzy look-ups. The sorted view is rebuilt lazily after new terms arrive; loaded
 * dictionaries are already sorted, so loading sorts nothing.
 *
 * Fuzzy matching walks the sorted terms as a trie: Levenshtein DP rows are shared along the common
 * prefix of neighbouring terms, and once a row's minimum exceeds the edit budget every term with
 * that prefix is skipped by binary search, so the walk never visits most of the dictionary.
 */
export class TermDict {
  private readonly ids = new Map<string, number>();
  /** Term strings by id. */
  readonly terms: string[] = stringArray();
  private sorted: Int32Array | null = null;

  /** Number of terms. */
  get size(): number {
    return this.terms.length;
  }

  /** The id of `term`, adding it if new. */
  add(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      this.sorted = null;
    }
    return id;
  }

  /** The id of `term`, or -1. */
  get(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? -1 : id;
  }

  /** Term ids in lexicographic (UTF-16 code unit) order of their strings. */
  sortedIds(): Int32Array {
    if (!this.sorted) {
      const n = this.terms.length;
      const ids = new Int32Array(n);
      let inOrder = true;
      for (let i = 0; i < n; i++) {
        ids[i] = i;
        if (i > 0 && this.terms[i - 1]! >= this.terms[i]!) inOrder = false;
      }
      if (!inOrder) {
        const t = this.terms;
        const arr = Array.from(ids);
        arr.sort((a, b) => (t[a]! < t[b]! ? -1 : t[a]! > t[b]! ? 1 : 0));
        ids.set(arr);
      }
      this.sorted = ids;
    }
    return this.sorted;
  }

  /** First index in the sorted view whose term is >= `s`. */
  lowerBound(s: string): number {
    const ids = this.sortedIds();
    let lo = 0;
    let hi = ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.terms[ids[mid]!]! < s) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index range [from, to) of the sorted view holding the terms that start with `prefix`. */
  prefixRange(prefix: string): [number, number] {
    const from = this.lowerBound(prefix);
    return [from, prefix ? this.lowerBound(prefix + '\uffff') : this.size];
  }

  /** Ids of the terms starting with `prefix`, in sorted order. */
  withPrefix(prefix: string): number[] {
    const [from, to] = this.prefixRange(prefix);
    return Array.from(this.sortedIds().subarray(from, to));
  }

  /**
   * Terms within `maxEdits` edits (insert, delete, substitute, transpose adjacent) of `term`, sharing its
   * first `prefixLength` characters. Returns `[termId, distance]` pairs in sorted term order.
   */
  fuzzy(term: string, maxEdits: number, prefixLength = 0): [number, number][] {
    const out: [number, number][] = [];
    const ids = this.sortedIds();
    const fixed = term.slice(0, prefixLength);
    let [i, end] = this.prefixRange(fixed);
    const m = term.length;
    // rows[d] = DP row after consuming d chars of the candidate.
    const rows: Int32Array[] = [];
    const row0 = new Int32Array(m + 1);
    for (let j = 0; j <= m; j++) row0[j] = j;
    rows.push(row0);
    let prev = '';
    while (i < end) {
      const cand = this.terms[ids[i]!]!;
      let lcp = 0;
      const lim = Math.min(prev.length, cand.length);
      while (lcp < lim && prev.charCodeAt(lcp) === cand.charCodeAt(lcp)) lcp++;
      let d = lcp;
      let pruned = -1;
      for (; d < cand.length; d++) {
        const c = cand.charCodeAt(d);
        const up = rows[d]!;
        let row = rows[d + 1];
        if (!row) rows.push((row = new Int32Array(m + 1)));
        row[0] = d + 1;
        let min = row[0];
        for (let j = 1; j <= m; j++) {
          const sub = up[j - 1]! + (term.charCodeAt(j - 1) === c ? 0 : 1);
          const del = up[j]! + 1;
          const ins = row[j - 1]! + 1;
          let v = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
          // Adjacent transposition counts as one edit (Damerau, optimal string alignment).
          if (d > 0 && j > 1 && c === term.charCodeAt(j - 2) && cand.charCodeAt(d - 1) === term.charCodeAt(j - 1)) {
            const t = rows[d - 1]![j - 2]! + 1;
            if (t < v) v = t;
          }
          row[j] = v;
          if (v < min) min = v;
        }
        if (min > maxEdits) {
          pruned = d + 1;
          break;
        }
      }
      if (pruned >= 0) {
        // No extension of cand[0..pruned) can come back within budget: skip them all.
        const p = cand.slice(0, pruned);
        prev = p;
        i = this.lowerBound(p + '\uffff');
        continue;
      }
      const dist = rows[cand.length]![m]!;
      if (dist <= maxEdits) out.push([ids[i]!, dist]);
      prev = cand;
      i++;
    }
    return out;
  }
}

// An empty array already of the elements kind strings need: a plain `[]` starts as small
// integers and changes kind on the first push, which discards code V8 optimised for the other kind.
function stringArray(): string[] {
  const a = [''];
  a.length = 0;
  return a;
}
