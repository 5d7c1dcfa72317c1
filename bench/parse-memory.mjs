// How much of the parser's time on this machine goes to reading its weight tables at random:
// the parser alone (EWT test, gold words and sentences, XPOS tags predicted by textloom's tagger)
// with the shipped tables (2^19 action rows of 4 int8 weights, 2^21 int8 label weights: 2 MB
// each), against the same decoder over the first rows of those tables only (the same work per
// word, the same number of reads, but a table that stays in the CPU's caches). The smaller
// tables give wrong trees: only their speed is of interest (each variant parses the same states
// only when its trees agree, so the figures are close, not exact, comparisons of memory cost).
// One core; passes interleaved, best and median of ROUNDS (default 8) after one warm-up pass,
// in tokens per CPU second of this process.
import { load } from '../dist/index.js';
import { ewtTestTagged, taggedDocs } from './ewt-tagged-docs.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 8);
const { test, tags } = ewtTestTagged();
const nlp = await load('en_core');
const docs = taggedDocs(nlp, test, tags);
const shipped = nlp.getPipe('parser').model;
const ParserModel = shipped.constructor;
/** The shipped model over the first 2^actionBits action rows and 2^labelBits label weights. */
const truncated = (actionBits, labelBits) =>
  new ParserModel({ ...shipped, clusterWords: shipped.clusterWords, actionBits, labelBits, actionWeights: shipped.actionWeights.slice(0, 4 << actionBits), labelWeights: shipped.labelWeights.slice(0, 1 << labelBits) });
const kb = (bytes) => (bytes >= 2 ** 20 ? `${bytes / 2 ** 20} MB` : `${bytes / 1024} KB`);
const variants = [
  [shipped.actionBits, shipped.labelBits],
  [17, shipped.labelBits],
  [shipped.actionBits, 17],
  [12, shipped.labelBits],
  [shipped.actionBits, 12],
  [12, 12],
].map(([a, l]) => ({ name: `action table ${kb(4 << a)}, label table ${kb(1 << l)}${a === shipped.actionBits && l === shipped.labelBits ? ' (shipped)' : ''}`, model: a === shipped.actionBits && l === shipped.labelBits ? shipped : truncated(a, l), ms: [] }));

let tokens = 0;
for (let r = -1; r < ROUNDS; r++) {
  for (const v of r % 2 ? variants : [...variants].reverse()) {
    const c0 = process.cpuUsage();
    tokens = 0;
    for (const d of docs) {
      v.model.parseDoc(d);
      tokens += d.length;
    }
    const c = process.cpuUsage(c0);
    if (r >= 0) v.ms.push((c.user + c.system) / 1000);
  }
}
const fmt = (ms) => `${Math.round(tokens / (ms / 1000)).toLocaleString('en-US')}`;
const base = [...variants[0].ms].sort((a, b) => a - b);
for (const v of variants) {
  const ms = [...v.ms].sort((a, b) => a - b);
  const med = ms[ms.length >> 1];
  console.log(`${v.name.padEnd(52)} best ${fmt(ms[0])}, median ${fmt(med)} tokens per CPU second (median ${(base[base.length >> 1] / med).toFixed(2)}x the shipped)`);
}
