/**
 * The analyzer of each indexed field, built from index options or from the specs a saved index
 * holds. Fields asking for the same analyzer share one instance, so their terms are comparable
 * (BM25F and RM3 group fields by analyzer instance).
 */
import { ConfigError } from '../core/errors.js';
import { Analyzer, type AnalyzerOptions, type AnalyzerSpec } from './analyzer.js';
import type { Options } from './options.js';

/**
 * Field -> analyzer for checked index options: `fieldAnalyzers[f]`, else `analyzer`, else the
 * default analyzer; equal option objects (or none) build one shared analyzer.
 * @example await buildAnalyzers({ fields: ['title', 'text'] }) // both fields share the default analyzer
 */
export async function buildAnalyzers(options: Options): Promise<Map<string, Analyzer>> {
  const language = options.language;
  if (language !== undefined && options.analyzer instanceof Analyzer) {
    throw new ConfigError('language applies to analyzer options, not to a built Analyzer: build it with { language }', { key: 'language' });
  }
  const shared = new Map<AnalyzerOptions | Analyzer | undefined, Analyzer>();
  const get = async (a: AnalyzerOptions | Analyzer | undefined): Promise<Analyzer> => {
    if (a instanceof Analyzer) return a;
    let r = shared.get(a);
    if (!r) {
      // The index's language fills in analyzers that choose neither a language nor a pipeline.
      const own = a !== undefined && (a.language !== undefined || a.pipeline !== undefined);
      const opts = language === undefined || own ? (a ?? {}) : { ...a, language };
      try {
        r = await Analyzer.create(opts);
      } catch (e) {
        // The analyzer names `analyzer.language`; the index option is `language`.
        if (e instanceof ConfigError && e.key === 'analyzer.language' && !own) throw new ConfigError(e.detail, { key: 'language' });
        throw e;
      }
      shared.set(a, r);
    }
    return r;
  };
  const analyzers = new Map<string, Analyzer>();
  for (const f of options.fields) analyzers.set(f, await get(options.fieldAnalyzers?.[f] ?? options.analyzer));
  return analyzers;
}

/**
 * Field -> analyzer for a saved index: `override` for every field when given (e.g. a built Nlp),
 * else each field's saved spec (the default analyzer when an old manifest has none); equal specs
 * build one shared analyzer.
 */
export async function savedAnalyzers(fields: readonly string[], specs: Readonly<Record<string, AnalyzerSpec | undefined>>, override?: AnalyzerOptions | Analyzer): Promise<Map<string, Analyzer>> {
  const analyzers = new Map<string, Analyzer>();
  const built = new Map<string, Analyzer>();
  for (const f of fields) {
    if (override instanceof Analyzer) analyzers.set(f, override);
    else if (override) analyzers.set(f, await Analyzer.create(override));
    else {
      const key = JSON.stringify(specs[f] ?? null);
      let a = built.get(key);
      if (!a) built.set(key, (a = await (specs[f] ? Analyzer.fromSpec(specs[f]!) : Analyzer.create())));
      analyzers.set(f, a);
    }
  }
  return analyzers;
}
