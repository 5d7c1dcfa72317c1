import { ArgumentError } from '../core/errors.js';
import { getLanguage } from '../lang/registry.js';
import type { FlagSpec } from './args.js';

/** The `--lang` flag: a language's bundled pipeline (`--lang de` loads `de_core`). */
export const LANG_FLAG: FlagSpec = { type: 'string', value: 'CODE', doc: "language code (de fr es pt nl it zh ja xx en): use that language's bundled <code>_core pipeline" };

/**
 * The pipeline a command loads: `--pipeline` as given, else `<lang>_core` for `--lang`, else
 * `fallback`. Both flags together are an error (they would disagree on the tokenizer).
 */
export function pipelineName(flags: Record<string, unknown>, fallback: string): string {
  const lang = flags.lang as string | undefined;
  const pipeline = flags.pipeline as string | undefined;
  if (lang !== undefined && pipeline !== undefined) throw new ArgumentError('give --lang or --pipeline, not both', { key: '--lang' });
  if (lang !== undefined) return `${getLanguage(lang, '--lang').code}_core`;
  return pipeline ?? fallback;
}
