/**
 * The wink-eng-lite-web-model of the entities-only wink-nlp instance, with its core (lexicon and
 * feature tables) read once and shared with `wink-gate.ts`: the gate then sees the words wink adds
 * to the lexicon as it reads text, and the core (about 200 ms to read) is read once, not twice.
 */
import { createRequire } from 'node:module';

/** The parts of wink-eng-lite-web-model that textloom reads. */
export interface WinkModel {
  core(): WinkCore;
  ner(): { machines: string[]; transformers: (((t: number, c: unknown) => number) | undefined)[] };
  featureFn: unknown;
}

/** The core's lexeme table, as far as the gate reads it. */
export interface WinkCore {
  features: { lexeme: { list: string[]; index: number; intrinsicSize: number } };
}

let shared: WinkModel | undefined;

/** The model with a core read once (created on first call). */
export function sharedWinkModel(): WinkModel {
  if (!shared) {
    const require = createRequire(import.meta.url);
    const base = require('wink-eng-lite-web-model') as WinkModel;
    const core = base.core();
    shared = { ...base, core: () => core };
  }
  return shared;
}
