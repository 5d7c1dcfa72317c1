/**
 * What every demo section gets: the loaded pipeline, the bundled texts, a palette and a line
 * printer. Sections print for people and return a plain object for `--json`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PACKAGE_ROOT, type Doc, type Nlp } from '../../index.js';
import type { Palette } from './colour.js';

/** The bundled texts the demo runs on (from the package's `corpora/` folder). */
export interface DemoTexts {
  /** `web-sample.txt`: one short web-style text per line. */
  web: string[];
  /** `persuasion-ch1-3.txt` as paragraphs (blank-line separated, hard wraps joined). */
  paragraphs: string[];
  /** The same text as its three chapters (heading lines removed). */
  chapters: string[];
  /** 0-based chapter of each paragraph. */
  chapterOf: number[];
}

/** The shared state of one demo run. */
export interface DemoContext {
  /** The pipeline (`en_core` by default) with `ner` added. */
  nlp: Nlp;
  texts: DemoTexts;
  /** The pipeline without `ner`: what the Austen paragraphs and the matcher need. */
  core: Nlp;
  /** The Austen paragraphs through `core` (computed on first call, then shared). */
  austenDocs(): Doc[];
  c: Palette;
  /** Output width used for wrapping. */
  width: number;
  /** Prints one line (nothing in `--json` mode). */
  print(line?: string): void;
  /** Records a measured figure (milliseconds, rates); kept apart from the deterministic summary. */
  timing(key: string, value: number): void;
}

/** One part of the demo. */
export interface DemoSection {
  /** Heading, also the key of its summary in `--json` output. */
  title: string;
  key: string;
  /** Prints the section and returns its machine-readable summary. */
  run(ctx: DemoContext): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/** Path of a bundled corpus file. */
export function corpusPath(name: string): string {
  return resolve(PACKAGE_ROOT, 'corpora', name);
}

/** Reads the bundled texts. */
export function readDemoTexts(): DemoTexts {
  const web = readFileSync(corpusPath('web-sample.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const austen = readFileSync(corpusPath('persuasion-ch1-3.txt'), 'utf8');
  const chapters = austen
    .split(/^Chapter \d+[ \t]*$/m)
    .slice(1)
    .map((ch) => ch.trim());
  const paragraphs: string[] = [];
  const chapterOf: number[] = [];
  chapters.forEach((ch, k) => {
    for (const block of ch.split(/\n[ \t]*\n/)) {
      const p = block
        .split('\n')
        .map((l) => l.trim())
        .join(' ')
        .trim();
      if (p === '') continue;
      paragraphs.push(p);
      chapterOf.push(k);
    }
  });
  return { web, paragraphs, chapters, chapterOf };
}
