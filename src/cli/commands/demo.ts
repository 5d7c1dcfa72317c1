import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Doc } from '../../core/doc.js';
import { LexFlag } from '../../core/lexeme.js';
import { load, PACKAGE_ROOT } from '../../pipeline/load.js';
import { SearchIndex } from '../../search/search-index.js';
import { extractKeywords } from '../../vectorize/keywords.js';
import type { Command } from '../command.js';

function annotated(doc: Doc, start: number, end: number): string {
  const s = doc.vocab.strings;
  const parts: string[] = [];
  for (let i = start; i < end; i++) {
    const text = doc.tokenText(i);
    if (text.trim() === '') continue;
    parts.push(doc.pos[i] ? `${text}/${s.get(doc.pos[i]!)}` : `[${text}]`);
  }
  return parts.join(' ');
}

/** Paragraphs of a hard-wrapped text: blank-line separated, inner newlines turned into spaces. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the en_core pipeline over the bundled corpora and show what it found',
  usage: '[--pipeline NAME|FILE]',
  flags: {
    pipeline: { type: 'string', doc: 'bundled pipeline name or config file', default: 'en_core', value: 'NAME|FILE' },
  },
  async run({ flags }, io) {
    const out = (s = '') => io.stdout.write(s + '\n');
    const t0 = performance.now();
    const nlp = await load(String(flags.pipeline));
    const loadMs = performance.now() - t0;
    out(`textloom demo: pipeline "${nlp.config.name ?? flags.pipeline}" = tokenizer -> ${nlp.pipeNames.join(' -> ') || '(no components)'} (loaded in ${loadMs.toFixed(0)} ms)`);

    out('\n== corpora/web-sample.txt: one Doc per line ==');
    const web = readFileSync(resolve(PACKAGE_ROOT, 'corpora', 'web-sample.txt'), 'utf8').split('\n').filter((l) => l.trim());
    for (const doc of nlp.pipe(web)) {
      out(`\n> ${doc.text}`);
      for (const sent of doc.sents) out(`  ${annotated(doc, sent.start, sent.end)}`);
      const ents = doc.ents;
      if (ents.length) out(`  entities: ${ents.map((e) => `${e.text} (${e.label})`).join(', ')}`);
    }

    out('\n== corpora/persuasion-ch1-3.txt (Jane Austen, 1818): one Doc per paragraph ==');
    const paras = paragraphs(readFileSync(resolve(PACKAGE_ROOT, 'corpora', 'persuasion-ch1-3.txt'), 'utf8'));
    const t1 = performance.now();
    let tokens = 0;
    let sentences = 0;
    let longest = { n: 0, text: '' };
    const counts = new Map<string, number>();
    const labels = new Map<string, number>();
    for (const doc of nlp.pipe(paras, { batchSize: 64 })) {
      const s = doc.vocab.strings;
      for (const sent of doc.sents) {
        sentences++;
        if (sent.length > longest.n) longest = { n: sent.length, text: sent.text };
      }
      for (let i = 0; i < doc.length; i++) {
        const orth = doc.orth[i]!;
        const f = doc.vocab.flags(orth);
        if (f & LexFlag.IS_SPACE) continue;
        tokens++;
        if (f & LexFlag.IS_ALPHA && !(f & LexFlag.IS_STOP)) {
          const key = doc.lemma[i] ? s.get(doc.lemma[i]!) : s.get(doc.vocab.lower(orth));
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      for (const e of doc.ents) labels.set(e.label, (labels.get(e.label) ?? 0) + 1);
    }
    const secs = (performance.now() - t1) / 1000;
    // A second pass shows the steady-state speed once the JIT and per-type caches are warm.
    const t2 = performance.now();
    for (const doc of nlp.pipe(paras, { batchSize: 64 })) void doc;
    const warm = (performance.now() - t2) / 1000;
    const rate = (s: number) => Math.round(tokens / s).toLocaleString('en-US');
    out(`${paras.length} paragraphs, ${sentences} sentences, ${tokens} tokens: first pass ${(secs * 1000).toFixed(0)} ms (${rate(secs)} tokens/s), warm pass ${(warm * 1000).toFixed(0)} ms (${rate(warm)} tokens/s)`);
    const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 12);
    out(`most frequent content words: ${top.map(([w, c]) => `${w} (${c})`).join(', ')}`);
    if (labels.size) out(`entities by label: ${[...labels].sort((a, b) => b[1] - a[1]).map(([l, c]) => `${l} ${c}`).join(', ')}`);
    out(`longest sentence (${longest.n} tokens): "${longest.text.slice(0, 160)}${longest.text.length > 160 ? '...' : ''}"`);

    out('\n== keywords of each chapter (TF-IDF, scikit-learn defaults + English stop words) ==');
    const raw = readFileSync(resolve(PACKAGE_ROOT, 'corpora', 'persuasion-ch1-3.txt'), 'utf8');
    const chapters = raw.split(/^Chapter \d+\s*$/m).slice(1);
    extractKeywords(chapters, { top: 8, stopWords: 'english' }).forEach((kw, i) => out(`chapter ${i + 1}: ${kw.map((k) => k.term).join(', ')}`));

    out('\n== BM25 search over the paragraphs ==');
    const index = await SearchIndex.create({ fields: ['text'], storeFields: ['text'] });
    index.addAll(paras.map((text, id) => ({ id, text })));
    for (const q of ['Sir Walter debts', '"Lady Russell" advice', 'navy OR admiral']) {
      const hits = index.search(q, { topK: 2, highlight: { fragmentSize: 110, pre: '[', post: ']' } });
      out(`query ${q}`);
      for (const h of hits) out(`  #${h.id} ${h.score.toFixed(2)}  ${h.highlights?.text ?? String(h.fields?.text ?? '').slice(0, 110)}`);
    }
    return 0;
  },
};
