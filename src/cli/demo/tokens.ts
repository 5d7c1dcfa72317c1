/**
 * Demo section: tokens with part-of-speech tags, lemmas and entities, on lines of the bundled
 * web sample chosen to show the tokenizer's conventions (clitics, abbreviations, e-mail,
 * emoticons, emoji, handles, money, dates).
 */
import type { Doc } from '../../index.js';
import { wrapItems } from './colour.js';
import type { DemoContext, DemoSection } from './context.js';

/**
 * 1-based lines of `web-sample.txt` shown: abbreviations, e-mail, quotes, an emoticon; a
 * hyphenated word kept whole; a handle, a hashtag, an emoji, a clitic; money and dates.
 */
export const WEB_LINES: readonly number[] = Object.freeze([4, 5, 6, 8]);

/** One analysed token of the `--json` summary. */
interface TokenRow {
  text: string;
  pos: string;
  tag: string;
  lemma: string;
}

function rows(doc: Doc): TokenRow[] {
  return doc
    .tokens()
    .filter((t) => !t.isSpace)
    .map((t) => ({ text: t.text, pos: t.pos, tag: t.tag, lemma: t.lemma }));
}

/** Section 1: tokens with UPOS, lemmas and entities of a few web-sample lines. */
export const tokensSection: DemoSection = {
  title: 'Tokens: part of speech, lemmas, entities',
  key: 'tokens',
  run(ctx: DemoContext) {
    const { c, print } = ctx;
    const lines = WEB_LINES.filter((n) => ctx.texts.web[n - 1] !== undefined);
    const analysed = lines.map((n) => ctx.nlp(ctx.texts.web[n - 1]!));
    // Say only what this pipeline shows: another pipeline may have no tagger or no ner.
    const tagged = analysed.some((d) => d.tokens().some((t) => t.pos !== ''));
    const hasNer = ctx.nlp.pipeNames.includes('ner');
    print(c.dim(`corpora/web-sample.txt, lines ${lines.join(', ')}: ${tagged ? 'each token as text/UPOS (UD English EWT conventions);' : 'the tokens (this pipeline has no tagger);'}`));
    if (tagged) print(c.dim('lemmas where they differ from the text' + (hasNer ? ';' : '')));
    if (hasNer) {
      print(c.dim('entities from the ner component (people, organizations and places from the trained recognizer;'));
      print(c.dim('dates, times, money, numbers, e-mail, URLs, handles, hashtags and emoji from rules)'));
    }
    const docs: Record<string, unknown>[] = [];
    for (const [k, n] of lines.entries()) {
      const text = ctx.texts.web[n - 1]!;
      const doc = analysed[k]!;
      print();
      print(`${c.bold('>')} ${text}`);
      const toks = rows(doc);
      for (const line of wrapItems(toks.map((t) => (t.pos ? `${t.text}${c.dim('/')}${c.tag(t.pos)}` : t.text)), ctx.width, '  ')) print(line);
      const lemmas = toks.filter((t) => t.lemma !== '' && t.lemma !== t.text && t.lemma !== t.text.toLowerCase()).map((t) => `${t.text}${c.dim('→')}${c.lemma(t.lemma)}`);
      if (lemmas.length) for (const line of wrapItems([c.dim('lemmas:'), ...lemmas], ctx.width, '  ')) print(line);
      const ents = doc.ents.map((e) => ({ text: e.text, label: e.label }));
      const entItems = ents.map((e, i) => `${e.text} ${c.label(e.label)}${i < ents.length - 1 ? ',' : ''}`);
      if (ents.length) for (const line of wrapItems([c.dim('entities:'), ...entItems], ctx.width, '  ')) print(line);
      docs.push({ line: n, text, sentences: doc.sents.length, tokens: toks, entities: ents });
    }
    return { docs };
  },
};
