/**
 * `EntityModel`: the trained entity recognizer as a query object (separate from its training
 * state). It decodes word sequences or a Doc's sentences into labelled token spans. Word types are
 * reduced to attributes once per vocab entry (cached per Vocab), so tagging a Doc allocates only
 * per sentence, never per token.
 */
import type { Doc } from '../../core/doc.js';
import { bytesArgument } from '../../io/binfmt-bytes.js';
import type { LabeledSpan } from '../../core/iob.js';
import type { Vocab } from '../../core/vocab.js';
import { grow } from '../../util/typed.js';
import { Attr, BOS_ATTRS, classNames, EOS_ATTRS, N_ATTRS, N_ROLES, PAD, strHash, wordAttrs, type Lexicon } from './features.js';
import { readEntityModelBytes, type EntityModelMeta, type EntityModelParts } from './model-bytes.js';

export type { EntityModelMeta, EntityModelParts } from './model-bytes.js';
import { buildWeightIndex, decodeSentence, newScratch, typeVectors, type Scratch, type WeightIndex } from './kernel.js';

/** Default largest number of word-type slots of a per-vocab cache before they start over. */
const SLOT_CAP_MAX = 1 << 15;

/**
 * Per-vocab cache: each word type seen gets a compact slot (orth -> slot) holding its attributes
 * and type vectors; when the slots run out they are all released and refilled on demand, so the
 * cache stays bounded whatever the input's vocabulary (rows are copied out per sentence).
 */
interface VocabCache {
  /** orth -> slot + 1 (0 = none; valid only when `slotOrth[slot] === orth` and slot < `nSlots`). */
  slotOf: Int32Array;
  slotOrth: Int32Array;
  nSlots: number;
  attrs: Int32Array;
  /** The {@link typeVectors} of each slot (stride N_ROLES * classes). */
  vecs: Int32Array;
  tagHash: Map<number, number>;
}

/**
 * A trained BILUO entity recognizer.
 * @example const m = loadEntityModel('models/en_uner_ewt_ner.tlner'); m.predictWords([['Tim', 'Cook', 'visited', 'Paris']]) // [[{start:0,end:2,label:'PER'}, {start:3,end:4,label:'LOC'}]]
 */
export class EntityModel {
  readonly labels: string[];
  /** BILUO class names (`O`, then B-, I-, L-, U- per label). */
  readonly classes: string[];
  readonly hashBits: number;
  readonly rowStart: Uint32Array;
  readonly data: Int32Array;
  readonly lexicon: Map<string, number> | null;
  readonly usesTags: boolean;
  readonly meta: EntityModelMeta;
  private readonly index: WeightIndex;
  /** Score vectors per padded position: N_ROLES * classes. */
  private readonly stride: number;
  private readonly bosVec: Int32Array;
  private readonly eosVec: Int32Array;
  private readonly scratch: Scratch;
  private readonly caches = new WeakMap<Vocab, VocabCache>();
  /** @internal Largest number of word-type slots per vocab before they start over (lowered by tests). */
  slotCapMax = SLOT_CAP_MAX;
  private at = new Int32Array(64 * N_ATTRS);
  private vec: Int32Array;
  private pos = new Int32Array(64);
  private mem = new Int32Array(64);
  private tags = new Int32Array(64);

  constructor(parts: EntityModelParts) {
    this.labels = parts.labels;
    this.classes = classNames(parts.labels);
    this.hashBits = parts.hashBits;
    this.rowStart = parts.rowStart;
    this.data = parts.data;
    this.lexicon = parts.lexicon;
    this.usesTags = parts.usesTags;
    this.meta = parts.meta;
    const nC = this.classes.length;
    this.index = buildWeightIndex(parts.rowStart, parts.data, nC);
    this.scratch = newScratch(nC);
    this.stride = N_ROLES * nC;
    this.vec = new Int32Array(64 * this.stride);
    this.bosVec = new Int32Array(this.stride);
    this.eosVec = new Int32Array(this.stride);
    typeVectors(this.index, BOS_ATTRS, 0, this.bosVec, 0, this.scratch);
    typeVectors(this.index, EOS_ATTRS, 0, this.eosVec, 0, this.scratch);
  }

  /**
   * A model from the bytes of a `.tlner` file (what `saveEntityModel` and `textloom train ner`
   * write, or the shipped `models/en_uner_ewt_ner.tlner`), with no Node built-in on the way:
   * deflated sections are inflated with zlib in Node when installed, else with the platform's
   * DecompressionStream. Bad bytes are a `BinaryFileError` with the byte offset.
   * @example const model = await EntityModel.fromBytes(new Uint8Array(await (await fetch('en_uner_ewt_ner.tlner')).arrayBuffer()));
   */
  static async fromBytes(bytes: Uint8Array, file = '<bytes>'): Promise<EntityModel> {
    return new EntityModel(await readEntityModelBytes(bytesArgument(bytes, "an entity model file's bytes"), file));
  }

  /** The cluster lookup of the features (null without lexicon). */
  get lexiconTable(): Lexicon | null {
    return this.lexicon;
  }

  /** Number of non-zero weights. */
  get numWeights(): number {
    return this.data.length;
  }

  private ensure(n: number): void {
    const need = n + 2 * PAD;
    if (this.pos.length >= need) return;
    let cap = this.pos.length;
    while (cap < need) cap *= 2;
    this.at = new Int32Array(cap * N_ATTRS);
    this.vec = new Int32Array(cap * this.stride);
    this.pos = new Int32Array(cap);
    this.mem = new Int32Array(cap);
    this.tags = new Int32Array(cap);
  }

  /** Writes the padding rows around n words and resets the decoded tags. */
  private frame(n: number): void {
    this.at.set(BOS_ATTRS, 0);
    this.at.set(BOS_ATTRS, N_ATTRS);
    this.at.set(EOS_ATTRS, (n + PAD) * N_ATTRS);
    this.at.set(EOS_ATTRS, (n + PAD + 1) * N_ATTRS);
    const st = this.stride;
    this.vec.set(this.bosVec, 0);
    this.vec.set(this.bosVec, st);
    this.vec.set(this.eosVec, (n + PAD) * st);
    this.vec.set(this.eosVec, (n + PAD + 1) * st);
    this.tags.fill(-1, 0, n + 2 * PAD);
    this.pos[0] = this.pos[1] = this.pos[n + PAD] = this.pos[n + PAD + 1] = 0;
  }

  /**
   * Decodes the words now in the buffers, reads the spans, and records their labels in the
   * document memory (`docMem`: lower-case word hash -> label index + 1).
   */
  private decode(n: number, docMem: Map<number, number>, offset = 0, spans: LabeledSpan[] = []): LabeledSpan[] {
    const { at, mem, tags } = this;
    for (let i = 0; i < n; i++) mem[i + PAD] = docMem.get(at[(i + PAD) * N_ATTRS + Attr.LOWER]!) ?? 0;
    decodeSentence(this.index, at, this.vec, this.pos, mem, tags, n, this.scratch);
    let open = -1;
    for (let i = 0; i < n; i++) {
      const c = tags[i + PAD]!;
      if (c === 0) continue;
      const k = (c - 1) & 3;
      const l = (c - 1) >> 2;
      if (k === 0) open = i;
      else if (k === 3 || (k === 2 && open >= 0)) {
        const start = k === 3 ? i : open;
        spans.push({ start: start + offset, end: i + 1 + offset, label: this.labels[l]! });
        open = -1;
        // Remember the entity's words for later sentences of the document.
        for (let j = start; j <= i; j++) docMem.set(at[(j + PAD) * N_ATTRS + Attr.LOWER]!, l + 1);
      }
    }
    return spans;
  }

  /**
   * Predicts the entities of pre-tokenized sentences of one document (earlier sentences inform
   * later ones through the document memory). `tags` are tagger tags per word (Penn XPOS), used
   * when the model was trained with them.
   * @example model.predictWords([['Tim', 'Cook', 'spoke']]) // [[{ start: 0, end: 2, label: 'PER' }]]
   */
  predictWords(sentences: readonly (readonly string[])[], tags?: readonly (readonly string[])[]): LabeledSpan[][] {
    const docMem = new Map<number, number>();
    return sentences.map((words, k) => {
      const n = words.length;
      this.ensure(n);
      this.frame(n);
      const st = tags?.[k];
      for (let i = 0; i < n; i++) {
        wordAttrs(words[i]!, this.lexicon, this.at, (i + PAD) * N_ATTRS);
        typeVectors(this.index, this.at, (i + PAD) * N_ATTRS, this.vec, (i + PAD) * this.stride, this.scratch);
        this.pos[i + PAD] = this.usesTags && st ? strHash(st[i]!) : 0;
      }
      return this.decode(n, docMem);
    });
  }

  private cacheFor(vocab: Vocab): VocabCache {
    let c = this.caches.get(vocab);
    if (!c) this.caches.set(vocab, (c = { slotOf: new Int32Array(1024), slotOrth: new Int32Array(0), nSlots: 0, attrs: new Int32Array(0), vecs: new Int32Array(0), tagHash: new Map() }));
    return c;
  }

  /** The slot of word `orth` in `c`, filled on first use. */
  private slotFor(c: VocabCache, vocab: Vocab, orth: number): number {
    if (orth < c.slotOf.length) {
      const s = c.slotOf[orth]! - 1;
      if (s >= 0 && s < c.nSlots && c.slotOrth[s] === orth) return s;
    } else c.slotOf = grow(c.slotOf, Math.max(orth + 1, vocab.strings.size));
    if (c.nSlots >= this.slotCapMax) c.nSlots = 0;
    if (c.nSlots === c.slotOrth.length) {
      // 1024 slots first; past them a stream is being read: straight to the cap (doubling would
      // copy the slots into fresh memory each time; untouched slots cost no memory).
      const cap = c.nSlots === 0 ? Math.min(this.slotCapMax, 1024) : this.slotCapMax;
      const slotOrth = new Int32Array(cap);
      slotOrth.set(c.slotOrth);
      const attrs = new Int32Array(cap * N_ATTRS);
      attrs.set(c.attrs);
      const vecs = new Int32Array(cap * this.stride);
      vecs.set(c.vecs);
      c.slotOrth = slotOrth;
      c.attrs = attrs;
      c.vecs = vecs;
    }
    const s = c.nSlots++;
    c.slotOf[orth] = s + 1;
    c.slotOrth[s] = orth;
    wordAttrs(vocab.text(orth), this.lexicon, c.attrs, s * N_ATTRS);
    typeVectors(this.index, c.attrs, s * N_ATTRS, c.vecs, s * this.stride, this.scratch);
    return s;
  }

  /**
   * Predicts the entities of a Doc, sentence by sentence (the whole Doc when it has no sentence
   * boundaries), as token spans. Reads `doc.tag` when the model uses tagger tags.
   */
  predictDoc(doc: Doc): LabeledSpan[] {
    const vocab = doc.vocab;
    const c = this.cacheFor(vocab);
    const out: LabeledSpan[] = [];
    const docMem = new Map<number, number>();
    const orth = doc.orth;
    const tagCol = this.usesTags ? doc.tag : null;
    // Sentence bounds read from sentStart directly (no Span objects); no boundaries: one sentence.
    const ss = doc.hasSents ? doc.sentStart : null;
    const stride = this.stride;
    for (let s = 0; s < doc.length; ) {
      let e = s + 1;
      if (ss) while (e < doc.length && ss[e] !== 1) e++;
      else e = doc.length;
      const n = e - s;
      this.ensure(n);
      this.frame(n);
      const vec = this.vec;
      for (let i = 0; i < n; i++) {
        // The slot's rows are copied out at once: a later word may release every slot.
        const o = this.slotFor(c, vocab, orth[s + i]!);
        const src = o * N_ATTRS;
        const dst = (i + PAD) * N_ATTRS;
        for (let a = 0; a < N_ATTRS; a++) this.at[dst + a] = c.attrs[src + a]!;
        const vs = o * stride;
        const vd = (i + PAD) * stride;
        for (let k = 0; k < stride; k++) vec[vd + k] = c.vecs[vs + k]!;
        let ph = 0;
        if (tagCol) {
          const t = tagCol[s + i]!;
          if (t !== 0) {
            ph = c.tagHash.get(t) ?? 0;
            if (ph === 0) c.tagHash.set(t, (ph = strHash(vocab.text(t))));
          }
        }
        this.pos[i + PAD] = ph;
      }
      this.decode(n, docMem, s, out);
      s = e;
    }
    return out;
  }
}
