/**
 * The Matcher's hot loop: spaCy's pattern state machine (`find_matches` / `transition_states` /
 * `finish_states` in matcher.pyx) over flat typed arrays. Inputs are id columns, outputs are
 * (key, start, length) triples; no strings and no per-token objects.
 */

/** Quantifier codes (same numbering as `Quant` in validate.ts). */
const ONE = 0;
const ZERO = 1;
const ZERO_ONE = 2;
const ZERO_PLUS = 3;
const FINAL = 4;

/** Actions, named after spaCy's: which of match / advance / retry / extend to do. */
const REJECT = 0;
const MATCH = 1;
const ADVANCE = 2;
const RETRY = 3;
const MATCH_EXTEND = 4;
const RETRY_ADVANCE = 5;
const RETRY_EXTEND = 6;
const MATCH_REJECT = 7;
const MATCH_DOUBLE = 8;

/**
 * A compiled set of token patterns. Steps of all patterns are laid out end to end; each pattern
 * ends in a FINAL step. Per step, literal checks are CSR rows of (column slot, value) and
 * predicates are CSR rows of predicate indices.
 */
export interface NfaProgram {
  quant: Uint8Array;
  checkStart: Int32Array;
  checkSlot: Int32Array;
  checkVal: Uint32Array;
  /** Non-zero: the check tests this bit of the slot's value (flags) against checkVal 0/1. */
  checkMask: Uint32Array;
  predStart: Int32Array;
  predIdx: Int32Array;
  /** Key index of the pattern each step belongs to. */
  stepKey: Int32Array;
  /** First step of each pattern. */
  patternStart: Int32Array;
  /** Patterns that may start at any token (first step optional, negated or without literals). */
  always: Int32Array;
  /** First-token index: for slot `indexSlot[j]`, value -> patterns whose first step requires it. */
  indexSlot: Int32Array;
  indexMaps: Map<number, Int32Array>[];
  nPreds: number;
  /** Column slot each predicate reads, or -1 for extension predicates (evaluated per token). */
  predSlot: Int32Array;
}

/**
 * Predicate results memoized per attribute value: `tables[p][v]` is 1 (true), -1 (false) or 0
 * (not yet known). `fill(p, v)` evaluates predicate p on value v, stores and returns the result.
 */
export interface PredicateMemo {
  tables: Int8Array[];
  fill(p: number, v: number): boolean;
}

/** Reusable buffers for {@link runNfa}; grows as needed. */
export class NfaScratch {
  stStep: Int32Array<ArrayBuffer> = new Int32Array(256);
  stStart: Int32Array<ArrayBuffer> = new Int32Array(256);
  stLen: Int32Array<ArrayBuffer> = new Int32Array(256);
  nwStep: Int32Array<ArrayBuffer> = new Int32Array(256);
  nwStart: Int32Array<ArrayBuffer> = new Int32Array(256);
  nwLen: Int32Array<ArrayBuffer> = new Int32Array(256);
  /** Matches as (key, start, length) triples; `runNfa` returns how many. */
  matches: Int32Array<ArrayBuffer> = new Int32Array(768);
  predCache = new Int8Array(0);
}

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * Runs every pattern over tokens 0..n-1. `cols[slot][i]` holds the value of each attribute slot
 * for token i; `evalPred(p, i)` evaluates predicate p on token i (called at most once per pair).
 * Returns the number of (key, start, length) triples written to `scratch.matches`, zero-length
 * matches excluded, duplicates possible (the caller dedupes).
 */
export function runNfa(prog: NfaProgram, cols: Uint32Array[], n: number, memo: PredicateMemo, evalToken: (p: number, i: number) => boolean, s: NfaScratch): number {
  const { quant, checkStart, checkSlot, checkVal, checkMask, predStart, predIdx, predSlot, stepKey, patternStart, always, indexSlot, indexMaps, nPreds } = prog;
  const tables = memo.tables;
  let tokenPreds = false;
  for (let p = 0; p < nPreds; p++) if (predSlot[p]! < 0) tokenPreds = true;
  if (tokenPreds) {
    if (s.predCache.length < n * nPreds) s.predCache = new Int8Array(n * nPreds);
    else s.predCache.fill(0, 0, n * nPreds);
  }
  const cache = s.predCache;
  let nStates = 0;
  let nMatches = 0;
  const nIndex = indexSlot.length;

  const isMatch = (step: number, i: number): boolean => {
    for (let c = checkStart[step]!, e = checkStart[step + 1]!; c < e; c++) {
      const v = cols[checkSlot[c]!]![i]!;
      const mask = checkMask[c]!;
      if (mask === 0 ? v !== checkVal[c] : ((v & mask) !== 0 ? 1 : 0) !== checkVal[c]) return false;
    }
    for (let c = predStart[step]!, e = predStart[step + 1]!; c < e; c++) {
      const p = predIdx[c]!;
      const slot = predSlot[p]!;
      if (slot >= 0) {
        const v = cols[slot]![i]!;
        const t = tables[p]!;
        const r = v < t.length ? t[v]! : 0;
        if (r < 0 || (r === 0 && !memo.fill(p, v))) return false;
      } else {
        const at = i * nPreds + p;
        let r = cache[at]!;
        if (r === 0) r = cache[at] = evalToken(p, i) ? 1 : -1;
        if (r < 0) return false;
      }
    }
    return true;
  };

  const action = (step: number, i: number): number => {
    let m = isMatch(step, i);
    let q = quant[step]!;
    const fin = quant[step + 1] === FINAL;
    if (q === ZERO) {
      m = !m;
      q = ONE;
    }
    if (q === ONE) return m ? (fin ? MATCH : ADVANCE) : REJECT;
    if (q === ZERO_PLUS) return m ? (fin ? MATCH_EXTEND : RETRY_EXTEND) : fin ? MATCH_REJECT : RETRY;
    return m ? (fin ? MATCH_DOUBLE : RETRY_ADVANCE) : fin ? MATCH_REJECT : RETRY;
  };

  const emit = (key: number, start: number, len: number): void => {
    if (len <= 0) return;
    const at = nMatches * 3;
    if (at + 3 > s.matches.length) s.matches = grow(s.matches, at + 3);
    s.matches[at] = key;
    s.matches[at + 1] = start;
    s.matches[at + 2] = len;
    nMatches++;
  };

  const pushStart = (list: Int32Array, i: number, filter: boolean): void => {
    const need = nStates + list.length;
    if (need > s.stStep.length) {
      s.stStep = grow(s.stStep, need);
      s.stStart = grow(s.stStart, need);
      s.stLen = grow(s.stLen, need);
    }
    for (let k = 0; k < list.length; k++) {
      const step = patternStart[list[k]!]!;
      // A required first token that fails here would be rejected at once: skip the state.
      if (filter && quant[step] === ONE && !isMatch(step, i)) continue;
      s.stStep[nStates] = step;
      s.stStart[nStates] = i;
      s.stLen[nStates] = 0;
      nStates++;
    }
  };

  for (let i = 0; i < n; i++) {
    // Start states: only patterns whose first token can match here (see compile.ts).
    if (always.length) pushStart(always, i, true);
    for (let j = 0; j < nIndex; j++) {
      const list = indexMaps[j]!.get(cols[indexSlot[j]!]![i]!);
      if (list !== undefined) pushStart(list, i, false);
    }
    if (nStates === 0) continue;
    let stStep = s.stStep;
    let stStart = s.stStart;
    let stLen = s.stLen;
    let nNew = 0;
    let q = 0;
    for (let k = 0; k < nStates; k++) {
      let step = stStep[k]!;
      const start = stStart[k]!;
      const len = stLen[k]!;
      let act = action(step, i);
      if (act === REJECT) continue;
      while (act === RETRY || act === RETRY_ADVANCE || act === RETRY_EXTEND) {
        if (act !== RETRY) {
          if (nNew + 1 > s.nwStep.length) {
            s.nwStep = grow(s.nwStep, nNew + 1);
            s.nwStart = grow(s.nwStart, nNew + 1);
            s.nwLen = grow(s.nwLen, nNew + 1);
          }
          s.nwStep[nNew] = act === RETRY_EXTEND ? step : step + 1;
          s.nwStart[nNew] = start;
          s.nwLen[nNew] = len + 1;
          nNew++;
        }
        step++;
        act = action(step, i);
      }
      switch (act) {
        case REJECT:
          break;
        case ADVANCE:
          stStep[q] = step + 1;
          stStart[q] = start;
          stLen[q] = len + 1;
          q++;
          break;
        case MATCH:
          emit(stepKey[step]!, start, len + 1);
          break;
        case MATCH_DOUBLE:
          emit(stepKey[step]!, start, len);
          emit(stepKey[step]!, start, len + 1);
          break;
        case MATCH_REJECT:
          emit(stepKey[step]!, start, len);
          break;
        case MATCH_EXTEND:
          emit(stepKey[step]!, start, len);
          stStep[q] = step;
          stStart[q] = start;
          stLen[q] = len + 1;
          q++;
          break;
      }
    }
    nStates = q;
    if (nNew > 0) {
      const need = nStates + nNew;
      if (need > s.stStep.length) {
        s.stStep = stStep = grow(stStep, need);
        s.stStart = stStart = grow(stStart, need);
        s.stLen = stLen = grow(stLen, need);
      }
      stStep.set(s.nwStep.subarray(0, nNew), nStates);
      stStart.set(s.nwStart.subarray(0, nNew), nStates);
      stLen.set(s.nwLen.subarray(0, nNew), nStates);
      nStates = need;
    }
  }
  // States still open at the end: those sitting on optional steps that lead to FINAL match.
  for (let k = 0; k < nStates; k++) {
    let step = s.stStep[k]!;
    while (quant[step] === ZERO_PLUS || quant[step] === ZERO_ONE) {
      if (quant[step + 1] === FINAL) {
        emit(stepKey[step]!, s.stStart[k]!, s.stLen[k]!);
        break;
      }
      step++;
    }
  }
  return nMatches;
}
