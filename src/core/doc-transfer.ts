/**
 * Docs across a thread boundary (`nlp.pipe` with `nProcess`): a batch of Docs packed into a few
 * typed arrays (every column of every doc back to back, token offsets per doc) plus one UTF-8
 * buffer of the strings they use, so `postMessage` transfers the buffers instead of copying
 * objects. String ids are the sender's; the receiver interns the batch's strings once into its
 * own vocab and remaps every column through that table. Texts do not travel: the receiver has
 * them (they were its input). Extension columns travel by kind (string ids remapped, numbers as a
 * Float64Array, `any` values structured-cloned); `doc.user` entries travel when they are plain
 * data (objects, arrays, maps, sets, typed arrays, primitives) — a component's own objects
 * (e.g. the vectors table) are re-attached by its `rehydrate` hook on the receiving side.
 */
import type { Doc } from './doc.js';
import type { ExtensionKind } from './extensions.js';
import type { Vocab } from './vocab.js';

/** Columns a doc had allocated (bit per column). */
const COLS = ['sentStart', 'tag', 'pos', 'lemma', 'entType', 'entIob', 'head', 'dep', 'mwt'] as const;
const STRING_COLS = new Set(['tag', 'pos', 'lemma', 'entType', 'dep', 'mwt']);

/** A packed batch of docs (every field structured-cloneable; {@link transferList} names its buffers). */
export interface PackedDocs {
  /** Token offset of each doc in the columns (docs + 1 entries). */
  offsets: Uint32Array;
  /** Per doc, which optional columns it had (bit k = COLS[k]). */
  present: Uint16Array;
  orth: Uint32Array;
  idx: Uint32Array;
  spaceAfter: Uint8Array;
  sentStart: Int8Array;
  entIob: Uint8Array;
  head: Int32Array;
  /** tag, pos, lemma, entType, dep, mwt: batch-local string numbers, back to back (6 x tokens). */
  strs: Uint32Array;
  /** The batch's strings, UTF-8, and their end offsets in UTF-16 units of the joined text. */
  stringBytes: Uint8Array;
  stringEnds: Uint32Array;
  /** Per doc, its extension columns and plain `user` entries (null when none). */
  extras: ({ exts: { name: string; kind: ExtensionKind; values: Uint32Array | Float64Array | unknown[] }[]; user: [string, unknown][] } | null)[];
}

/** The buffers of a packed batch, for `postMessage`'s transfer list. */
export function transferList(p: PackedDocs): ArrayBuffer[] {
  const out = [p.offsets, p.present, p.orth, p.idx, p.spaceAfter, p.sentStart, p.entIob, p.head, p.strs, p.stringBytes, p.stringEnds].map((a) => a.buffer as ArrayBuffer);
  for (const e of p.extras) for (const x of e?.exts ?? []) if (!Array.isArray(x.values)) out.push(x.values.buffer as ArrayBuffer);
  return out;
}

// Plain data survives a structured clone as itself; class instances would lose their prototype.
function plain(v: unknown, depth = 0): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'function' && typeof v !== 'symbol';
  if (ArrayBuffer.isView(v)) return true;
  if (depth > 8) return false;
  const proto = Object.getPrototypeOf(v);
  if (proto === Array.prototype) return (v as unknown[]).every((x) => plain(x, depth + 1));
  if (proto === Object.prototype || proto === null) return Object.values(v).every((x) => plain(x, depth + 1));
  if (proto === Map.prototype) return [...(v as Map<unknown, unknown>)].every(([k, x]) => plain(k, depth + 1) && plain(x, depth + 1));
  if (proto === Set.prototype) return [...(v as Set<unknown>)].every((x) => plain(x, depth + 1));
  return false;
}

/** Packs `docs` (all over one vocab) for a transfer. */
export function packDocs(docs: readonly Doc[]): PackedDocs {
  let total = 0;
  for (const d of docs) total += d.length;
  const offsets = new Uint32Array(docs.length + 1);
  const present = new Uint16Array(docs.length);
  const orth = new Uint32Array(total);
  const idx = new Uint32Array(total);
  const spaceAfter = new Uint8Array(total);
  const sentStart = new Int8Array(total);
  const entIob = new Uint8Array(total);
  const head = new Int32Array(total);
  const strs = new Uint32Array(total * 6);
  // sender string id -> batch-local number + 1
  const local = new Map<number, number>();
  const list: string[] = [];
  const strings = docs.length ? docs[0]!.vocab.strings : null;
  const loc = (id: number): number => {
    if (id === 0) return 0;
    let k = local.get(id);
    if (k === undefined) {
      list.push(strings!.get(id));
      local.set(id, (k = list.length));
    }
    return k;
  };
  const extras: PackedDocs['extras'] = [];
  let o = 0;
  docs.forEach((d, di) => {
    const n = d.length;
    offsets[di] = o;
    for (let i = 0; i < n; i++) orth[o + i] = loc(d.orth[i]!);
    idx.set(d.idx.subarray(0, n), o);
    spaceAfter.set(d.spaceAfter.subarray(0, n), o);
    const raw = d as unknown as Record<string, ArrayLike<number> | null>;
    let bits = 0;
    COLS.forEach((c, k) => {
      const col = c === 'mwt' ? d.mwt : c === 'head' ? d.headColumnOrNull : raw[`_${c}`];
      if (!col) return;
      bits |= 1 << k;
      if (c === 'sentStart') sentStart.set((col as Int8Array).subarray(0, n), o);
      else if (c === 'entIob') entIob.set((col as Uint8Array).subarray(0, n), o);
      else if (c === 'head') head.set((col as Int32Array).subarray(0, n), o);
      else {
        const base = total * [...STRING_COLS].indexOf(c) + o;
        for (let i = 0; i < n; i++) strs[base + i] = loc(col[i]!);
      }
    });
    present[di] = bits;
    const exts = d.extensionNames.map((name) => {
      const col = d.getExtension(name)!;
      if (col.kind === 'string') {
        const ids = new Uint32Array(n);
        for (let i = 0; i < n; i++) {
          const v = col.get(i) as string | undefined;
          ids[i] = v === undefined ? 0 : loc(strings!.add(v));
        }
        return { name, kind: col.kind, values: ids };
      }
      if (col.kind === 'number') {
        const vals = new Float64Array(n).fill(NaN);
        for (let i = 0; i < n; i++) {
          const v = col.get(i) as number | undefined;
          if (v !== undefined) vals[i] = v;
        }
        return { name, kind: col.kind, values: vals };
      }
      const vals: unknown[] = [];
      for (let i = 0; i < n; i++) vals.push(col.get(i));
      return { name, kind: col.kind, values: vals };
    });
    const user = [...d.user].filter(([, v]) => plain(v));
    extras.push(exts.length || user.length ? { exts, user } : null);
    o += n;
  });
  offsets[docs.length] = o;
  const joined = list.join('');
  const stringEnds = new Uint32Array(list.length);
  let end = 0;
  list.forEach((s, i) => (stringEnds[i] = end += s.length));
  return { offsets, present, orth, idx, spaceAfter, sentStart, entIob, head, strs, stringBytes: new TextEncoder().encode(joined), stringEnds, extras };
}

/**
 * Rebuilds packed docs over `vocab`: doc `k` gets text `texts[k]` (the text it was made from);
 * `makeDoc(text, capacity)` builds the empty Doc (so callers choose the Doc class).
 */
export function unpackDocs(p: PackedDocs, texts: readonly string[], vocab: Vocab, makeDoc: (text: string, capacity: number) => Doc): Doc[] {
  const joined = new TextDecoder().decode(p.stringBytes);
  const ids = new Uint32Array(p.stringEnds.length + 1);
  let start = 0;
  for (let k = 0; k < p.stringEnds.length; k++) {
    ids[k + 1] = vocab.strings.add(joined.slice(start, p.stringEnds[k]!));
    start = p.stringEnds[k]!;
  }
  const total = p.orth.length;
  const out: Doc[] = [];
  for (let di = 0; di + 1 < p.offsets.length; di++) {
    const o = p.offsets[di]!;
    const n = p.offsets[di + 1]! - o;
    const d = makeDoc(texts[di]!, n);
    d.reserve(n);
    for (let i = 0; i < n; i++) d.orth[i] = ids[p.orth[o + i]!]!;
    d.idx.set(p.idx.subarray(o, o + n));
    d.spaceAfter.set(p.spaceAfter.subarray(o, o + n));
    d.length = n;
    const bits = p.present[di]!;
    COLS.forEach((c, k) => {
      if (!(bits & (1 << k))) return;
      if (c === 'sentStart') d.sentStart.set(p.sentStart.subarray(o, o + n));
      else if (c === 'entIob') d.entIob.set(p.entIob.subarray(o, o + n));
      else if (c === 'head') d.head.set(p.head.subarray(o, o + n));
      else {
        const base = total * [...STRING_COLS].indexOf(c) + o;
        const col = new Uint32Array(n);
        for (let i = 0; i < n; i++) col[i] = ids[p.strs[base + i]!]!;
        if (c === 'mwt') d.setMultiwordColumn(col);
        else (d[c] as Uint32Array).set(col);
      }
    });
    const extra = p.extras[di];
    if (extra) {
      for (const x of extra.exts) {
        const col = d.extension(x.name, x.kind);
        for (let i = 0; i < n; i++) {
          const v = x.values[i];
          if (x.kind === 'string') {
            if (v) col.set(i, vocab.strings.get(ids[v as number]!));
          } else if (x.kind === 'number') {
            if (!Number.isNaN(v)) col.set(i, v);
          } else if (v !== undefined) col.set(i, v);
        }
      }
      for (const [k, v] of extra.user) d.user.set(k, v);
    }
    out.push(d);
  }
  return out;
}
