/**
 * One field's postings packed flat, in sorted term order: the terms, their statistics, their doc
 * and position streams back to back in two buffers, the skip entries and the norms. It is the
 * in-memory form of a field's files (`persist.ts` frames it), and what a worker of the threaded
 * build sends back per field (its buffers transferred, not encoded), which `mergePacks` joins.
 *
 * `mergePacks` is the segment merge of packs built from consecutive slices of one document list
 * with no deletes: the term lists are unioned in sorted order; per term, each slice's doc stream
 * is appended with its first entry re-encoded for the new doc numbers (the rest is copied, gaps
 * do not change), its position stream copied, its statistics summed. Skip entries are copied when
 * they stay aligned to `SKIP_INTERVAL` docs of the merged term, else placed by one walk over that
 * slice's entries. The merged field is the one one build over the whole list gives (same
 * statistics, same streams, same saved bytes); its streams are adopted as one buffer, as a
 * loaded index's are, so the merge allocates nothing per term.
 */
import { VarintReader, writeVarint } from './postings/codec.js';
import { SKIP_INTERVAL } from './postings/writer.js';
import type { FieldData } from './segment.js';

/** A field's postings, flat (see the file comment). Arrays are per term in sorted term order. */
export interface FieldPack {
  /** Docs the pack covers (numbered from 0). */
  maxDoc: number;
  docCount: number;
  sumTtf: number;
  minNorm: number;
  /** One norm byte per doc, `maxDoc` of them. */
  norms: Uint8Array;
  terms: string[];
  /** First-seen lower-case surface form per term. */
  surfaces: string[];
  df: Int32Array;
  ctf: Float64Array;
  maxFreq: Int32Array;
  lastDoc: Int32Array;
  /** Bytes of each term's doc stream / position stream. */
  docBytes: Int32Array;
  posBytes: Int32Array;
  /** Skip entries (4 int32s per `SKIP_INTERVAL` docs of each term) back to back in term order. */
  skips: Int32Array;
  docStream: Uint8Array;
  posStream: Uint8Array;
}

/** Packs field `f` over docs [0, maxDoc). */
export function packField(f: FieldData, maxDoc: number): FieldPack {
  const order = f.dict.sortedIds();
  const n = order.length;
  const p = f.postings;
  const df = new Int32Array(n);
  const ctf = new Float64Array(n);
  const maxFreq = new Int32Array(n);
  const lastDoc = new Int32Array(n);
  const docBytes = new Int32Array(n);
  const posBytes = new Int32Array(n);
  const terms: string[] = new Array(n);
  const surfaces: string[] = new Array(n);
  let docTotal = 0;
  let posTotal = 0;
  let skipTotal = 0;
  for (let i = 0; i < n; i++) {
    const t = order[i]!;
    terms[i] = f.dict.terms[t]!;
    surfaces[i] = f.surfaces[t] ?? terms[i]!;
    df[i] = p.df[t]!;
    ctf[i] = p.ctf[t]!;
    maxFreq[i] = p.maxFreq[t]!;
    lastDoc[i] = p.lastDoc[t]!;
    const [, ds, de] = p.docSlice(t);
    const [, ps, pe] = p.posSlice(t);
    docBytes[i] = de - ds;
    posBytes[i] = pe - ps;
    docTotal += de - ds;
    posTotal += pe - ps;
    skipTotal += p.skips(t).length;
  }
  const docStream = new Uint8Array(docTotal);
  const posStream = new Uint8Array(posTotal);
  const skips = new Int32Array(skipTotal);
  let d = 0;
  let q = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const t = order[i]!;
    const [db, ds, de] = p.docSlice(t);
    const [pb, ps, pe] = p.posSlice(t);
    docStream.set(db.subarray(ds, de), d);
    posStream.set(pb.subarray(ps, pe), q);
    d += de - ds;
    q += pe - ps;
    const sk = p.skips(t);
    if (sk.length) {
      skips.set(sk, s);
      s += sk.length;
    }
  }
  const norms = new Uint8Array(maxDoc);
  norms.set(f.norms.subarray(0, Math.min(maxDoc, f.norms.length)));
  return { maxDoc, docCount: f.docCount, sumTtf: f.sumTtf, minNorm: f.minNorm, norms, terms, surfaces, df, ctf, maxFreq, lastDoc, docBytes, posBytes, skips, docStream, posStream };
}

/** The buffers of a pack, to transfer it to another thread. */
export function packBuffers(p: FieldPack): ArrayBuffer[] {
  return [p.norms, p.df, p.ctf, p.maxFreq, p.lastDoc, p.docBytes, p.posBytes, p.skips, p.docStream, p.posStream].map((a) => a.buffer as ArrayBuffer);
}

/**
 * Fills the empty field `into` with the packs of consecutive document slices: pack `s`'s doc 0
 * becomes doc `bases[s]`; `maxDoc` is the docs in all. See the file comment.
 */
export function mergePacks(into: FieldData, packs: readonly FieldPack[], bases: readonly number[], maxDoc: number): void {
  const k = packs.length;
  into.norms = new Uint8Array(Math.max(1, maxDoc));
  let termBound = 0;
  let docCap = 0;
  let posCap = 0;
  let skipCap = 0;
  packs.forEach((p, s) => {
    into.norms.set(p.norms.subarray(0, p.maxDoc), bases[s]!);
    into.docCount += p.docCount;
    into.sumTtf += p.sumTtf;
    if (p.minNorm < into.minNorm) into.minNorm = p.minNorm;
    termBound += p.terms.length;
    // A re-encoded first entry takes at most 10 bytes (two 5-byte varints); a pack adds at most
    // one skip entry per term beyond its own.
    docCap += p.docStream.length + 10 * p.terms.length;
    posCap += p.posStream.length;
    skipCap += p.skips.length + 4 * p.terms.length;
  });
  const df = new Int32Array(termBound);
  const ctf = new Float64Array(termBound);
  const maxFreq = new Int32Array(termBound);
  const lastDoc = new Int32Array(termBound);
  const docLens = new Int32Array(termBound);
  const posLens = new Int32Array(termBound);
  const docOut = new Uint8Array(docCap);
  const posOut = new Uint8Array(posCap);
  const skips = new Int32Array(skipCap);
  // Per pack: the next term, and where its streams and skip entries start.
  const at = new Int32Array(k);
  const docAt = new Int32Array(k);
  const posAt = new Int32Array(k);
  const skipAt = new Int32Array(k);
  const dict = into.dict;
  const surfaces = into.surfaces;
  let n = 0;
  let dp = 0;
  let pp = 0;
  let sp = 0;
  for (;;) {
    let term: string | undefined;
    for (let s = 0; s < k; s++) {
      const p = packs[s]!;
      if (at[s]! >= p.terms.length) continue;
      const t = p.terms[at[s]!]!;
      if (term === undefined || t < term) term = t;
    }
    if (term === undefined) break;
    const dStart = dp;
    const pStart = pp;
    let mdf = 0;
    let mctf = 0;
    let mmax = 0;
    let last = -1;
    for (let s = 0; s < k; s++) {
      const p = packs[s]!;
      const t = at[s]!;
      if (t >= p.terms.length || p.terms[t] !== term) continue;
      at[s] = t + 1;
      const tdf = p.df[t]!;
      const dFrom = docAt[s]!;
      const dEnd = dFrom + p.docBytes[t]!;
      const pFrom = posAt[s]!;
      const pEnd = pFrom + p.posBytes[t]!;
      const nSkips = Math.floor(tdf / SKIP_INTERVAL) * 4;
      const skFrom = skipAt[s]!;
      docAt[s] = dEnd;
      posAt[s] = pEnd;
      skipAt[s] = skFrom + nSkips;
      if (mdf === 0) surfaces[n] = p.surfaces[t]!;
      const base = bases[s]!;
      // The first entry, re-encoded: its delta is from the merged term's last doc.
      const src = p.docStream;
      const dr = new VarintReader(src, dFrom, dEnd);
      const v0 = dr.read();
      const first = v0 >>> 1;
      const f0 = v0 & 1 ? 1 : dr.read();
      const rest = dr.pos;
      const delta = base + first - (last < 0 ? 0 : last + 1);
      if (f0 === 1) dp = writeVarint(docOut, dp, delta * 2 + 1);
      else {
        dp = writeVarint(docOut, dp, delta * 2);
        dp = writeVarint(docOut, dp, f0);
      }
      // Stream offsets of this pack's term, relative to the merged term's streams.
      const docShift = dp - dStart - (rest - dFrom);
      const posShift = pp - pStart;
      docOut.set(src.subarray(rest, dEnd), dp);
      dp += dEnd - rest;
      posOut.set(p.posStream.subarray(pFrom, pEnd), pp);
      pp += pEnd - pFrom;
      if (mdf % SKIP_INTERVAL === 0) {
        // Aligned: this pack's entries are the merged ones, shifted.
        for (let e = skFrom; e < skFrom + nSkips; e += 4) {
          skips[sp++] = base + p.skips[e]!;
          skips[sp++] = p.skips[e + 1]! + docShift;
          skips[sp++] = p.skips[e + 2]! + posShift;
          skips[sp++] = p.skips[e + 3]! + mdf;
        }
      } else if (Math.floor((mdf + tdf) / SKIP_INTERVAL) > Math.floor(mdf / SKIP_INTERVAL)) {
        // Walk the docs up to the last merged entry in this pack's range: after each doc, its
        // doc- and position-stream ends. (Most terms reach no entry here: no walk at all.)
        const pos = p.posStream;
        let doc = first;
        let freq = f0;
        let q = pFrom;
        const wr = new VarintReader(src, rest, dEnd);
        const stop = Math.floor((mdf + tdf) / SKIP_INTERVAL) * SKIP_INTERVAL - mdf;
        for (let j = 0; j < stop; j++) {
          if (j > 0) {
            const v = wr.read();
            doc += 1 + (v >>> 1);
            freq = v & 1 ? 1 : wr.read();
          }
          for (let c = freq; c > 0; ) if (pos[q++]! < 0x80) c--;
          if ((mdf + j + 1) % SKIP_INTERVAL === 0) {
            skips[sp++] = base + doc;
            skips[sp++] = (j === 0 ? rest : wr.pos) - dFrom + docShift;
            skips[sp++] = q - pFrom + posShift;
            skips[sp++] = mdf + j + 1;
          }
        }
      }
      mdf += tdf;
      mctf += p.ctf[t]!;
      if (p.maxFreq[t]! > mmax) mmax = p.maxFreq[t]!;
      last = base + p.lastDoc[t]!;
    }
    dict.add(term);
    df[n] = mdf;
    ctf[n] = mctf;
    maxFreq[n] = mmax;
    lastDoc[n] = last;
    docLens[n] = dp - dStart;
    posLens[n] = pp - pStart;
    n++;
  }
  into.postings.adopt(n, docOut.subarray(0, dp), posOut, docLens, posLens, { df, ctf, maxFreq, lastDoc }, skips.subarray(0, sp));
}
