/**
 * The segment merge (Lucene's `SegmentMerger`): many segments of one schema become one, their live
 * documents renumbered densely in segment order, deleted ones dropped. Per field the term
 * dictionaries are unioned in sorted order and each term's postings are appended segment after
 * segment, the doc stream re-encoded with the new numbers (`PostingsWriter.appendPostings`), the
 * positions copied; norms move with their docs and the field statistics (docCount, sumTotalTermFreq,
 * df, ctf) are recomputed over the kept docs. So a merge of segments built from consecutive slices
 * of a document list is the segment one build over the whole list gives: same doc numbers, same
 * statistics, the same score for every query. The threaded `addAll` and `mergeIndexes` both use it.
 */
import { ArgumentError } from '../core/errors.js';
import { DocVectors } from './doc-vectors.js';
import { FieldData, Segment } from './segment.js';
import { DocStore } from './store.js';

/**
 * Merges `segments` (all with the same fields, in that order) into a new segment. `names` label
 * the segments in errors (e.g. their directories). An id live in two segments is an
 * ArgumentError: a merged index holds one live document per id.
 */
export function mergeSegments(segments: readonly Segment[], names: readonly string[] = segments.map((_, i) => `segment ${i}`)): Segment {
  if (!segments.length) throw new ArgumentError('nothing to merge: no segments');
  const fieldNames = segments[0]!.fields.map((f) => f.name);
  const out = new Segment(fieldNames);
  // Doc numbers: each segment's live docs after the previous segments' (remap null: no deletes, an offset).
  const bases: number[] = [];
  const remaps: (Int32Array | null)[] = [];
  const owner = new Map<string, number>();
  const storeParts: Uint8Array[] = [];
  segments.forEach((seg, s) => {
    bases.push(out.maxDoc);
    const remap = seg.deleted ? new Int32Array(seg.maxDoc).fill(-1) : null;
    remaps.push(remap);
    for (let d = 0; d < seg.maxDoc; d++) {
      if (!seg.alive[d]) continue;
      const id = seg.ids[d]!;
      const before = owner.get(id);
      if (before !== undefined) throw new ArgumentError(`document id "${id}" is live in both ${names[before]} and ${names[s]}`, { key: id });
      owner.set(id, s);
      const nd = out.newDoc(id);
      if (remap) remap[d] = nd;
      storeParts.push(seg.store.bytesOf(d));
    }
  });
  out.store = storeOf(storeParts);
  for (let i = 0; i < fieldNames.length; i++) {
    mergeField(
      out.fields[i]!,
      segments.map((s) => s.fields[i]!),
      segments.map((s) => s.maxDoc),
      bases,
      remaps,
      out.maxDoc,
    );
  }
  out.vectors = mergeVectors(segments, remaps, bases, out.maxDoc, names);
  return out;
}

// One field: norms and docCount by doc, then the union of the terms in sorted order.
function mergeField(into: FieldData, from: FieldData[], maxDocs: number[], bases: number[], remaps: (Int32Array | null)[], maxDoc: number): void {
  into.norms = new Uint8Array(Math.max(1, maxDoc));
  from.forEach((f, s) => {
    const remap = remaps[s];
    for (let d = 0; d < maxDocs[s]!; d++) {
      const nd = remap ? remap[d]! : bases[s]! + d;
      const norm = f.norms[d] ?? 0;
      if (nd < 0 || !norm) continue;
      into.norms[nd] = norm;
      into.docCount++;
      if (norm < into.minNorm) into.minNorm = norm;
    }
  });
  // A k-way walk over the sorted dictionaries: each step takes the smallest term left.
  const orders = from.map((f) => f.dict.sortedIds());
  const at = new Int32Array(from.length);
  const dict = into.dict;
  for (;;) {
    let term: string | undefined;
    for (let s = 0; s < from.length; s++) {
      if (at[s]! >= orders[s]!.length) continue;
      const t = from[s]!.dict.terms[orders[s]![at[s]!]!]!;
      if (term === undefined || t < term) term = t;
    }
    if (term === undefined) break;
    let id = -1;
    for (let s = 0; s < from.length; s++) {
      if (at[s]! >= orders[s]!.length) continue;
      const f = from[s]!;
      const t = orders[s]![at[s]!]!;
      if (f.dict.terms[t] !== term) continue;
      at[s]!++;
      const p = f.postings;
      // A term whose docs were all deleted is dropped (no slot until a doc is kept).
      if (id < 0 && remaps[s] && !keepsAny(p, t, remaps[s]!)) continue;
      if (id < 0) {
        id = dict.add(term);
        into.postings.ensure(dict.size);
        // The first-seen surface form: the earliest segment's.
        into.surfaces[id] = f.surfaces[t] ?? term;
      }
      into.sumTtf += into.postings.appendPostings(id, p.df[t]!, p.docSlice(t), p.posSlice(t), bases[s]!, remaps[s]!);
    }
  }
}

// Whether any doc of term `t`'s postings survives `remap`.
function keepsAny(p: FieldData['postings'], t: number, remap: Int32Array): boolean {
  const c = new FieldData('').postings; // scratch writer: appendPostings into it counts the kept docs
  c.ensure(1);
  c.appendPostings(0, p.df[t]!, p.docSlice(t), p.posSlice(t), 0, remap);
  return c.df[0]! > 0;
}

// The stored fields of the kept docs, back to back as one loaded store.
function storeOf(parts: Uint8Array[]): DocStore {
  let total = 0;
  for (const b of parts) total += b.length;
  const data = new Uint8Array(total);
  const offs = new Uint32Array(parts.length + 1);
  let o = 0;
  parts.forEach((b, i) => {
    data.set(b, o);
    o += b.length;
    offs[i + 1] = o;
  });
  return DocStore.fromParts(offs, data);
}

// The kept docs' vectors (rows are already unit length; copied, not renormalised).
function mergeVectors(segments: readonly Segment[], remaps: (Int32Array | null)[], bases: number[], maxDoc: number, names: readonly string[]): DocVectors | undefined {
  let dim: number | undefined;
  segments.forEach((s, i) => {
    if (!s.vectors) return;
    if (dim !== undefined && s.vectors.dim !== dim) throw new ArgumentError(`${names[i]} has ${s.vectors.dim}-dimensional vectors, an earlier one ${dim}`, { key: 'vectorField' });
    dim = s.vectors.dim;
  });
  if (dim === undefined) return undefined;
  const out = new DocVectors(dim, Math.max(1, maxDoc));
  segments.forEach((s, i) => {
    const v = s.vectors;
    if (!v) return;
    const remap = remaps[i];
    for (let d = 0; d < s.maxDoc && d < v.has.length; d++) {
      const nd = remap ? remap[d]! : bases[i]! + d;
      if (nd < 0 || v.has[d] !== 1) continue;
      out.data.set(v.data.subarray(d * dim!, (d + 1) * dim!), nd * dim!);
      out.has[nd] = 1;
    }
  });
  return out;
}
