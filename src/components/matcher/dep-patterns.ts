import { FormatError, TextloomError } from '../../core/errors.js';
import { readNumberedJsonl } from '../../io/jsonl.js';
import { parseDependencyPattern, type DependencyPattern } from './dep-validate.js';

/** One line of a dependency-patterns file: the match key and one pattern, with its line number. */
export interface DependencyPatternRecord {
  label: string;
  pattern: DependencyPattern;
  line: number;
}

const RECORD_KEYS = new Set(['label', 'pattern']);

/**
 * Reads dependency patterns from a JSON-lines file, one `{"label": KEY, "pattern": [nodes...]}`
 * per line (blank lines skipped; `-` is stdin; `.gz` gunzipped). Every pattern is checked as
 * `DependencyMatcher.add` checks it, so bad JSON, a bad record or a bad node raises a typed error
 * naming the file, line and key (e.g. `pattern[2].REL_OP`) before any matching starts.
 * @example
 * const matcher = new DependencyMatcher(nlp.vocab);
 * for (const { label, pattern } of await readDependencyPatterns('patterns.jsonl')) matcher.add(label, [pattern]);
 */
export async function readDependencyPatterns(path: string): Promise<DependencyPatternRecord[]> {
  const out: DependencyPatternRecord[] = [];
  for await (const [rec, line] of readNumberedJsonl(path)) {
    const where = { file: path, line };
    if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) throw new FormatError('a dependency pattern record must be an object {"label", "pattern"}', where);
    const o = rec as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!RECORD_KEYS.has(k)) throw new FormatError(`unknown record key "${k}"; valid: label, pattern`, { ...where, key: k });
    if (typeof o.label !== 'string' || o.label === '') throw new FormatError('"label" must be a non-empty string', { ...where, key: 'label' });
    try {
      parseDependencyPattern(o.pattern, true, o.label);
    } catch (e) {
      if (e instanceof TextloomError) throw new FormatError(e.detail, { ...where, key: `pattern${e.key ?? ''}`, pattern: o.label });
      throw e;
    }
    out.push({ label: o.label, pattern: o.pattern as DependencyPattern, line });
  }
  return out;
}
