/**
 * The per-Doc output records of `textloom tokenize` and of the job queue's text jobs: a JSON-lines
 * record (spaCy's `Doc.to_json` shape) and CoNLL-U blocks. Shared so a sharded queue run writes the
 * bytes a one-process run writes.
 */
import type { Doc } from '../core/doc.js';
import type { Span } from '../core/span.js';

function tokenRecord(doc: Doc, i: number): Record<string, unknown> {
  const s = doc.vocab.strings;
  const t: Record<string, unknown> = { text: doc.tokenText(i), idx: doc.idx[i], ws: doc.spaceAfter[i] === 1 };
  // A word of a multiword token names its surface token ("de" and "el" of "del").
  const mwt = doc.mwt?.[i];
  if (mwt) t.mwt = s.get(mwt);
  if (doc.tag[i]) t.tag = s.get(doc.tag[i]!);
  if (doc.pos[i]) t.pos = s.get(doc.pos[i]!);
  if (doc.lemma[i]) t.lemma = s.get(doc.lemma[i]!);
  if (doc.entIob[i] && doc.entType[i]) t.ent = `${doc.iobName(i)}-${s.get(doc.entType[i]!)}`;
  // spaCy's to_json: the label and the head's absolute index.
  if (doc.dep[i]) {
    t.dep = s.get(doc.dep[i]!);
    t.head = doc.token(i).head.i;
  }
  const stem = doc.getExtension<string>('stem')?.get(i);
  if (stem !== undefined) t.stem = stem;
  return t;
}

/**
 * The JSON-lines record of a Doc: text, tokens (with whatever the pipeline annotated), sentences,
 * entities, and a textcat component's `cats` (as spaCy's `Doc.to_json`).
 */
export function docRecord(doc: Doc): Record<string, unknown> {
  const tokens: Record<string, unknown>[] = [];
  for (let i = 0; i < doc.length; i++) tokens.push(tokenRecord(doc, i));
  const out: Record<string, unknown> = { text: doc.text, tokens, sents: doc.sents.map((s) => [s.start, s.end]) };
  const ents = doc.ents;
  if (ents.length) out.ents = ents.map((e) => [e.start, e.end, e.label]);
  const cats = doc.user.get('cats');
  if (cats !== undefined) out.cats = cats;
  return out;
}

export function isSpaceToken(doc: Doc, i: number): boolean {
  return doc.tokenText(i).trim() === '';
}

/** Sentences with at least one non-whitespace token (a whitespace-only one has nothing to print). */
export function wordSents(doc: Doc): Span[] {
  return doc.sents.filter((sent) => {
    for (let i = sent.start; i < sent.end; i++) if (!isSpaceToken(doc, i)) return true;
    return false;
  });
}

/**
 * CoNLL-U lines for a Doc: one block per sentence (`# sent_id = DOC-K`), whitespace tokens
 * dropped, SpaceAfter=No kept; the CLI passes the input line as `docIndex`. A Doc without a
 * sentence gives the empty string.
 * `# text` has whitespace runs collapsed and no leading or trailing whitespace (UD's convention).
 */
/**
 * The HEAD column of one sentence, always one tree with one root, as CoNLL-U requires: a head on
 * a whitespace token (not written) is followed to that token's own head, and a word whose head
 * lies outside the sentence, and any second root, hangs from the sentence's first root.
 */
function writtenHeads(doc: Doc, start: number, end: number, ids: Int32Array): Int32Array {
  const n = end - start;
  const out = new Int32Array(n);
  // The written word each token's head leads to (-1: outside the sentence or a root).
  const target = (i: number): number => {
    let h = i + doc.head[i]!;
    for (let steps = 0; steps < n && h !== i && h >= start && h < end && ids[h - start] === 0; steps++) {
      const next = h + doc.head[h]!;
      if (next === h) return -1;
      h = next;
    }
    return h === i || h < start || h >= end || ids[h - start] === 0 ? -1 : h;
  };
  let root = -1;
  for (let i = start; i < end; i++) {
    if (ids[i - start] === 0) continue;
    const t = target(i);
    if (t < 0 && root < 0) root = i;
    out[i - start] = t < 0 ? -1 : ids[t - start]!;
  }
  for (let i = start; i < end; i++) {
    if (ids[i - start] === 0) continue;
    if (i === root) out[i - start] = 0;
    else if (out[i - start] === -1) out[i - start] = root >= 0 ? ids[root - start]! : 0;
  }
  return out;
}

export function docConllu(doc: Doc, docIndex: number): string {
  const s = doc.vocab.strings;
  const out: string[] = [];
  const parsed = doc.isParsed;
  const mwt = doc.mwt;
  wordSents(doc).forEach((sent, k) => {
    out.push(`# sent_id = ${docIndex}-${k + 1}`, `# text = ${sent.text.replace(/\s+/g, ' ').trim()}`);
    // Word ids of the sentence's tokens (0 for whitespace tokens, which are not written).
    const ids = new Int32Array(sent.end - sent.start);
    let id = 0;
    for (let i = sent.start; i < sent.end; i++) if (!isSpaceToken(doc, i)) ids[i - sent.start] = ++id;
    const heads = parsed ? writtenHeads(doc, sent.start, sent.end, ids) : null;
    for (let i = sent.start; i < sent.end; i++) {
      if (isSpaceToken(doc, i)) continue;
      const wid = ids[i - sent.start]!;
      const noSpace = !doc.spaceAfter[i] && i + 1 < doc.length && !isSpaceToken(doc, i + 1);
      const f = (v: number) => (v ? s.get(v) : '_');
      let inMwt = false;
      if (mwt !== null && mwt[i]) {
        inMwt = true;
        // UD's range line ("1-2  del") before the first word; SpaceAfter goes on the range line.
        if (i === sent.start || mwt[i - 1] !== mwt[i] || doc.idx[i - 1] !== doc.idx[i]) {
          let j = i + 1;
          while (j < sent.end && mwt[j] === mwt[i] && doc.idx[j] === doc.idx[i]) j++;
          const last = j - 1;
          const rangeNoSpace = !doc.spaceAfter[last] && last + 1 < doc.length && !isSpaceToken(doc, last + 1);
          out.push([`${wid}-${wid + j - i - 1}`, s.get(mwt[i]!), '_', '_', '_', '_', '_', '_', '_', rangeNoSpace ? 'SpaceAfter=No' : '_'].join('\t'));
        }
      }
      let head = '_';
      let deprel = '_';
      if (heads) {
        head = String(heads[i - sent.start]!);
        deprel = heads[i - sent.start] === 0 ? 'root' : f(doc.dep[i]!);
      }
      out.push([wid, doc.tokenText(i), f(doc.lemma[i]!), f(doc.pos[i]!), f(doc.tag[i]!), '_', head, deprel, '_', noSpace && !inMwt ? 'SpaceAfter=No' : '_'].join('\t'));
    }
    out.push('');
  });
  // A blank input line has no sentence and prints nothing: CoNLL-U allows exactly one blank line
  // between sentences, and the sent_id keeps the input line number.
  return out.length ? out.join('\n') + '\n' : '';
}
