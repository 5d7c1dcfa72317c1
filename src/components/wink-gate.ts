/**
 * Where wink-nlp's entity rules can fire in a text, found without wink's tokenizer, so that wink
 * runs only over those stretches (its tokenizer is most of its cost) with output equal to a run
 * over the whole text.
 *
 * Why it is exact. wink splits text at spaces and `[\n\r\t]+` runs and tokenizes each chunk on its
 * own; its entity rules are three automata run one after the other over the tokens' ids. A token
 * whose id no automaton has a transition for (a "breaker") sends every automaton back to its root,
 * so no match spans one and each stretch between breakers is recognised independently of the rest.
 * For the common chunks (ASCII letters, optionally with one trailing `, . ; : ! ? ) " ] } /`) the
 * ids are computed here exactly as wink computes them, from the same lexicon; every other chunk
 * counts as "unknown". The automata (wink's own code and rule files) then run here over the known
 * ids: a stretch between breakers is sent to wink when it holds an unknown chunk or a match, and
 * skipped otherwise. The sent stretches, whole chunks each, are joined with a breaker word.
 */
import { createRequire } from 'node:module';

interface Automaton {
  importJSON(json: string): void;
  setPatternSwap(patterns: unknown): void;
  recognize(tokens: ArrayLike<number>, transform?: unknown, param?: unknown): [number, number, unknown][];
}

interface WinkCache {
  lookup(text: string): number[] | null;
  normal(index: number): number;
  nox(binaryWord: number): number;
  mappedSpelling(index: number): number;
}

/** The ids wink's automata read for one chunk's tokens, and which of them are breakers. */
interface ChunkIds {
  /** Normal-form ids (what the automata compare with the newline key). */
  raw: Int32Array;
  /** The ids after the first automaton's token transformer. */
  t1: Int32Array;
  /** 1 where the token is a breaker. */
  brk: Uint8Array;
}

interface Gate {
  cache: WinkCache;
  machines: Automaton[];
  events: Set<string>[];
  keyLF: number;
  transform0: (token: number, cache: WinkCache) => number;
  punct: Map<number, number>;
  memo: Map<string, ChunkIds | null>;
  sep: string;
}

/** Chunks remembered before the memo is cleared (the ids of a chunk never change). */
const MEMO_LIMIT = 200_000;
/** wink's constants: bit offset of an expansion pointer in a token's second word. */
const BITS4_PRECEDING_SPACE = 16;
/** Sent stretches covering more than this share of the text: wink reads the whole text instead. */
const WHOLE_TEXT_SHARE = 0.7;

let gate: Gate | undefined;

function loadGate(): Gate {
  if (gate) return gate;
  const require = createRequire(import.meta.url);
  const model = require('wink-eng-lite-web-model');
  const makeCache = require('wink-nlp/src/cache.js') as (core: unknown, featureFn: unknown) => WinkCache;
  const makeFsm = require('wink-nlp/src/automaton.js') as (cache: WinkCache) => Automaton;
  const cache = makeCache(model.core(), model.featureFn);
  const ner = model.ner() as { machines: string[]; transformers: (((t: number, c: WinkCache) => number) | undefined)[] };
  const machines: Automaton[] = [];
  const events: Set<string>[] = [];
  for (const json of ner.machines) {
    const m = makeFsm(cache);
    m.importJSON(json);
    machines.push(m);
    const fsm = JSON.parse(json)[2] as Record<string, Record<string, number>>;
    const ev = new Set<string>();
    for (const state of Object.values(fsm)) for (const k of Object.keys(state)) ev.add(k);
    events.push(ev);
  }
  const keyLF = cache.lookup('\n')![0]!;
  const g: Gate = { cache, machines, events, keyLF, transform0: ner.transformers[0]!, punct: new Map(), memo: new Map(), sep: '' };
  // The separator between sent stretches: a lexicon word that is a breaker.
  for (const w of ['whereupon', 'thereby', 'notwithstanding', 'meanwhile']) {
    const ids = chunkIds(g, w, 0);
    if (ids && ids.raw.length === 1 && ids.brk[0] === 1) {
      g.sep = w;
      break;
    }
  }
  if (!g.sep) throw new Error('wink-gate: no breaker word found in the wink-nlp lexicon');
  gate = g;
  return g;
}

/** Whether wink's automata can never move on this token (otherwise-transitions excluded). */
function isBreaker(g: Gate, raw: number, t1: number): boolean {
  if (raw === g.keyLF) return false;
  const [e1, e2, e3] = g.events as [Set<string>, Set<string>, Set<string>];
  return !e1.has(String(t1)) && !e2.has(String(raw)) && !e3.has(String(raw)) && raw !== 2070003 && t1 !== 2070003;
}

/** The id wink's `cache.add` gives a letters-only text (then `normal`), or -1 when it is a new id. */
function addedNormal(g: Gate, text: string): number | null {
  const hit = g.cache.lookup(text);
  if (hit) return hit.length === 1 ? g.cache.normal(hit[0]!) : null; // a contraction: its raw index is not exposed
  const lower = text.toLowerCase();
  if (lower === text) return -1; // out of the lexicon: a new id, never an automaton event
  const low = g.cache.lookup(lower);
  if (!low) return -1;
  return low.length === 1 ? g.cache.mappedSpelling(low[0]!) : null;
}

/**
 * The automaton ids of a chunk's wink tokens, or null when the chunk is not one this module
 * tokenizes like wink. `rp` is 1 when the chunk is letters plus one trailing punctuation mark,
 * 2 for a run of `[\n\r\t]`, 0 for letters only.
 */
function chunkIds(g: Gate, chunk: string, rp: number): ChunkIds | null {
  const c = g.cache;
  const raws: number[] = [];
  const hit = c.lookup(chunk);
  if (hit) {
    if (hit.length === 1) raws.push(c.normal(hit[0]!));
    else for (let k = 0; k < hit.length; k += 4) raws.push(c.nox(hit[k + 1]! << BITS4_PRECEDING_SPACE));
  } else if (rp === 2) {
    return null;
  } else if (rp === 0) {
    const id = addedNormal(g, chunk);
    if (id === null) return null;
    raws.push(id);
  } else {
    // wink's wordRP category: the letters and the mark as two tokens, except a two-letter chunk
    // ending in '.', which stays one word.
    if (chunk.length === 2 && chunk.endsWith('.')) {
      const id = addedNormal(g, chunk);
      if (id === null) return null;
      raws.push(id);
    } else {
      const id = addedNormal(g, chunk.slice(0, -1));
      const p = c.lookup(chunk.slice(-1));
      if (id === null || !p || p.length !== 1) return null;
      raws.push(id, c.normal(p[0]!));
    }
  }
  const n = raws.length;
  const out: ChunkIds = { raw: new Int32Array(n), t1: new Int32Array(n), brk: new Uint8Array(n) };
  for (let k = 0; k < n; k++) {
    const r = raws[k]!;
    const t1 = r < 0 ? -1 : g.transform0(r, c);
    out.raw[k] = r;
    out.t1[k] = t1;
    out.brk[k] = r < 0 || isBreaker(g, r, t1) ? 1 : 0;
  }
  return out;
}

function memoIds(g: Gate, chunk: string, rp: number): ChunkIds | null {
  let ids = g.memo.get(chunk);
  if (ids === undefined) {
    ids = chunkIds(g, chunk, rp);
    if (g.memo.size >= MEMO_LIMIT) g.memo.clear();
    g.memo.set(chunk, ids);
  }
  return ids;
}

const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
const isCtrlCode = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x09;
const isLetterCode = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** `, . ; : ! ? ) " ] } /`: wink's wordRP marks that are ASCII. */
const isRpCode = (c: number): boolean => c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x22 || c === 0x5d || c === 0x7d || c === 0x2f;

// Per-call scratch, grown as needed: token ids and the chunk each token belongs to.
let raw = new Int32Array(1024);
let t1 = new Int32Array(1024);
let brk = new Uint8Array(1024);
let tokChunk = new Int32Array(1024);
let chunkStart = new Int32Array(1024);
let chunkEnd = new Int32Array(1024);

function grow<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The character ranges of `text` wink must read for its entities, as [start, end) pairs in order,
 * or null when that is (nearly) the whole text.
 * @example gateRanges('Call me on Monday, please.') // [[8, 18]]: 'on Monday,' (context words included)
 */
export function gateRanges(text: string): number[] | null {
  const g = loadGate();
  let nt = 0;
  let nc = 0;
  const len = text.length;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    const s = i;
    let kind: number; // 0 letters, 1 letters + mark, 2 control run, 3 other
    if (isCtrlCode(c)) {
      while (i < len && isCtrlCode(text.charCodeAt(i))) i++;
      kind = 2;
    } else {
      kind = isLetterCode(c) ? 0 : 3;
      i++;
      while (i < len) {
        c = text.charCodeAt(i);
        if (isSpaceCode(c) || isCtrlCode(c)) break;
        if (kind === 0 && !isLetterCode(c)) kind = isRpCode(c) ? 1 : 3;
        else if (kind === 1) kind = 3;
        i++;
      }
    }
    const ids = kind === 3 ? null : memoIds(g, text.slice(s, i), kind);
    const n = ids ? ids.raw.length : 1;
    if (nt + n > raw.length) {
      raw = grow(raw, nt + n);
      t1 = grow(t1, nt + n);
      brk = grow(brk, nt + n);
      tokChunk = grow(tokChunk, nt + n);
    }
    if (nc + 1 > chunkStart.length) {
      chunkStart = grow(chunkStart, nc + 1);
      chunkEnd = grow(chunkEnd, nc + 1);
    }
    chunkStart[nc] = s;
    chunkEnd[nc] = i;
    if (ids) {
      raw.set(ids.raw, nt);
      t1.set(ids.t1, nt);
      brk.set(ids.brk, nt);
      for (let k = 0; k < n; k++) tokChunk[nt + k] = nc;
    } else {
      // Unknown: a stand-in token no automaton moves on, marked so its stretch is always sent.
      raw[nt] = -1;
      t1[nt] = -1;
      brk[nt] = 2;
      tokChunk[nt] = nc;
    }
    nt += n;
    nc++;
  }
  const hits = new Uint8Array(nt);
  const tokens = raw.subarray(0, nt);
  const first = t1.subarray(0, nt);
  let px: [number, number, unknown][] | null = null;
  g.machines.forEach((m, k) => {
    m.setPatternSwap(px);
    px = k === 0 ? m.recognize(tokens, (_t: number, _c: unknown, p: Int32Array, j: number) => p[j], first) : m.recognize(tokens);
  });
  for (const [a, b] of px as unknown as [number, number][]) for (let j = a; j <= b && j < nt; j++) hits[j] = 1;
  const ranges: number[] = [];
  let covered = 0;
  let rs = -1; // first token of the current stretch between breakers
  let send = false;
  const close = (end: number): void => {
    if (rs >= 0 && send) {
      const a = chunkStart[tokChunk[rs]!]!;
      const b = chunkEnd[tokChunk[end - 1]!]!;
      const last = ranges.length - 1;
      if (last > 0 && a <= ranges[last]!) {
        covered += b - ranges[last]!;
        ranges[last] = b;
      } else {
        ranges.push(a, b);
        covered += b - a;
      }
    }
    rs = -1;
    send = false;
  };
  for (let j = 0; j < nt; j++) {
    if (brk[j] === 1) {
      close(j);
      continue;
    }
    if (rs < 0) rs = j;
    if (brk[j] === 2 || hits[j]) send = true;
  }
  close(nt);
  return covered > WHOLE_TEXT_SHARE * len ? null : ranges;
}

/** The breaker word that joins sent stretches. */
export function gateSeparator(): string {
  return loadGate().sep;
}
