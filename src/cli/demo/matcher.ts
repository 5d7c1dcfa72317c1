/**
 * Demo section: the token Matcher (spaCy's pattern language) over the analysed Austen paragraphs
 * and the web sample: titles with names, adjective-noun pairs, and amounts of money.
 */
import { Matcher, type Doc, type TokenPattern } from '../../index.js';
import { wrapItems } from './colour.js';
import type { DemoContext, DemoSection } from './context.js';

/** The demo's patterns, by key, with the texts they run on. */
export const DEMO_PATTERNS: Readonly<Record<string, { on: 'austen' | 'web'; pattern: TokenPattern }>> = Object.freeze({
  TITLE_NAME: { on: 'austen', pattern: [{ LOWER: { IN: ['sir', 'lady', 'mr', 'mrs', 'miss', 'captain', 'admiral', 'colonel'] } }, { POS: 'PROPN', OP: '+' }] },
  ADJ_NOUN: { on: 'austen', pattern: [{ POS: 'ADJ' }, { POS: 'NOUN' }] },
  MONEY: { on: 'web', pattern: [{ IS_CURRENCY: true }, { LIKE_NUM: true }] },
});

/** Distinct match texts with counts, most frequent first (ties in text order). */
function tally(texts: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Section 3: token-pattern matches ({@link DEMO_PATTERNS}) with counts. */
export const matcherSection: DemoSection = {
  title: 'Matcher: token patterns',
  key: 'matcher',
  run(ctx: DemoContext) {
    const { c, print } = ctx;
    const austen = ctx.austenDocs();
    const web: Doc[] = [...ctx.core.pipe(ctx.texts.web)];
    // Patterns on POS need a tagger; a pipeline without one (e.g. en_whitespace) skips them.
    const tagged = austen.some((d) => d.length > 0 && d.token(0).pos !== '');
    const usable = Object.entries(DEMO_PATTERNS).filter(([, { pattern }]) => tagged || !pattern.some((t) => 'POS' in t));
    const matcher = new Matcher(ctx.nlp.vocab);
    for (const [key, { pattern }] of usable) matcher.add(key, [pattern], { greedy: 'LONGEST' });
    const found = new Map<string, string[]>(usable.map(([k]) => [k, []]));
    for (const [docs, on] of [[austen, 'austen'], [web, 'web']] as const) {
      for (const doc of docs) {
        for (const span of matcher.match(doc, { asSpans: true })) {
          if (DEMO_PATTERNS[span.label]!.on === on) found.get(span.label)!.push(span.text);
        }
      }
    }
    const summary: Record<string, unknown> = {};
    if (usable.length < Object.keys(DEMO_PATTERNS).length) print(c.dim('patterns on POS skipped: the pipeline has no tagger'));
    for (const [key, { on, pattern }] of usable) {
      const hits = found.get(key)!;
      const top = tally(hits).slice(0, 8);
      print(`${c.label(key)} ${c.dim(JSON.stringify(pattern))}`);
      const where = on === 'austen' ? 'in Persuasion' : 'in the web sample';
      const items = top.map(([t, n], i) => `${c.hit(t)}${n > 1 ? c.dim(` ×${n}`) : ''}${i < top.length - 1 ? ',' : ''}`);
      for (const line of wrapItems([c.dim(`${hits.length} matches ${where}${items.length ? ':' : ''}`), ...items], ctx.width, '  ')) print(line);
      summary[key] = { pattern, matches: hits.length, top: top.map(([text, count]) => ({ text, count })) };
    }
    return summary;
  },
};
