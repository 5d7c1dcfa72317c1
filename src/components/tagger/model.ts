/**
 * The trained tagger as a query object: classes (joint UPOS|XPOS labels), feature templates, the
 * model's own string table, the feature table with one sparse row of weights per feature, the
 * tag dictionary and the ambiguity-class lexicon. Separate from the training state (`train.ts`).
 */
import type { Doc } from '../../core/doc.js';
import { LexFlag } from '../../core/lexeme.js';
import { Vocab } from '../../core/vocab.js';
import { grow } from '../../util/typed.js';
import { FeatureAttr, END_STRING, N_FEATURE_ATTRS, PAD, START_STRING, wordAttributes, type TagClass, type Template } from './features.js';
import { key1, type FeatureTable } from './feature-table.js';
import { CAND_STRIDE, decodePacked, findSlots, MAX_CANDIDATES, N_OFFSETS, packTagger, type PackedTagger, type SparseWeights } from './kernel.js';
import { TAG_BASE } from './perceptron.js';
import { ruleClasses, ruleClassOf, type RuleClasses } from './symbols.js';
import { emptyPairTable, pairEntry, remapPairs, PAIR_CAP_MAX, reservePairs, SLOT_CAP0, SLOT_CAP_MAX, type PairLookup, type VocabCache } from './vocab-cache.js';

export type { TagClass };

/** Tag lists longer than this are stored dense (indexed by tag) instead of scanned. */
const TW_DENSE = 8;
const EMPTY_LISTS = new Int32Array(1);

/** Everything a {@link TaggerModel} is built from (what the model file stores). */
export interface TaggerModelParts {
  classes: TagClass[];
  templates: Template[];
  /** Model strings; index 0 is '' (unknown). Must contain START_STRING and END_STRING. */
  strings: string[];
  table: FeatureTable;
  /** One sparse row per feature-table row. */
  weights: SparseWeights;
  /** Exact word form -> class for frequent unambiguous words. */
  tagdict: Map<string, number>;
  /** Normalized form -> ambiguity class string (see `FeatureAttr.AMB`). */
  lexicon: Map<string, string>;
  /** Exact form -> the classes it had in training (frequent forms only); decoding is restricted to them. */
  candidates: Map<string, number[]>;
  /** Free-form provenance (data, epochs, seed, accuracy). */
  meta: Record<string, unknown>;
}

/**
 * A trained averaged-perceptron tagger. Tags Docs in place (`doc.tag` = XPOS, `doc.pos` = UPOS)
 * sentence by sentence, or bare word arrays.
 * @example const m = loadTaggerModel('models/en_ewt_tagger.tlt'); m.tagWords(['I', 'run']).map(c => m.classes[c].xpos)
 */
export class TaggerModel {
  readonly classes: TagClass[];
  readonly templates: Template[];
  readonly strings: string[];
  readonly table: FeatureTable;
  readonly weights: SparseWeights;
  readonly tagdict: Map<string, number>;
  readonly lexicon: Map<string, string>;
  readonly candidates: Map<string, number[]>;
  readonly meta: Record<string, unknown>;
  private readonly ids = new Map<string, number>();
  private readonly packed: PackedTagger;
  private readonly rowRange: Int32Array;
  /** Template index and attribute of each single-atom word template. */
  private readonly uniTpl: Int32Array;
  private readonly uniAttr: Int32Array;
  private readonly uniOff: Int32Array;
  /** Templates pairing a previous tag with a word attribute, as [template, attr, wordOffset, tagOffset]. */
  private readonly twSpec: Int32Array;
  /** Template -> its index in `twSpec` (-1 if not a tag-word template). */
  private readonly twOf: Int32Array;
  /** Per-(template, attr value) tag lists (see `decodePacked`) and their offsets, built on first use. */
  private twLists: Int32Array | undefined;
  private twKeyOff: Map<number, number> | undefined;
  /** Word-word templates over adjacent positions: [template, role (base offset + 1), attr1, onB1, attr2, onB2]. */
  private readonly pairSpec: Int32Array;
  private pairBuf = new Int32Array(64);
  private pairAcc: Int32Array | undefined;
  /** Scratch of the batched slot lookups of `fillType` and `pairEntry` (one entry per template). */
  private readonly lookup: PairLookup;
  /** @internal Largest pair-table size before it is cleared (lowered by tests). */
  pairCapMax = PAIR_CAP_MAX;
  /** @internal Largest number of word-type slots before they start over (lowered by tests). */
  slotCapMax = SLOT_CAP_MAX;
  private readonly caches = new WeakMap<Vocab, VocabCache>();
  private readonly scores: Int32Array;
  private typeBuf = new Int32Array(64);
  private dictBuf = new Int32Array(64);
  private tagBuf = new Int32Array(64);
  private readonly startId: number;
  private readonly endId: number;
  /** Classes of the per-type rules for emoji, handles and hashtags (see `symbols.ts`). */
  private readonly ruleClasses: RuleClasses;
  private ownVocab: Vocab | undefined;

  constructor(parts: TaggerModelParts) {
    this.classes = parts.classes;
    this.templates = parts.templates;
    this.strings = parts.strings;
    this.table = parts.table;
    this.weights = parts.weights;
    this.tagdict = parts.tagdict;
    this.lexicon = parts.lexicon;
    this.candidates = parts.candidates;
    this.meta = parts.meta;
    parts.strings.forEach((s, i) => this.ids.set(s, i));
    this.startId = this.ids.get(START_STRING) ?? 0;
    this.endId = this.ids.get(END_STRING) ?? 0;
    this.ruleClasses = ruleClasses(parts.classes);
    this.scores = new Int32Array(parts.classes.length);
    const uniTpl: number[] = [];
    const uniAttr: number[] = [];
    const uniOff: number[] = [];
    const general: number[] = [];
    let biasRow = -1;
    const tagOnly: number[] = [];
    const twSpec: number[] = [];
    const pairSpec: number[] = [];
    this.twOf = new Int32Array(parts.templates.length).fill(-1);
    parts.templates.forEach((t, i) => {
      if (t.length === 0) biasRow = parts.table.get(key1(i, 0), 0);
      else if (t.length === 2 && t[0]![0] === FeatureAttr.TAG && t[0]![1] < 0 && t[1]![0] !== FeatureAttr.TAG) {
        // A previous tag with a word attribute: looked up per word type in a per-tag list.
        this.twOf[i] = twSpec.length / 4;
        twSpec.push(i, t[1]![0], t[1]![1], t[0]![1]);
      }
      else if (t.every((a) => a[0] === FeatureAttr.TAG && (a[1] === -1 || a[1] === -2))) tagOnly.push(i);
      else if (t.length === 1 && t[0]![0] !== FeatureAttr.TAG) {
        uniTpl.push(i);
        uniAttr.push(t[0]![0]);
        uniOff.push(t[0]![1]);
      } else if (t.length === 2 && t[0]![0] !== FeatureAttr.TAG && t[1]![0] !== FeatureAttr.TAG && Math.abs(t[0]![1] - t[1]![1]) === 1 && Math.min(t[0]![1], t[1]![1]) >= -1 && Math.max(t[0]![1], t[1]![1]) <= 2) {
        // Two words side by side: cached per adjacent type pair (see `pairEntry` in `vocab-cache.ts`).
        const base = Math.min(t[0]![1], t[1]![1]);
        pairSpec.push(i, base + 1, t[0]![0], t[0]![1] - base, t[1]![0], t[1]![1] - base);
      } else general.push(i, t[0]![0], t[0]![1], t[1]?.[0] ?? -1, t[1]?.[1] ?? 0);
    });
    this.uniTpl = Int32Array.from(uniTpl);
    this.uniAttr = Int32Array.from(uniAttr);
    this.uniOff = Int32Array.from(uniOff);
    this.twSpec = Int32Array.from(twSpec);
    this.pairSpec = Int32Array.from(pairSpec);
    const nLook = Math.max(uniTpl.length, pairSpec.length / 6);
    this.lookup = { k1s: new Int32Array(nLook), k2s: new Int32Array(nLook), tpl: new Int32Array(nLook), found: new Int32Array(nLook) };
    const { packed, rowRange } = packTagger(parts.table, parts.weights, parts.classes.length, biasRow, Int32Array.from(uniOff), Int32Array.from(general));
    this.packed = packed;
    this.rowRange = rowRange;
    this.foldTagTemplates(tagOnly);
  }

  /** Sums the rows of templates over tag[p-1]/tag[p-2] into `packed.tagVec` for every tag pair. */
  private foldTagTemplates(tagOnly: number[]): void {
    const nC = this.classes.length;
    const nT = nC + TAG_BASE;
    const { data, tagVec } = this.packed;
    const addRow = (r: number, out: number): void => {
      if (r < 0) return;
      for (let j = this.rowRange[r * 2]!; j < this.rowRange[r * 2 + 1]!; j++) tagVec[out + (data[j]! & 255)] += data[j]! >> 8;
    };
    for (const i of tagOnly) {
      const tpl = this.templates[i]!;
      if (tpl.length === 1) {
        // One previous tag: the same row for every value of the other tag.
        const prev1 = tpl[0]![1] === -1;
        for (let v = 1; v < nT; v++) {
          const r = this.table.get(key1(i, v), 0);
          if (r < 0) continue;
          for (let w = 1; w < nT; w++) addRow(r, ((prev1 ? v : w) * nT + (prev1 ? w : v)) * nC);
        }
      } else {
        for (let t1 = 1; t1 < nT; t1++) {
          for (let t2 = 1; t2 < nT; t2++) {
            const v1 = tpl[0]![1] === -1 ? t1 : t2;
            const v2 = tpl[1]![1] === -1 ? t1 : t2;
            addRow(this.table.get(key1(i, v1), v2), (t1 * nT + t2) * nC);
          }
        }
      }
    }
  }

  /** Number of feature rows. */
  get numFeatures(): number {
    return this.table.size;
  }

  /** The model id of a string (0 if unknown). */
  stringId(s: string): number {
    return this.ids.get(s) ?? 0;
  }

  /** Fills type row `t` of a cache from the attribute strings of a word (or a padding id). */
  private fillType(c: VocabCache, t: number, attrIds: ArrayLike<number>): void {
    const nU = this.uniTpl.length;
    const nC = this.classes.length;
    const data = this.packed.data;
    for (let k = 0; k < N_FEATURE_ATTRS; k++) c.attrs[t * N_FEATURE_ATTRS + k] = attrIds[k]!;
    const base = t * N_OFFSETS * nC;
    c.vec.fill(0, base, base + N_OFFSETS * nC);
    for (let k = 0; k < nC; k++) c.vec[base + 2 * nC + k] = this.packed.bias[k]!;
    // Through the packed slots (filter, then one line holding key and range), all keys at once:
    // rows without weights are absent there, and add nothing either way.
    const slots = this.packed.slots;
    const { k1s, k2s, tpl, found } = this.lookup;
    let m = 0;
    for (let u = 0; u < nU; u++) {
      const v = attrIds[this.uniAttr[u]!]!;
      if (v === 0) continue;
      k1s[m] = key1(this.uniTpl[u]!, v) | 0;
      k2s[m] = 0;
      tpl[m++] = u;
    }
    findSlots(this.packed, k1s, k2s, m, found);
    for (let i = 0; i < m; i++) {
      const s = found[i]!;
      if (s < 0) continue;
      const o = base + (this.uniOff[tpl[i]!]! + PAD) * nC;
      for (let j = slots[s + 2]!, e = slots[s + 3]!; j < e; j++) c.vec[o + (data[j]! & 255)] += data[j]! >> 8;
    }
    const nTW = this.twSpec.length / 4;
    if (nTW > 0) {
      const keyOff = this.twKeyOff ?? this.buildTwLists();
      for (let k = 0; k < nTW; k++) {
        const v = attrIds[this.twSpec[k * 4 + 1]!]!;
        c.twOff[t * nTW + k] = v === 0 ? 0 : (keyOff.get(this.twSpec[k * 4]! * 0x200000 + v) ?? 0);
      }
    }
  }

  /**
   * Groups the rows of tag-word templates by (template, word attribute value) into tag lists:
   * `[m, tags (ascending) * m, (start, end) * m]`, or `[-1, (start, end) * nT]` indexed by tag
   * when m > TW_DENSE; (start, end) is the range of the row's weights, copied into the same
   * array right after the list. Offset 0 is unused.
   */
  private buildTwLists(): Map<number, number> {
    const { rowKey1, rowKey2, size } = this.table;
    const nT = this.classes.length + TAG_BASE;
    const range = this.rowRange;
    const data = this.packed.data;
    // The rows of tag-word templates, numbered by group (template, word value) in order of first
    // appearance; typed arrays throughout (this runs once per process and per worker).
    const gidOf = new Map<number, number>();
    const groupKey: number[] = [];
    const rowGid = new Int32Array(size);
    let nRows = 0;
    for (let r = 0; r < size; r++) {
      if (range[r * 2] === range[r * 2 + 1]) continue;
      const tpl = rowKey1[r]! >>> 21;
      const tag = rowKey1[r]! & 0x1fffff;
      if (tpl >= this.twOf.length || this.twOf[tpl]! < 0 || tag >= nT) {
        rowGid[r] = -1;
        continue;
      }
      const key = tpl * 0x200000 + rowKey2[r]!;
      let g = gidOf.get(key);
      if (g === undefined) {
        g = groupKey.length;
        gidOf.set(key, g);
        groupKey.push(key);
      }
      rowGid[r] = g;
      nRows++;
    }
    const nG = groupKey.length;
    // Rows by group (counting sort, stable: each group's rows in table order).
    const first = new Int32Array(nG + 1);
    for (let r = 0; r < size; r++) if (range[r * 2] !== range[r * 2 + 1] && rowGid[r]! >= 0) first[rowGid[r]! + 1]++;
    for (let g = 0; g < nG; g++) first[g + 1] += first[g]!;
    const rows = new Int32Array(nRows);
    const fill = first.slice(0, nG);
    for (let r = 0; r < size; r++) if (range[r * 2] !== range[r * 2 + 1] && rowGid[r]! >= 0) rows[fill[rowGid[r]!]++] = r;
    // Each group's rows in ascending tag order (tags are distinct within a group); the output size.
    let total = 1;
    for (let g = 0; g < nG; g++) {
      const from = first[g]!;
      const to = first[g + 1]!;
      for (let i = from + 1; i < to; i++) {
        const r = rows[i]!;
        const tag = rowKey1[r]! & 0x1fffff;
        let j = i - 1;
        while (j >= from && (rowKey1[rows[j]!]! & 0x1fffff) > tag) {
          rows[j + 1] = rows[j]!;
          j--;
        }
        rows[j + 1] = r;
      }
      const m = to - from;
      total += m > TW_DENSE ? 1 + nT * 2 : 1 + m * 3;
      for (let i = from; i < to; i++) total += range[rows[i]! * 2 + 1]! - range[rows[i]! * 2]!;
    }
    // Per group `[m, tags (ascending) * m, (start, end) * m]`, or `[-1, (start, end) * nT]`
    // indexed by tag when m > TW_DENSE; each row's weights copied right after the list, so a
    // lookup reads one contiguous block. Offset 0 is unused.
    const out = new Int32Array(total);
    const keyOff = new Map<number, number>();
    let w = 1;
    const copy = (at: number, r: number): void => {
      out[at] = w;
      for (let j = range[r * 2]!, e = range[r * 2 + 1]!; j < e; j++) out[w++] = data[j]!;
      out[at + 1] = w;
    };
    for (let g = 0; g < nG; g++) {
      const from = first[g]!;
      const m = first[g + 1]! - from;
      keyOff.set(groupKey[g]!, w);
      if (m > TW_DENSE) {
        const base = w + 1;
        out[w] = -1;
        w += 1 + nT * 2;
        for (let i = from; i < from + m; i++) copy(base + (rowKey1[rows[i]!]! & 0x1fffff) * 2, rows[i]!);
      } else {
        out[w++] = m;
        for (let i = from; i < from + m; i++) out[w++] = rowKey1[rows[i]!]! & 0x1fffff;
        const base = w;
        w += m * 2;
        for (let k = 0; k < m; k++) copy(base + k * 2, rows[from + k]!);
      }
    }
    this.twLists = out;
    this.twKeyOff = keyOff;
    return keyOff;
  }

  private cacheFor(vocab: Vocab): VocabCache {
    let c = this.caches.get(vocab);
    if (!c) {
      const nC = this.classes.length;
      const n = SLOT_CAP0;
      c = { slotOf: new Int32Array(1024), slotOrth: new Int32Array(n), nSlots: 2, hits: new Int32Array(n), attrs: new Int32Array(N_FEATURE_ATTRS * n), vec: new Int32Array(N_OFFSETS * nC * n), cand: new Int32Array(CAND_STRIDE * n), dict: new Int32Array(n), twOff: new Int32Array((this.twSpec.length / 4) * n), ...emptyPairTable(), tagIds: new Uint32Array(nC), posIds: new Uint32Array(nC) };
      for (let k = 0; k < nC; k++) {
        c.tagIds[k] = vocab.strings.add(this.classes[k]!.xpos);
        c.posIds[k] = vocab.strings.add(this.classes[k]!.upos);
      }
      c.slotOrth[0] = c.slotOrth[1] = -1;
      this.fillType(c, 0, new Array<number>(N_FEATURE_ATTRS).fill(this.startId));
      this.fillType(c, 1, new Array<number>(N_FEATURE_ATTRS).fill(this.endId));
      this.caches.set(vocab, c);
    }
    return c;
  }

  /**
   * Makes room for `n` new word slots: grows the slot tables from their first size straight to
   * `slotCapMax` slots (memory is only touched as slots fill); past it, keeps the most used words
   * (see {@link compactSlots}) or releases them all.
   */
  private reserveSlots(c: VocabCache, n: number): void {
    // A sentence longer than the cap still gets a slot per word.
    const capMax = Math.max(this.slotCapMax, n + 2);
    if (c.nSlots + n > capMax) this.compactSlots(c, Math.min(capMax >> 1, capMax - n - 2));
    const have = c.slotOrth.length;
    if (c.nSlots + n <= have) return;
    // Past the first slots a stream is being read: straight to the cap, as each doubling would
    // copy the slots into fresh memory (a page fault per 4 slots, more than filling them costs).
    const cap = capMax;
    const nC = this.classes.length;
    const nTW = this.twSpec.length / 4;
    const resize = <T extends Int32Array>(a: T, stride: number): T => {
      const out = new Int32Array(cap * stride) as T;
      out.set(a.subarray(0, Math.min(a.length, c.nSlots * stride)));
      return out;
    };
    c.slotOrth = resize(c.slotOrth, 1);
    c.hits = resize(c.hits, 1);
    c.dict = resize(c.dict, 1);
    c.attrs = resize(c.attrs, N_FEATURE_ATTRS);
    c.vec = resize(c.vec, N_OFFSETS * nC);
    c.cand = resize(c.cand, CAND_STRIDE);
    c.twOff = resize(c.twOff, nTW);
  }

  /**
   * Keeps at most `keep` word slots, those used most since they were filled (twice at least),
   * moved to the front with their pairs; the others are released. Frequent words thus stay
   * cached on a long stream while the rare ones cycle through the free slots.
   */
  private compactSlots(c: VocabCache, keep: number): void {
    const hits = c.hits;
    // Uses per slot in powers of two: keep the slots in the top buckets that fit in `keep`.
    const bucket = new Int32Array(33);
    // A kept slot unused since (0 uses) is released.
    for (let s = 2; s < c.nSlots; s++) if (hits[s]! > 0) bucket[31 - Math.clz32(hits[s]!)]++;
    let from = 32;
    let kept = 0;
    while (from > 1 && kept + bucket[from - 1]! <= keep) kept += bucket[--from]!;
    const newOf = new Int32Array(c.nSlots).fill(-1);
    const nC = this.classes.length;
    const nTW = this.twSpec.length / 4;
    const span = N_OFFSETS * nC;
    let w = 2;
    for (let s = 2; s < c.nSlots; s++) {
      if (hits[s] === 0 || 31 - Math.clz32(hits[s]!) < from) continue;
      newOf[s] = w;
      if (w !== s) {
        c.slotOrth[w] = c.slotOrth[s]!;
        c.dict[w] = c.dict[s]!;
        c.attrs.copyWithin(w * N_FEATURE_ATTRS, s * N_FEATURE_ATTRS, (s + 1) * N_FEATURE_ATTRS);
        c.vec.copyWithin(w * span, s * span, (s + 1) * span);
        c.cand.copyWithin(w * CAND_STRIDE, s * CAND_STRIDE, (s + 1) * CAND_STRIDE);
        if (nTW > 0) c.twOff.copyWithin(w * nTW, s * nTW, (s + 1) * nTW);
        c.slotOf[c.slotOrth[w]!] = w;
      }
      hits[w] = hits[s]! >> 1;
      w++;
    }
    c.nSlots = w;
    remapPairs(c, newOf);
  }

  /** The slot of word `orth`, filled on first use (room reserved by {@link reserveSlots}). */
  private slotFor(c: VocabCache, vocab: Vocab, orth: number): number {
    if (orth < c.slotOf.length) {
      const s = c.slotOf[orth]!;
      if (s >= 2 && s < c.nSlots && c.slotOrth[s] === orth) {
        c.hits[s]++;
        return s;
      }
    } else c.slotOf = grow(c.slotOf, Math.max(orth + 1, vocab.strings.size));
    const t = c.nSlots++;
    c.hits[t] = 1;
    c.slotOf[orth] = t;
    c.slotOrth[t] = orth;
    const text = vocab.strings.get(orth);
    const a = wordAttributes(text, this.lexicon);
    this.fillType(c, t, a.map((x) => this.ids.get(x) ?? 0));
    // Emoji, handles and hashtags are all but absent from the treebank: per-type rules fix them.
    c.dict[t] = this.tagdict.get(text) ?? ruleClassOf(text, this.ruleClasses);
    const cand = this.candidates.get(text);
    const cb = t * CAND_STRIDE;
    c.cand[cb] = cand && cand.length <= MAX_CANDIDATES ? cand.length : 0;
    if (c.cand[cb]) for (let k = 0; k < cand!.length; k++) c.cand[cb + 1 + k] = cand![k]!;
    return t;
  }

  private ensureBuffers(n: number): void {
    const stride = n + 2 * PAD;
    if (this.dictBuf.length < stride) {
      let cap = this.dictBuf.length;
      while (cap < stride) cap *= 2;
      this.typeBuf = new Int32Array(cap);
      this.dictBuf = new Int32Array(cap);
      this.tagBuf = new Int32Array(cap);
      this.pairBuf = new Int32Array(cap);
    }
  }

  /** Decodes tokens [start, end) of `orths` (vocab ids) into `tagBuf` (class + TAG_BASE at p). */
  private run(c: VocabCache, vocab: Vocab, orths: Uint32Array, start: number, end: number): void {
    const n = end - start;
    this.ensureBuffers(n);
    const types = this.typeBuf;
    const dict = this.dictBuf;
    types[0] = types[1] = 0;
    types[n + PAD] = types[n + PAD + 1] = 1;
    this.reserveSlots(c, n);
    for (let i = 0; i < n; i++) {
      const t = this.slotFor(c, vocab, orths[start + i]!);
      types[i + PAD] = t;
      dict[i + PAD] = c.dict[t]!;
    }
    // Pair j covers positions (j, j + 1); positions PAD-1 .. n+PAD+1 are read.
    const pairs = this.pairBuf;
    if (this.pairSpec.length > 0) {
      reservePairs(c, n + 2, this.pairCapMax);
      // Pair j is read by positions j - 1, j and j + 1; skip it when all of them are fixed.
      dict[PAD - 1] = dict[PAD - 2] = dict[n + PAD] = dict[n + PAD + 1] = 0;
      for (let j = PAD - 1; j <= n + PAD; j++) pairs[j] = dict[j - 1]! < 0 || dict[j]! < 0 || dict[j + 1]! < 0 ? pairEntry(c, types[j]!, types[j + 1]!, this.pairSpec, this.packed, (this.pairAcc ??= new Int32Array(this.classes.length)), this.lookup) : 0;
    }
    decodePacked(this.packed, c.attrs, c.vec, c.cand, this.twLists ?? EMPTY_LISTS, c.twOff, this.twSpec, c.pd, pairs, this.pairSpec.length > 0, types, dict, this.tagBuf, n, this.scores);
  }

  /**
   * Tags a Doc in place: `tag` gets the XPOS, `pos` the UPOS. Each sentence (if a senter set
   * boundaries) is decoded on its own; otherwise the whole doc is one sequence.
   */
  tagDoc(doc: Doc): void {
    const n = doc.length;
    if (n === 0) return;
    const vocab = doc.vocab;
    const c = this.cacheFor(vocab);
    const ss = doc.sentStart;
    let start = 0;
    while (start < n) {
      let end = start + 1;
      while (end < n && ss[end] !== 1) end++;
      let spaces = 0;
      for (let i = start; i < end; i++) if (vocab.flags(doc.orth[i]!) & LexFlag.IS_SPACE) spaces++;
      if (spaces === 0) {
        this.run(c, vocab, doc.orth, start, end);
        const tags = this.tagBuf;
        for (let i = start; i < end; i++) {
          const k = tags[i - start + PAD]! - TAG_BASE;
          doc.tag[i] = c.tagIds[k]!;
          doc.pos[i] = c.posIds[k]!;
        }
      } else this.tagAroundSpaces(doc, c, start, end, spaces);
      start = end;
    }
  }

  /**
   * Whitespace tokens (newlines, runs of spaces) never occur in the training treebank: they get
   * spaCy's `_SP`/`SPACE` and the words around them are tagged as if they were absent.
   */
  private tagAroundSpaces(doc: Doc, c: VocabCache, start: number, end: number, spaces: number): void {
    const vocab = doc.vocab;
    const sp = vocab.strings.add('_SP');
    const space = vocab.strings.add('SPACE');
    const words = new Uint32Array(end - start - spaces);
    const at = new Int32Array(words.length);
    let m = 0;
    for (let i = start; i < end; i++) {
      if (vocab.flags(doc.orth[i]!) & LexFlag.IS_SPACE) {
        doc.tag[i] = sp;
        doc.pos[i] = space;
      } else {
        words[m] = doc.orth[i]!;
        at[m++] = i;
      }
    }
    if (m === 0) return;
    this.run(c, vocab, words, 0, m);
    for (let j = 0; j < m; j++) {
      const k = this.tagBuf[j + PAD]! - TAG_BASE;
      doc.tag[at[j]!] = c.tagIds[k]!;
      doc.pos[at[j]!] = c.posIds[k]!;
    }
  }

  /** Tags one sentence given as words; returns class ids (index into `classes`). */
  tagWords(words: readonly string[], vocab?: Vocab): Int32Array {
    const v = vocab ?? (this.ownVocab ??= new Vocab());
    const orths = new Uint32Array(words.length);
    for (let i = 0; i < words.length; i++) orths[i] = v.strings.add(words[i]!);
    const out = new Int32Array(words.length);
    if (words.length === 0) return out;
    this.run(this.cacheFor(v), v, orths, 0, words.length);
    for (let i = 0; i < words.length; i++) out[i] = this.tagBuf[i + PAD]! - TAG_BASE;
    return out;
  }
}
