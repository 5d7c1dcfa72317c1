import type { Vocab } from '../../core/vocab.js';
import { Attr, ATTR_DEFS, N_ATTRS } from '../../core/attrs.js';
import { iobCode } from '../../core/iob.js';
import type { NfaProgram } from './nfa.js';
import { compilePredicate, type Predicate } from './predicates.js';
import { Quant, type TokenSpec } from './validate.js';

/** One parsed pattern with the index of its key. */
export interface PatternEntry {
  keyIndex: number;
  specs: TokenSpec[];
}

/** A compiled program plus what the matcher needs to feed it. */
export interface Compiled {
  program: NfaProgram;
  /** Attribute id of each column slot. */
  slotAttr: number[];
  predicates: Predicate[];
}

// Which literal of a pattern's first token to index on: the most selective attribute first.
const INDEX_PRIORITY: readonly number[] = [
  Attr.ORTH, Attr.LOWER, Attr.LEMMA, Attr.SUFFIX, Attr.SHAPE, Attr.TAG, Attr.ENT_TYPE, Attr.POS, Attr.DEP,
  Attr.PREFIX, Attr.LENGTH, Attr.ENT_IOB,
];

function valueId(vocab: Vocab, attr: number, v: string | number | boolean): number {
  const kind = ATTR_DEFS[attr]!.kind;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v >>> 0 === v ? v : 0xffffffff;
  if (kind === 'iob') {
    const k = iobCode(v);
    return k >= 0 ? k : vocab.strings.add(v);
  }
  return vocab.strings.add(v);
}

/**
 * Compiles parsed patterns into one {@link NfaProgram}: every token spec becomes one step per
 * quantifier (`{n,m}` written out), each pattern ends in a FINAL step carrying its key, equal
 * predicates are shared, and patterns whose first step is a required literal are indexed by that
 * literal's value so that only patterns able to start at a token are tried there.
 */
export function compilePatterns(entries: readonly PatternEntry[], vocab: Vocab): Compiled {
  const slotOf = new Int32Array(N_ATTRS).fill(-1);
  const slotAttr: number[] = [];
  const slot = (attr: number): number => {
    if (slotOf[attr]! < 0) {
      slotOf[attr] = slotAttr.length;
      slotAttr.push(attr);
    }
    return slotOf[attr]!;
  };
  const predicates: Predicate[] = [];
  const predByKey = new Map<string, number>();
  const predSlot: number[] = [];

  const quant: number[] = [];
  const checkStart: number[] = [];
  const checkSlot: number[] = [];
  const checkVal: number[] = [];
  const checkMask: number[] = [];
  const predStart: number[] = [];
  const predIdx: number[] = [];
  const stepKey: number[] = [];
  const patternStart: number[] = [];
  const always: number[] = [];
  const index = new Map<number, Map<number, number[]>>();
  const flagGroups = new Map<string, { mask: number; want: number; list: number[] }>();
  const predGroups = new Map<number, number[]>();
  const addIndex = (slotId: number, value: number, p: number) => {
    let byVal = index.get(slotId);
    if (!byVal) index.set(slotId, (byVal = new Map()));
    const list = byVal.get(value);
    if (list) list.push(p);
    else byVal.set(value, [p]);
  };

  entries.forEach((entry, p) => {
    patternStart.push(quant.length);
    let first = true;
    for (const spec of entry.specs) {
      // Flag checks read one bit of the shared flags column; other checks compare whole values.
      const checks = spec.checks.map(([attr, v]) => {
        const flag = ATTR_DEFS[attr]!.flag;
        return flag ? ([slot(Attr.FLAGS), valueId(vocab, attr, v) ? 1 : 0, attr, flag >>> 0] as const) : ([slot(attr), valueId(vocab, attr, v), attr, 0] as const);
      });
      const preds = spec.preds.map((ps) => {
        const pred = compilePredicate(ps, vocab);
        let k = predByKey.get(pred.key);
        if (k === undefined) {
          k = predicates.length;
          predicates.push(pred);
          predSlot.push(pred.attr >= 0 ? slot(pred.attr) : -1);
          predByKey.set(pred.key, k);
        }
        return k;
      });
      for (const q of spec.quants) {
        if (first) {
          first = false;
          // Start selector for a required first token, most selective first: a literal value, the
          // members of an IN set, a flag bit, then any attribute predicate (memoized per value).
          // A pattern is only started where its selector holds; elsewhere it would be rejected.
          const best = q === Quant.ONE ? pickIndexCheck(checks) : undefined;
          const inPred = q === Quant.ONE ? preds.find((k) => predicates[k]!.members !== undefined) : undefined;
          const flag = q === Quant.ONE ? checks.find((c) => c[3] !== 0) : undefined;
          const attrPred = q === Quant.ONE ? preds.find((k) => predSlot[k]! >= 0) : undefined;
          if (best) addIndex(best[0], best[1], p);
          else if (inPred !== undefined) for (const v of predicates[inPred]!.members!) addIndex(predSlot[inPred]!, v, p);
          else if (flag) {
            const key = `${flag[3]}:${flag[1]}`;
            const g = flagGroups.get(key);
            if (g) g.list.push(p);
            else flagGroups.set(key, { mask: flag[3], want: flag[1], list: [p] });
          } else if (attrPred !== undefined) {
            const g = predGroups.get(attrPred);
            if (g) g.push(p);
            else predGroups.set(attrPred, [p]);
          } else always.push(p);
        }
        quant.push(q);
        checkStart.push(checkSlot.length);
        predStart.push(predIdx.length);
        for (const [s, v, , mask] of checks) {
          checkSlot.push(s);
          checkVal.push(v);
          checkMask.push(mask);
        }
        predIdx.push(...preds);
        stepKey.push(entry.keyIndex);
      }
    }
    quant.push(Quant.FINAL);
    checkStart.push(checkSlot.length);
    predStart.push(predIdx.length);
    stepKey.push(entry.keyIndex);
  });
  checkStart.push(checkSlot.length);
  predStart.push(predIdx.length);
  // A sentinel after the last FINAL so `quant[step + 1]` is always readable.
  quant.push(Quant.FINAL);

  const indexSlot = [...index.keys()];
  const program: NfaProgram = {
    quant: Uint8Array.from(quant),
    checkStart: Int32Array.from(checkStart),
    checkSlot: Int32Array.from(checkSlot),
    checkVal: Uint32Array.from(checkVal),
    checkMask: Uint32Array.from(checkMask),
    predStart: Int32Array.from(predStart),
    predIdx: Int32Array.from(predIdx),
    stepKey: Int32Array.from(stepKey),
    patternStart: Int32Array.from(patternStart),
    always: Int32Array.from(always),
    indexSlot: Int32Array.from(indexSlot),
    indexMaps: indexSlot.map((s) => new Map([...index.get(s)!].map(([v, list]) => [v, Int32Array.from(list)]))),
    nPreds: predicates.length,
    predSlot: Int32Array.from(predSlot),
    flagSlot: slotOf[Attr.FLAGS]!,
    flagMask: Uint32Array.from([...flagGroups.values()].map((g) => g.mask)),
    flagWant: Uint8Array.from([...flagGroups.values()].map((g) => g.want)),
    flagLists: [...flagGroups.values()].map((g) => Int32Array.from(g.list)),
    predGroupPred: Int32Array.from(predGroups.keys()),
    predGroupLists: [...predGroups.values()].map((l) => Int32Array.from(l)),
  };
  return { program, slotAttr, predicates };
}

type Check = readonly [slot: number, value: number, attr: number, mask: number];

function pickIndexCheck(checks: readonly Check[]): Check | undefined {
  let best: Check | undefined;
  let bestRank = Infinity;
  for (const c of checks) {
    if (c[3] !== 0) continue;
    const r = INDEX_PRIORITY.indexOf(c[2]);
    const rank = r < 0 ? INDEX_PRIORITY.length : r;
    if (rank < bestRank) {
      best = c;
      bestRank = rank;
    }
  }
  return best;
}
