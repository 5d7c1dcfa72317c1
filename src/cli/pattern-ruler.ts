/**
 * The entity ruler of the commands that take `--patterns FILE` (entity-ruler JSON lines):
 * `match` and `render --style span`. One loader so both read, validate and locate errors alike.
 */
import { loadPatternRuler as load } from '../components/matcher/match-lines.js';
import type { EntityRuler } from '../components/matcher/entity-ruler.js';
import type { Nlp } from '../pipeline/pipeline.js';
import { inputName } from './input-name.js';

/** `components/matcher/match-lines.ts`'s loader, naming the file as the commands name their inputs. */
export function loadPatternRuler(file: string, nlp: Nlp, attr?: string): Promise<EntityRuler> {
  return load(file, nlp, attr, inputName(file));
}
