/** The smoothing methods by name, with their aliases and defaults. */
import { ArgumentError } from '../../core/errors.js';

/** Names accepted by `NgramLM.train({ smoothing })`. */
export type SmoothingName = 'kn' | 'modified-kneser-ney' | 'witten-bell' | 'wb' | 'mle' | 'laplace' | 'add-k' | 'stupid-backoff';

/** Canonical smoothing ids stored in models. */
export type SmoothingId = 'kn' | 'witten-bell' | 'mle' | 'add-k' | 'stupid-backoff' | 'arpa';

const ALIASES: Readonly<Record<SmoothingName, SmoothingId>> = Object.freeze({
  kn: 'kn',
  'modified-kneser-ney': 'kn',
  'witten-bell': 'witten-bell',
  wb: 'witten-bell',
  mle: 'mle',
  laplace: 'add-k',
  'add-k': 'add-k',
  'stupid-backoff': 'stupid-backoff',
});

/** Resolves a smoothing name or alias; throws an ArgumentError listing the valid names. */
export function resolveSmoothing(name: string): SmoothingId {
  const id = (ALIASES as Record<string, SmoothingId>)[name];
  if (!id) throw new ArgumentError(`unknown smoothing "${name}"; use one of ${Object.keys(ALIASES).join(', ')}`, { key: 'smoothing' });
  return id;
}
