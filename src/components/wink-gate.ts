/**
 * Where wink-nlp's entity rules can fire in a text, found without wink's tokenizer, so that wink
 * runs only over those stretches (its tokenizer is most of its cost) with output equal to a run
 * over the whole text.
 *
 * Why it is exact. wink splits text at spaces and `[\n\r\t]+` runs and tokenizes each chunk on its
 * own; its entity rules are three automata run one after the other over the tokens' ids. A token
 * whose id no automaton has a transition for (a "breaker") sends every automaton back to its root,
 * so no match spans one and each stretch between breakers is recognised independently of the rest.
 * For the common chunks (one in wink's lexicon; ASCII letters, optionally with one trailing
 * `, . ; : ! ? ) " ] } /` or one leading `" ( [ {`) the ids are computed here exactly as wink
 * computes them, from the same lexicon; every other chunk counts as "unknown". A stretch between
 * breakers is sent to wink when it holds an unknown chunk, skipped when none of its tokens can
 * start a match (no automaton leaves its root on it), and otherwise decided by running the automata
 * (wink's own code and rule files) here over its ids: sent if they find a match. The sent stretches,
 * whole chunks each, are joined with a breaker word. The lexicon is the one wink's entities-only
 * instance reads (`wink-model.ts`), so words wink adds as it reads (which it then looks up whole)
 * are seen here too, and chunks remembered before wink added them are forgotten.
 */
import { createRequire } from 'node:module';
import { IncompatibleError } from '../core/errors.js';
import { sharedWinkModel, type WinkCore } from './wink-model.js';

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

/**
 * The ids wink's automata read for one chunk's tokens, packed in one array: per token three
 * entries, the normal-form id (what the automata compare with the newline key), the id after the
 * first automaton's token transformer, and flags (1 breaker, 2 some automaton leaves its root on it).
 */
type ChunkIds = Int32Array;
const BREAKER = 1;
const STARTER = 2;

interface Gate {
  cache: WinkCache;
  machines: Automaton[];
  events: Set<string>[];
  roots: Set<string>[];
  keyLF: number;
  transform0: (token: number, cache: WinkCache) => number;
  memo: ChunkMemo;
  sep: string;
  /** The lexicon shared with wink's entities-only instance; ids from `intrinsic` on are words wink added. */
  core: WinkCore;
  intrinsic: number;
  /** How many lexicon entries the memo has seen (later ones were added by wink since). */
  seen: number;
}

/** Slots of the chunk memo (a power of two); it is cleared when half full. */
const MEMO_SLOTS = 1 << 19;
/** wink's constants: bit offset of an expansion pointer in a token's second word. */
const BITS4_PRECEDING_SPACE = 16;
/** Sent stretches covering more than this share of the text: wink reads the whole text instead. */
const WHOLE_TEXT_SHARE = 0.7;

let gate: Gate | undefined;

function loadGate(): Gate {
  if (gate) return gate;
  const require = createRequire(import.meta.url);
  const model = sharedWinkModel();
  const core = model.core();
  const makeCache = require('wink-nlp/src/cache.js') as (core: unknown, featureFn: unknown) => WinkCache;
  const makeFsm = require('wink-nlp/src/automaton.js') as (cache: WinkCache) => Automaton;
  const cache = makeCache(core, model.featureFn);
  const ner = model.ner() as { machines: string[]; transformers: (((t: number, c: WinkCache) => number) | undefined)[] };
  const machines: Automaton[] = [];
  const events: Set<string>[] = [];
  const roots: Set<string>[] = [];
  for (const json of ner.machines) {
    const m = makeFsm(cache);
    m.importJSON(json);
    machines.push(m);
    const fsm = JSON.parse(json)[2] as Record<string, Record<string, number>>;
    const ev = new Set<string>();
    for (const state of Object.values(fsm)) for (const k of Object.keys(state)) ev.add(k);
    events.push(ev);
    roots.push(new Set(Object.keys(fsm['0'] ?? {}).filter((k) => fsm['0']![k]! !== 0)));
  }
  const keyLF = cache.lookup('\n')![0]!;
  const lexeme = core.features.lexeme;
  const g: Gate = { cache, machines, events, roots, keyLF, transform0: ner.transformers[0]!, memo: new ChunkMemo(MEMO_SLOTS), sep: '', core, intrinsic: lexeme.intrinsicSize, seen: lexeme.index };
  // The separator between sent stretches: a lexicon word that is a breaker.
  for (const w of ['whereupon', 'thereby', 'notwithstanding', 'meanwhile']) {
    const ids = chunkIds(g, w, 0);
    if (ids && ids.length === 3 && (ids[2]! & BREAKER) !== 0) {
      g.sep = w;
      break;
    }
  }
  if (!g.sep) throw new IncompatibleError('wink-eng-lite-web-model: none of the separator words is in its lexicon as a word no entity rule reads (textloom expects version 1.8)');
  gate = g;
  return g;
}

/** Whether wink's automata can never move on this token (otherwise-transitions excluded). */
function isBreaker(g: Gate, raw: number, t1: number): boolean {
  if (raw === g.keyLF) return false;
  const [e1, e2, e3] = g.events as [Set<string>, Set<string>, Set<string>];
  return !e1.has(String(t1)) && !e2.has(String(raw)) && !e3.has(String(raw)) && raw !== 2070003 && t1 !== 2070003;
}

/**
 * `cache.lookup` limited to the model's own lexicon: null when absent, 'added' when wink added the
 * text while reading (its ids then live in wink's instance, so the caller gives up on the chunk).
 */
function lexiconLookup(g: Gate, text: string): number[] | null | 'added' {
  const hit = g.cache.lookup(text);
  if (hit && hit.length === 1 && hit[0]! >= g.intrinsic) return 'added';
  return hit;
}

/**
 * The normal id of a word wink added to the lexicon while reading (`cache.add`: the lexicon entry
 * of its lower case, spelling-mapped), or -1 when that is itself an added or new word (never an
 * automaton event: wink's transformer keeps an added letters-only word as is), null when unsure.
 */
function addedWordNormal(g: Gate, text: string): number | null {
  const lower = text.toLowerCase();
  if (lower === text) return -1;
  const low = lexiconLookup(g, lower);
  if (low === null || low === 'added') return -1;
  return low.length === 1 ? g.cache.mappedSpelling(low[0]!) : null;
}

/** The id wink's `cache.add` gives a letters-only text (then `normal`), -1 when it is a new id, null when unsure. */
function addedNormal(g: Gate, text: string): number | null {
  const hit = lexiconLookup(g, text);
  if (hit === null || hit === 'added') return addedWordNormal(g, text);
  return hit.length === 1 ? g.cache.normal(hit[0]!) : null; // a contraction: its raw index is not exposed
}

/** The ids of a chunk of ASCII letters as wink's tokenizer gives them: its lexicon entry (a contraction expands), else a new word. */
function letterIds(g: Gate, letters: string, raws: number[]): boolean {
  const c = g.cache;
  const hit = lexiconLookup(g, letters);
  if (hit === 'added') {
    const id = addedWordNormal(g, letters);
    if (id === null) return false;
    raws.push(id);
    return true;
  }
  if (hit) {
    if (hit.length === 1) raws.push(c.normal(hit[0]!));
    else for (let k = 0; k < hit.length; k += 4) raws.push(c.nox(hit[k + 1]! << BITS4_PRECEDING_SPACE));
    return true;
  }
  const id = addedNormal(g, letters);
  if (id === null) return false;
  raws.push(id);
  return true;
}

/** The normal id of a one-token punctuation mark wink adds as is, or null. */
function markId(g: Gate, mark: string): number | null {
  const p = lexiconLookup(g, mark);
  return p && p !== 'added' && p.length === 1 ? g.cache.normal(p[0]!) : null;
}

/**
 * The automaton ids of a chunk's wink tokens, or null when the chunk is not one this module
 * tokenizes like wink. `kind`: 0 letters only, 1 letters plus one trailing mark, 4 one leading
 * mark plus two or more letters, 2 a run of `[\n\r\t]`, 3 anything else (known only when the
 * whole chunk is in wink's lexicon).
 */
function chunkIds(g: Gate, chunk: string, kind: number): ChunkIds | null {
  const c = g.cache;
  const raws: number[] = [];
  const hit = lexiconLookup(g, chunk);
  if (hit === 'added') {
    // A word wink added whole while reading (letters, or letters and '.'): one token. Other
    // added chunks may carry a number, URL, ... category: unknown.
    if (kind !== 0 && kind !== 1 && kind !== 4) return null;
    const id = addedWordNormal(g, chunk);
    if (id === null) return null;
    raws.push(id);
  } else if (hit) {
    // wink looks the whole chunk up first.
    if (hit.length === 1) raws.push(c.normal(hit[0]!));
    else for (let k = 0; k < hit.length; k += 4) raws.push(c.nox(hit[k + 1]! << BITS4_PRECEDING_SPACE));
  } else if (kind === 0) {
    // wink's word category: one token.
    const id = addedNormal(g, chunk);
    if (id === null) return null;
    raws.push(id);
  } else if (kind === 1) {
    // wink's wordRP category: the letters and the mark as two tokens, except a two-letter chunk
    // ending in '.', which stays one word.
    if (chunk.length === 2 && chunk.endsWith('.')) {
      const id = addedNormal(g, chunk);
      if (id === null) return null;
      raws.push(id);
    } else {
      const id = addedNormal(g, chunk.slice(0, -1));
      const p = markId(g, chunk.slice(-1));
      if (id === null || p === null) return null;
      raws.push(id, p);
    }
  } else if (kind === 4) {
    // No category fits, so wink splits off the leading mark and reads the letters as a lexicon
    // entry (a contraction expands) or a new word.
    const p = markId(g, chunk[0]!);
    if (p === null) return null;
    raws.push(p);
    if (!letterIds(g, chunk.slice(1), raws)) return null;
  } else {
    return null;
  }
  const n = raws.length;
  const out: ChunkIds = new Int32Array(3 * n);
  const [r1, r2, r3] = g.roots as [Set<string>, Set<string>, Set<string>];
  for (let k = 0; k < n; k++) {
    const r = raws[k]!;
    const t1 = r < 0 ? -1 : g.transform0(r, c);
    out[3 * k] = r;
    out[3 * k + 1] = t1;
    out[3 * k + 2] = (r < 0 || isBreaker(g, r, t1) ? BREAKER : 0) | (r >= 0 && (r1.has(String(t1)) || r2.has(String(r)) || r3.has(String(r))) ? STARTER : 0);
  }
  return out;
}

/** The memo's stand-in for "not computed" (a slot whose chunk wink has since added whole). */
const STALE = Symbol('stale');

/**
 * Chunk ids remembered by chunk text: open addressing over a hash the scan computes as it reads
 * the chunk, compared in place with `startsWith`, so a hit costs no string slice or hashing.
 */
class ChunkMemo {
  private keys: (string | undefined)[];
  private vals: (ChunkIds | null | typeof STALE)[];
  private hashes: Int32Array;
  private used = 0;
  constructor(private readonly slots: number) {
    this.keys = new Array(slots);
    this.vals = new Array(slots);
    this.hashes = new Int32Array(slots);
  }

  /** The hash the scan computes for text[s..e). */
  static hash(text: string, s: number, e: number): number {
    let h = 0;
    for (let i = s; i < e; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    return h;
  }

  /** The slot of text[s..e) with hash h: its own, or the empty one where it would go. */
  private slot(text: string, s: number, e: number, h: number): number {
    const mask = this.slots - 1;
    const len = e - s;
    let k = h & mask;
    for (;;) {
      const key = this.keys[k];
      if (key === undefined) return k;
      if (this.hashes[k] === h && key.length === len && text.startsWith(key, s)) return k;
      k = (k + 1) & mask;
    }
  }

  /** The ids of chunk text[s..e) (hash h), computed on a miss. */
  get(g: Gate, text: string, s: number, e: number, h: number, kind: number): ChunkIds | null {
    let k = this.slot(text, s, e, h);
    const v = this.vals[k];
    if (this.keys[k] !== undefined && v !== STALE) return v as ChunkIds | null;
    const chunk = text.slice(s, e);
    const ids = chunkIds(g, chunk, kind);
    if (this.keys[k] === undefined) {
      if (2 * (this.used + 1) > this.slots) {
        this.clear();
        k = this.slot(text, s, e, h);
      }
      this.used++;
      this.keys[k] = chunk;
      this.hashes[k] = h;
    }
    this.vals[k] = ids;
    return ids;
  }

  /** Marks a chunk to be computed again. */
  forget(text: string): void {
    const k = this.slot(text, 0, text.length, ChunkMemo.hash(text, 0, text.length));
    if (this.keys[k] !== undefined) this.vals[k] = STALE;
  }

  clear(): void {
    this.keys.fill(undefined);
    this.vals.fill(null);
    this.used = 0;
  }
}

const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f;
const isCtrlCode = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x09;
const isLetterCode = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** `, . ; : ! ? ) " ] } /`: wink's wordRP marks that are ASCII. */
const isRpCode = (c: number): boolean => c === 0x2c || c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x22 || c === 0x5d || c === 0x7d || c === 0x2f;

/** `" ( [ {`: leading marks wink splits off a word. */
const isLpCode = (c: number): boolean => c === 0x22 || c === 0x28 || c === 0x5b || c === 0x7b;

// Per-call scratch, grown as needed: per token its ids, flags and chunk; per chunk its offsets;
// the automata's input (the stretches to decide, separated by -1) and where each of its tokens came from.
let raw = new Int32Array(1024);
let t1 = new Int32Array(1024);
let brk = new Uint8Array(1024);
let st = new Uint8Array(1024);
let tokChunk = new Int32Array(1024);
let chunkStart = new Int32Array(1024);
let chunkEnd = new Int32Array(1024);
let fsmRaw = new Int32Array(1024);
let fsmT1 = new Int32Array(1024);
let fsmFrom = new Int32Array(1024);
let hits = new Uint8Array(1024);

function grow<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** Splits `text` as wink does and fills the per-token scratch; returns the token count. */
function scan(g: Gate, text: string): number {
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
    let kind: number; // see chunkIds
    let h = c;
    if (isCtrlCode(c)) {
      i++;
      while (i < len && isCtrlCode((c = text.charCodeAt(i)))) {
        h = (Math.imul(h, 31) + c) | 0;
        i++;
      }
      kind = 2;
    } else {
      kind = isLetterCode(c) ? 0 : isLpCode(c) ? 4 : 3;
      i++;
      while (i < len) {
        c = text.charCodeAt(i);
        if (isSpaceCode(c) || isCtrlCode(c)) break;
        h = (Math.imul(h, 31) + c) | 0;
        if (kind === 0 || kind === 4) {
          if (!isLetterCode(c)) kind = kind === 0 && isRpCode(c) ? 1 : 3;
        } else if (kind === 1) kind = 3;
        i++;
      }
      if (kind === 4 && i - s < 3) kind = 3;
    }
    const ids = g.memo.get(g, text, s, i, h, kind);
    const n = ids ? ids.length / 3 : 1;
    if (nt + n > raw.length) {
      raw = grow(raw, nt + n);
      t1 = grow(t1, nt + n);
      brk = grow(brk, nt + n);
      st = grow(st, nt + n);
      tokChunk = grow(tokChunk, nt + n);
    }
    if (nc + 1 > chunkStart.length) {
      chunkStart = grow(chunkStart, nc + 1);
      chunkEnd = grow(chunkEnd, nc + 1);
    }
    chunkStart[nc] = s;
    chunkEnd[nc] = i;
    if (ids) {
      // Element by element: TypedArray.set costs more than this for one or two tokens.
      for (let k = 0; k < n; k++) {
        const f = ids[3 * k + 2]!;
        raw[nt + k] = ids[3 * k]!;
        t1[nt + k] = ids[3 * k + 1]!;
        brk[nt + k] = f & BREAKER;
        st[nt + k] = (f & STARTER) >> 1;
        tokChunk[nt + k] = nc;
      }
    } else {
      // Unknown: a stand-in token, marked so that its stretch is always sent.
      raw[nt] = -1;
      t1[nt] = -1;
      brk[nt] = 2;
      st[nt] = 0;
      tokChunk[nt] = nc;
    }
    nt += n;
    nc++;
  }
  return nt;
}

/**
 * The character ranges of `text` wink must read for its entities, as [start, end) pairs in order,
 * or null when that is (nearly) the whole text.
 * @example gateRanges('Alice met Bob near the old mill and paid $5 for the tickets') // [[27, 43]]: 'mill and paid $5' (context words included)
 */
export function gateRanges(text: string): number[] | null {
  const g = loadGate();
  // Words wink added to the shared lexicon since: wink now looks them up whole, so forget them.
  const lexeme = g.core.features.lexeme;
  if (lexeme.index !== g.seen) {
    for (let k = g.seen; k < lexeme.index; k++) g.memo.forget(lexeme.list[k]!);
    g.seen = lexeme.index;
  }
  const nt = scan(g, text);
  // Stretches between breakers: 1 send (an unknown chunk), 2 ask the automata, 0 skip (no token
  // can start a match). Stretch k covers tokens [rStart[k], rEnd[k]).
  const rStart: number[] = [];
  const rEnd: number[] = [];
  const rWhat: number[] = [];
  let nf = 0;
  for (let j = 0; j < nt; ) {
    if (brk[j] === 1) {
      j++;
      continue;
    }
    const a = j;
    let unknown = false;
    let starts = false;
    while (j < nt && brk[j] !== 1) {
      if (brk[j] === 2) unknown = true;
      else if (st[j]) starts = true;
      j++;
    }
    const what = unknown ? 1 : starts ? 2 : 0;
    if (what === 0) continue;
    rStart.push(a);
    rEnd.push(j);
    rWhat.push(what);
    if (what === 2) {
      const need = nf + (j - a) + 1;
      if (need > fsmRaw.length) {
        fsmRaw = grow(fsmRaw, need);
        fsmT1 = grow(fsmT1, need);
        fsmFrom = grow(fsmFrom, need);
      }
      if (nf > 0) {
        fsmRaw[nf] = -1;
        fsmT1[nf] = -1;
        fsmFrom[nf] = -1;
        nf++;
      }
      fsmRaw.set(raw.subarray(a, j), nf);
      fsmT1.set(t1.subarray(a, j), nf);
      for (let k = a; k < j; k++) fsmFrom[nf++] = k;
    }
  }
  if (nt > hits.length) hits = new Uint8Array(Math.max(nt, hits.length * 2));
  hits.fill(0, 0, nt);
  if (nf > 0) {
    const tokens = fsmRaw.subarray(0, nf);
    let px: [number, number, unknown][] | null = null;
    for (let k = 0; k < g.machines.length; k++) {
      const m = g.machines[k]!;
      m.setPatternSwap(px);
      px = k === 0 ? m.recognize(tokens, (_t: number, _c: unknown, p: Int32Array, j: number) => p[j], fsmT1) : m.recognize(tokens);
    }
    for (const [a, b] of px!) for (let j = a; j <= b && j < nf; j++) if (fsmFrom[j]! >= 0) hits[fsmFrom[j]!] = 1;
  }
  const ranges: number[] = [];
  let covered = 0;
  for (let k = 0; k < rStart.length; k++) {
    const a0 = rStart[k]!;
    const b0 = rEnd[k]!;
    if (rWhat[k] === 2) {
      let hit = false;
      for (let j = a0; j < b0 && !hit; j++) hit = hits[j] === 1;
      if (!hit) continue;
    }
    const a = chunkStart[tokChunk[a0]!]!;
    const b = chunkEnd[tokChunk[b0 - 1]!]!;
    const n = ranges.length;
    if (n > 0 && a <= ranges[n - 1]!) {
      covered += b - ranges[n - 1]!;
      ranges[n - 1] = b;
    } else {
      ranges.push(a, b);
      covered += b - a;
    }
  }
  return covered > WHOLE_TEXT_SHARE * text.length ? null : ranges;
}

/** The breaker word that joins sent stretches. */
export function gateSeparator(): string {
  return loadGate().sep;
}
