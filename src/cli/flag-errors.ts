/**
 * Rewords an API error in terms of the flags the user typed: `minCount must be an integer >= 1
 * (at key "minCount")` becomes `--min-count must be an integer >= 1, got -1`. Which API option a
 * flag sets is declared once per command, in its flag spec (`FlagSpec.option`, or by default the
 * flag name in camelCase).
 */
import type { TextloomError } from '../core/errors.js';
import type { FlagSpec, ParsedArgs } from './args.js';

/** `min-count` -> `minCount`. */
function camel(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** The API option keys a flag sets: its declared `option`s and its camelCase name. */
export function optionKeys(flag: string, spec: FlagSpec): string[] {
  const declared = spec.option === undefined ? [] : typeof spec.option === 'string' ? [spec.option] : [...spec.option];
  return [...declared, camel(flag)];
}

/**
 * The flag whose API option is `key`: an exact match first, then the key's head (`ngramRange[0]`,
 * `bm25.k1` -> `bm25`). `--flag` keys (errors a command raised itself) name the flag directly.
 */
export function flagForKey(key: string, flags: Record<string, FlagSpec>): { flag: string; option: string } | undefined {
  if (key.startsWith('--')) return key.slice(2) in flags ? { flag: key.slice(2), option: key } : undefined;
  const head = key.split(/[.[]/, 1)[0]!;
  for (const k of [key, head]) {
    for (const [flag, spec] of Object.entries(flags)) if (optionKeys(flag, spec).includes(k)) return { flag, option: k };
  }
  return undefined;
}

/** `option` as a whole word: `k` must not match inside `add-k` or `Dk`. */
function wordRe(option: string, flags = ''): RegExp {
  return new RegExp(`(?<![\\w-])${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, flags);
}

/**
 * The one-line CLI message of a TextloomError: when its key is an API option one of the command's
 * flags sets, the option name is replaced by `--flag` (or the message is prefixed with it) and the
 * value the user gave is shown unless the message already quotes it; the "(at key ...)" suffix
 * goes. Other errors keep their message.
 * @example cliMessage(err, lmTrain.flags, args) // '--min-count must be an integer >= 1, got -1'
 */
export function cliMessage(e: TextloomError, flags: Record<string, FlagSpec>, args: ParsedArgs | undefined): string {
  const key = e.where?.key;
  const hit = key === undefined ? undefined : flagForKey(key, flags);
  if (!hit) return e.message;
  const name = `--${hit.flag}`;
  let msg = e.detail;
  if (!hit.option.startsWith('--')) {
    // "minCount must be ..." and "... minCount=5 ..." name the option; elsewhere the word is prose
    // ("unknown smoothing"), so the flag goes in front.
    const opt = hit.option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const named = new RegExp(`^${opt}(?![\\w-])|(?<![\\w-])${opt}(?==)`);
    msg = named.test(msg) ? msg.replace(named, name) : `${name}: ${msg}`;
    // Other options the message mentions ("maxDf ... than minDf"): camelCase names only, which
    // cannot be ordinary words.
    for (const [flag, spec] of Object.entries(flags)) {
      for (const opt of optionKeys(flag, spec)) if (opt.length > 2 && /[A-Z]/.test(opt)) msg = msg.replace(wordRe(opt, 'g'), `--${flag}`);
    }
    const given = args?.flags[hit.flag];
    if (given !== undefined && typeof given !== 'boolean' && !wordRe(String(given)).test(msg)) msg += ` (got ${name} ${String(given)})`;
  }
  const where = e.where!;
  if (where.file !== undefined && !msg.includes(where.file)) msg += ` (at ${where.file}${where.line !== undefined ? `:${where.line}` : ''})`;
  return msg;
}
