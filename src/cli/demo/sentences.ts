/**
 * Demo section: sentence boundaries over the Austen chapters (one Doc per paragraph, through the
 * whole pipeline), with throughput and the sentences of one paragraph.
 */
import { wrapItems } from './colour.js';
import type { DemoContext, DemoSection } from './context.js';

/** Index of the paragraph whose sentences are listed (the first with several short ones). */
function pickParagraph(sizes: readonly number[][]): number {
  const i = sizes.findIndex((s) => s.length >= 3 && s.every((n) => n <= 40));
  return i < 0 ? 0 : i;
}

/** Section 2: sentence boundaries and throughput over the Austen paragraphs. */
export const sentencesSection: DemoSection = {
  title: 'Sentences',
  key: 'sentences',
  run(ctx: DemoContext) {
    const { c, print } = ctx;
    const paras = ctx.texts.paragraphs;
    const t0 = performance.now();
    const docs = ctx.austenDocs();
    const ms = performance.now() - t0;
    let tokens = 0;
    const sents: string[][] = [];
    const sizes: number[][] = [];
    for (const doc of docs) {
      let words = 0;
      for (let i = 0; i < doc.length; i++) if (!doc.token(i).isSpace) words++;
      tokens += words;
      const s = doc.sents;
      sents.push(s.map((x) => x.text.trim()));
      sizes.push(s.map((x) => x.length));
    }
    const total = sents.reduce((a, s) => a + s.length, 0);
    const rate = Math.round(tokens / (ms / 1000));
    // A second pass shows the steady speed, once the JIT and the per-word-type caches are warm.
    const t1 = performance.now();
    for (const doc of ctx.core.pipe(paras, { batchSize: 64 })) void doc;
    const warm = Math.round(tokens / ((performance.now() - t1) / 1000));
    ctx.timing('sentences.tokensPerSecond', rate);
    ctx.timing('sentences.warmTokensPerSecond', warm);
    print(c.dim('corpora/persuasion-ch1-3.txt (Jane Austen, 1818), one Doc per paragraph through the pipeline'));
    const perSecond = (n: number) => c.number(n.toLocaleString('en-US'));
    print(`${c.number(String(paras.length))} paragraphs -> ${c.number(String(total))} sentences, ${c.number(String(tokens))} tokens in ${c.number(ms.toFixed(0))} ms (${perSecond(rate)} tokens/s; warm: ${perSecond(warm)} tokens/s)`);
    const p = pickParagraph(sizes);
    print(c.dim(`paragraph ${p + 1}:`));
    sents[p]!.forEach((s, i) => {
      const lines = wrapItems(s.split(' '), ctx.width, '      ');
      lines[0] = `  ${c.number(String(i + 1).padStart(2))}  ${lines[0]!.trimStart()}`;
      for (const line of lines) print(line);
    });
    return { paragraphs: paras.length, sentences: total, tokens, example: { paragraph: p + 1, sentences: sents[p] } };
  },
};
