/**
 * Runs the demo: loads the pipeline, adds `ner`, then runs each section in order, printing a
 * heading and its time, and collects every section's summary for `--json`.
 */
import { load, type Doc, type Nlp } from '../../index.js';
import type { Palette } from './colour.js';
import { readDemoTexts, type DemoContext, type DemoSection } from './context.js';
import { keywordsSection } from './keywords.js';
import { matcherSection } from './matcher.js';
import { ngramSection } from './ngram.js';
import { searchSection } from './search.js';
import { sentencesSection } from './sentences.js';
import { tokensSection } from './tokens.js';
import { word2vecSection } from './word2vec.js';

/** The sections, in the order they run. */
export const DEMO_SECTIONS: readonly DemoSection[] = Object.freeze([tokensSection, sentencesSection, matcherSection, ngramSection, keywordsSection, word2vecSection, searchSection]);

/** Options of {@link runDemo}. */
export interface DemoOptions {
  /** Bundled pipeline name or config file (default `en_core`). */
  pipeline: string;
  palette: Palette;
  /** Output width for wrapping (default 100). */
  width: number;
  /** Where lines go; `undefined` prints nothing (for `--json`). */
  print?: (line: string) => void;
}

/** What {@link runDemo} returns: the deterministic summary per section, and the measured timings. */
export interface DemoSummary {
  pipeline: { name: string; components: string[] };
  sections: Record<string, Record<string, unknown>>;
  /** Milliseconds per step and other measured figures (vary between runs). */
  timings: Record<string, number>;
}

/**
 * Runs every demo section over the bundled corpora.
 * @example const s = await runDemo({ pipeline: 'en_core', palette: palette({}), width: 100, print: console.log });
 */
export async function runDemo(options: DemoOptions): Promise<DemoSummary> {
  const c = options.palette;
  const out = options.print ?? (() => {});
  const timings: Record<string, number> = {};
  const t0 = performance.now();
  const nlp: Nlp = await load(options.pipeline);
  if (!nlp.hasPipe('ner')) await nlp.addPipe('ner');
  timings.load = performance.now() - t0;
  const core = nlp.disable(['ner']);
  const texts = readDemoTexts();
  let austen: Doc[] | undefined;
  const ctx: DemoContext = {
    nlp,
    core,
    texts,
    austenDocs: () => (austen ??= [...core.pipe(texts.paragraphs, { batchSize: 64 })]),
    c,
    width: options.width,
    print: (line = '') => out(line),
    timing: (key, value) => {
      timings[key] = value;
    },
  };
  const name = nlp.config.name ?? options.pipeline;
  const steps = ['tokenizer', ...nlp.pipeNames].join(' -> ');
  const loaded = `(loaded in ${timings.load.toFixed(0)} ms)`;
  // A long pipeline puts the load time on its own line, so no line passes 110 columns.
  const oneLine = `textloom demo: pipeline ${name} = ${steps} ${loaded}`.length <= 110;
  out(`${c.bold('textloom demo')}: pipeline ${c.bold(name)} = ${steps}${oneLine ? ` ${c.dim(loaded)}` : ''}`);
  if (!oneLine) out(`  ${c.dim(loaded)}`);
  const sections: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < DEMO_SECTIONS.length; i++) {
    const s = DEMO_SECTIONS[i]!;
    out('');
    out(c.heading(`== ${i + 1}. ${s.title} ==`));
    const ts = performance.now();
    sections[s.key] = await s.run(ctx);
    timings[s.key] = performance.now() - ts;
    out(c.dim(`   (${timings[s.key]!.toFixed(0)} ms)`));
  }
  timings.total = performance.now() - t0;
  out('');
  out(c.dim(`done in ${(timings.total / 1000).toFixed(1)} s`));
  return { pipeline: { name, components: ['tokenizer', ...nlp.pipeNames] }, sections, timings };
}
