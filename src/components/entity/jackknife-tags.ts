/**
 * Jackknifed tagger tags for the entity recognizer's training sentences. The shipped tagger was
 * trained on the same sentences as the entity data (Universal NER English-EWT annotates UD
 * English-EWT), so its tags there are nearly gold, far better than on new text; a recognizer that
 * learns from them leans on the proper-noun tag more than it should. Here the treebank is cut into
 * folds, each fold's sentences are tagged by a tagger trained on the other folds, and an entity
 * sentence takes the tags of the fold its treebank sentence (same `sent_id`) belongs to.
 */
import { ArgumentError } from '../../core/errors.js';
import { trainTagger, type GoldSentence } from '../tagger/train.js';

/** A treebank sentence: gold words and its `key = value` comments (`sent_id`). `ConlluSentence` satisfies this. */
export interface JackknifeTreebankSentence extends GoldSentence {
  meta: Record<string, string>;
}

/** Options of {@link jackknifeEntityTags}. */
export interface JackknifeEntityTagsOptions {
  /** Folds (default 3, 2..20): sentence i of the treebank is in fold i mod folds. */
  folds?: number;
  /** Epochs of each fold's tagger (default 4). */
  taggerEpochs?: number;
  /** Seed of fold f's tagger is seed + f (default 1). */
  seed?: number;
  /** Called after each fold with the number of folds done. */
  onFold?: (done: number) => void;
}

/** Defaults of {@link JackknifeEntityTagsOptions}. */
export const JACKKNIFE_ENTITY_DEFAULTS = Object.freeze({ folds: 3, taggerEpochs: 4, seed: 1 });

/**
 * XPOS tags for each entity sentence (`id` its `sent_id`, `words` its words): tagged by the fold
 * tagger that did not see the treebank sentence of the same `sent_id`; `null` for a sentence whose
 * id the treebank lacks (tag it with another tagger). Deterministic for a seed.
 * @example const tags = jackknifeEntityTags(unerTrain, udTrain, { folds: 3 }); trainEntityModel(unerTrain, { posTags: (s, i) => tags[i] ?? shipped(s) });
 */
export function jackknifeEntityTags(sentences: readonly { id: string; words: readonly string[] }[], treebank: readonly JackknifeTreebankSentence[], options: JackknifeEntityTagsOptions = {}): (string[] | null)[] {
  const folds = options.folds ?? JACKKNIFE_ENTITY_DEFAULTS.folds;
  const epochs = options.taggerEpochs ?? JACKKNIFE_ENTITY_DEFAULTS.taggerEpochs;
  const seed = options.seed ?? JACKKNIFE_ENTITY_DEFAULTS.seed;
  if (!Number.isInteger(folds) || folds < 2 || folds > 20) throw new ArgumentError(`folds must be an integer in 2..20, got ${folds}`, { key: 'folds' });
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > 100) throw new ArgumentError(`taggerEpochs must be an integer in 1..100, got ${epochs}`, { key: 'taggerEpochs' });
  if (treebank.length < folds) throw new ArgumentError(`a treebank of ${treebank.length} sentences cannot make ${folds} folds`, { key: 'treebank' });
  const foldOf = new Map<string, number>();
  treebank.forEach((s, i) => {
    const id = s.meta['sent_id'];
    if (id !== undefined && !foldOf.has(id)) foldOf.set(id, i % folds);
  });
  const out: (string[] | null)[] = sentences.map(() => null);
  for (let f = 0; f < folds; f++) {
    const model = trainTagger(treebank.filter((_, i) => i % folds !== f), { epochs, seed: seed + f });
    sentences.forEach((s, i) => {
      if (s.id !== '' && foldOf.get(s.id) === f) out[i] = Array.from(model.tagWords(s.words), (c) => model.classes[c]!.xpos);
    });
    options.onFold?.(f + 1);
  }
  return out;
}
