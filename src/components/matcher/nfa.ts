/**
 * The Matcher's hot loop: spaCy's pattern state machine (`find_matches` / `transition_states` /
 * `finish_states` in matcher.pyx) over flat typed arrays. Inputs are id columns, outputs are
 * (key, start, length) triples; no strings and no per-token objects.
 */
import { grow } from '../../util/typed.js';

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
  /** Slot of the flags column (-1 if unused) and the flag-bit start groups: (mask, want) -> patterns. */
  flagSlot: number;
  flagMask: Uint32Array;
  flagWant: Uint8Array;
  flagLists: Int32Array[];
  /** Predicate start groups: patterns started where predicate `predGroupPred[g]` holds. */
  predGroupPred: Int32Array;
  predGroupLists: Int32Array[];
}

/**
 * Predicate results memoized per attribute value: `tables[p][v]` is 1 (true), -1 (false) or 0
 * (not yet known). `fill(p, v)` evaluates predicate p on value v, stores and returns the result.
 */
export interface PredicateMemo {
  tables: Int8Array[];
  fill(p: number, v: number): boolean;
}

/**
 * Runs a compiled program over id columns. One instance per matcher; its state buffers are reused
 * across calls. Fields hold the per-run inputs so the hot methods take only integers.
 */
export class NfaKernel {
  private stStep: Int32Array<ArrayBuffer> = new Int32Array(256);
  private stStart: Int32Array<ArrayBuffer> = new Int32Array(256);
  private stLen: Int32Array<ArrayBuffer> = new Int32Array(256);
  private nwStep: Int32Array<ArrayBuffer> = new Int32Array(256);
  private nwStart: Int32Array<ArrayBuffer> = new Int32Array(256);
  private nwLen: Int32Array<ArrayBuffer> = new Int32Array(256);
  /** Matches as (key, start, length) triples; {@link NfaKernel.run} returns how many. */
  matches: Int32Array<ArrayBuffer> = new Int32Array(768);
  private nMatches = 0;
  private nStates = 0;
  private predCache = new Int8Array(0);
  private cols: Uint32Array[] = [];
  private memo: PredicateMemo = { tables: [], fill: () => false };
  private evalToken: (p: number, i: number) => boolean = () => false;
  private readonly tokenPreds: boolean;
  // Dedupe table for states, keyed by (step, start); `stamp` marks slots used in this generation.
  private hStep = new Int32Array(64);
  private hStart = new Int32Array(64);
  private hStamp = new Int32Array(64);
  private gen = 0;

  constructor(private readonly prog: NfaProgram) {
    this.tokenPreds = prog.predSlot.some((s) => s < 0);
  }

  /** Predicate p on token i, through the per-value memo (attribute predicates only). */
  private predHolds(p: number, i: number): boolean {
    const v = this.cols[this.prog.predSlot[p]!]![i]!;
    const t = this.memo.tables[p]!;
    const r = v < t.length ? t[v]! : 0;
    return r > 0 || (r === 0 && this.memo.fill(p, v));
  }

  /** Whether step `step`'s checks and predicates hold for token i. */
  private isMatch(step: number, i: number): boolean {
    const prog = this.prog;
    const checkStart = prog.checkStart;
    const cols = this.cols;
    for (let c = checkStart[step]!, e = checkStart[step + 1]!; c < e; c++) {
      const v = cols[prog.checkSlot[c]!]![i]!;
      const mask = prog.checkMask[c]!;
      if (mask === 0 ? v !== prog.checkVal[c] : ((v & mask) !== 0 ? 1 : 0) !== prog.checkVal[c]) return false;
    }
    const predStart = prog.predStart;
    for (let c = predStart[step]!, e = predStart[step + 1]!; c < e; c++) {
      const p = prog.predIdx[c]!;
      const slot = prog.predSlot[p]!;
      if (slot >= 0) {
        const v = cols[slot]![i]!;
        const t = this.memo.tables[p]!;
        const r = v < t.length ? t[v]! : 0;
        if (r < 0 || (r === 0 && !this.memo.fill(p, v))) return false;
      } else {
        const at = i * prog.nPreds + p;
        let r = this.predCache[at]!;
        if (r === 0) r = this.predCache[at] = this.evalToken(p, i) ? 1 : -1;
        if (r < 0) return false;
      }
    }
    return true;
  }

  /** spaCy's `get_action`: what to do with a state at `step` on token i. */
  private action(step: number, i: number): number {
    const quant = this.prog.quant;
    let m = this.isMatch(step, i);
    let q = quant[step]!;
    const fin = quant[step + 1] === FINAL;
    if (q === ZERO) {
      m = !m;
      q = ONE;
    }
    if (q === ONE) return m ? (fin ? MATCH : ADVANCE) : REJECT;
    if (q === ZERO_PLUS) return m ? (fin ? MATCH_EXTEND : RETRY_EXTEND) : fin ? MATCH_REJECT : RETRY;
    return m ? (fin ? MATCH_DOUBLE : RETRY_ADVANCE) : fin ? MATCH_REJECT : RETRY;
  }

  private emit(key: number, start: number, len: number): void {
    if (len <= 0) return;
    const at = this.nMatches * 3;
    if (at + 3 > this.matches.length) this.matches = grow(this.matches, at + 3);
    this.matches[at] = key;
    this.matches[at + 1] = start;
    this.matches[at + 2] = len;
    this.nMatches++;
  }

  private pushStart(list: Int32Array, i: number, filter: boolean): void {
    const need = this.nStates + list.length;
    if (need > this.stStep.length) {
      this.stStep = grow(this.stStep, need);
      this.stStart = grow(this.stStart, need);
      this.stLen = grow(this.stLen, need);
    }
    const patternStart = this.prog.patternStart;
    const quant = this.prog.quant;
    let n = this.nStates;
    for (let k = 0; k < list.length; k++) {
      const step = patternStart[list[k]!]!;
      // A required first token that fails here would be rejected at once: skip the state.
      if (filter && quant[step] === ONE && !this.isMatch(step, i)) continue;
      this.stStep[n] = step;
      this.stStart[n] = i;
      this.stLen[n] = 0;
      n++;
    }
    this.nStates = n;
  }

  private pushNew(nNew: number, step: number, start: number, len: number): void {
    if (nNew + 1 > this.nwStep.length) {
      this.nwStep = grow(this.nwStep, nNew + 1);
      this.nwStart = grow(this.nwStart, nNew + 1);
      this.nwLen = grow(this.nwLen, nNew + 1);
    }
    this.nwStep[nNew] = step;
    this.nwStart[nNew] = start;
    this.nwLen[nNew] = len;
  }

  /**
   * Drops duplicate states. Optional steps can reach the same step from the same start along
   * different paths (`?` `?` on one token); every live state at a token has length
   * `token - start + 1`, so (step, start) identifies it, and keeping one copy changes no match.
   * spaCy keeps the copies, which can grow exponentially with the number of optional steps.
   */
  private dedupe(count: number): number {
    let size = this.hStamp.length;
    if (size < count * 2) {
      while (size < count * 2) size *= 2;
      this.hStep = new Int32Array(size);
      this.hStart = new Int32Array(size);
      this.hStamp = new Int32Array(size);
      this.gen = 0;
    }
    const gen = ++this.gen;
    const mask = size - 1;
    const { stStep, stStart, stLen, hStep, hStart, hStamp } = this;
    let w = 0;
    for (let k = 0; k < count; k++) {
      const step = stStep[k]!;
      const start = stStart[k]!;
      let h = (Math.imul(step, 0x9e3779b1) ^ Math.imul(start, 0x85ebca6b)) & mask;
      let dup = false;
      while (hStamp[h] === gen) {
        if (hStep[h] === step && hStart[h] === start) {
          dup = true;
          break;
        }
        h = (h + 1) & mask;
      }
      if (dup) continue;
      hStamp[h] = gen;
      hStep[h] = step;
      hStart[h] = start;
      stStep[w] = step;
      stStart[w] = start;
      stLen[w] = stLen[k]!;
      w++;
    }
    return w;
  }

  /**
   * Runs every pattern over tokens 0..n-1. `cols[slot][i]` holds each attribute slot's value for
   * token i; attribute predicates read `memo`, extension predicates call `evalToken(p, i)` (at most
   * once per pair). Returns the number of (key, start, length) triples written to `matches`,
   * zero-length matches excluded, duplicates possible (the caller dedupes).
   */
  run(cols: Uint32Array[], n: number, memo: PredicateMemo, evalToken: (p: number, i: number) => boolean): number {
    const prog = this.prog;
    const { quant, stepKey, always, indexSlot, indexMaps, nPreds, flagSlot, flagMask, flagWant, flagLists, predGroupPred, predGroupLists } = prog;
    this.cols = cols;
    this.memo = memo;
    this.evalToken = evalToken;
    if (this.tokenPreds) {
      if (this.predCache.length < n * nPreds) this.predCache = new Int8Array(n * nPreds);
      else this.predCache.fill(0, 0, n * nPreds);
    }
    this.nStates = 0;
    this.nMatches = 0;
    const nIndex = indexSlot.length;
    const hasAlways = always.length > 0;
    const nFlag = flagMask.length;
    const nPredGroups = predGroupPred.length;

    for (let i = 0; i < n; i++) {
      // Start states: only patterns whose first token can match here (see compile.ts).
      if (hasAlways) this.pushStart(always, i, true);
      for (let j = 0; j < nIndex; j++) {
        const list = indexMaps[j]!.get(cols[indexSlot[j]!]![i]!);
        if (list !== undefined) this.pushStart(list, i, false);
      }
      if (nFlag > 0) {
        const f = cols[flagSlot]![i]!;
        for (let g = 0; g < nFlag; g++) if (((f & flagMask[g]!) !== 0 ? 1 : 0) === flagWant[g]) this.pushStart(flagLists[g]!, i, false);
      }
      for (let g = 0; g < nPredGroups; g++) if (this.predHolds(predGroupPred[g]!, i)) this.pushStart(predGroupLists[g]!, i, false);
      const nStates = this.nStates;
      if (nStates === 0) continue;
      const stStep = this.stStep;
      const stStart = this.stStart;
      const stLen = this.stLen;
      let nNew = 0;
      let q = 0;
      for (let k = 0; k < nStates; k++) {
        let step = stStep[k]!;
        const start = stStart[k]!;
        const len = stLen[k]!;
        let act = this.action(step, i);
        if (act === REJECT) continue;
        while (act === RETRY || act === RETRY_ADVANCE || act === RETRY_EXTEND) {
          if (act !== RETRY) this.pushNew(nNew++, act === RETRY_EXTEND ? step : step + 1, start, len + 1);
          step++;
          act = this.action(step, i);
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
            this.emit(stepKey[step]!, start, len + 1);
            break;
          case MATCH_DOUBLE:
            this.emit(stepKey[step]!, start, len);
            this.emit(stepKey[step]!, start, len + 1);
            break;
          case MATCH_REJECT:
            this.emit(stepKey[step]!, start, len);
            break;
          case MATCH_EXTEND:
            this.emit(stepKey[step]!, start, len);
            stStep[q] = step;
            stStart[q] = start;
            stLen[q] = len + 1;
            q++;
            break;
        }
      }
      this.nStates = q;
      if (nNew > 0) {
        const need = q + nNew;
        if (need > this.stStep.length) {
          this.stStep = grow(this.stStep, need);
          this.stStart = grow(this.stStart, need);
          this.stLen = grow(this.stLen, need);
        }
        this.stStep.set(this.nwStep.subarray(0, nNew), q);
        this.stStart.set(this.nwStart.subarray(0, nNew), q);
        this.stLen.set(this.nwLen.subarray(0, nNew), q);
        this.nStates = this.dedupe(need);
      }
    }
    // States still open at the end: those sitting on optional steps that lead to FINAL match.
    for (let k = 0; k < this.nStates; k++) {
      let step = this.stStep[k]!;
      while (quant[step] === ZERO_PLUS || quant[step] === ZERO_ONE) {
        if (quant[step + 1] === FINAL) {
          this.emit(stepKey[step]!, this.stStart[k]!, this.stLen[k]!);
          break;
        }
        step++;
      }
    }
    this.cols = [];
    return this.nMatches;
  }
}
