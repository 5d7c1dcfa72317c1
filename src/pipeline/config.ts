import { ConfigError } from '../core/errors.js';

/** A component entry in a {@link PipelineConfig}. */
export interface ComponentConfig {
  /** Name in the pipeline (unique). */
  name: string;
  /** Registered factory (defaults to `name`). */
  factory?: string;
  /** Factory options; unknown keys are rejected. */
  options?: Record<string, unknown>;
  /** Whether the component starts disabled (default false). */
  disabled?: boolean;
}

/**
 * A pipeline description, as in `pipelines/*.json`.
 * @example
 * { "name": "en_core", "lang": "en",
 *   "tokenizer": { "factory": "tokenizer" },
 *   "components": [{ "name": "senter" }] }
 */
export interface PipelineConfig {
  name?: string;
  lang?: string;
  /** Tokenizer factory and options (default: the rule-based `tokenizer`). */
  tokenizer?: { factory?: string; options?: Record<string, unknown> };
  /** Components in order. */
  components?: ComponentConfig[];
}

const TOP_KEYS = new Set(['name', 'lang', 'tokenizer', 'components', 'description', 'version']);
const COMPONENT_KEYS = new Set(['name', 'factory', 'options', 'disabled']);

/** Describes a value for an error message. */
function shown(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

/**
 * Checks the structure of a config (not the factory options, which `resolveOptions` checks) and
 * names the bad key: unknown keys, and keys of the wrong type (`components[2].disabled` must be
 * a boolean, `name` a string...).
 */
export function checkConfig(config: unknown, file?: string): PipelineConfig {
  const where = (key: string) => (file ? { file, key } : { key });
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new ConfigError('a pipeline config must be an object', file ? { file } : undefined);
  const c = config as Record<string, unknown>;
  for (const k of Object.keys(c)) if (!TOP_KEYS.has(k)) throw new ConfigError(`unknown config key "${k}"; valid keys: ${[...TOP_KEYS].join(', ')}`, where(k));
  for (const k of ['name', 'lang', 'description']) {
    if (c[k] !== undefined && typeof c[k] !== 'string') throw new ConfigError(`must be a string, got ${shown(c[k])}`, where(k));
  }
  if (c.version !== undefined && typeof c.version !== 'string' && typeof c.version !== 'number') throw new ConfigError(`must be a string or number, got ${shown(c.version)}`, where('version'));
  if (c.tokenizer !== undefined) {
    const t = c.tokenizer as Record<string, unknown>;
    if (typeof t !== 'object' || t === null || Array.isArray(t)) throw new ConfigError('"tokenizer" must be an object', where('tokenizer'));
    for (const k of Object.keys(t)) if (k !== 'factory' && k !== 'options') throw new ConfigError(`unknown key "${k}"`, where(`tokenizer.${k}`));
    if (t.factory !== undefined && typeof t.factory !== 'string') throw new ConfigError(`must be a string, got ${shown(t.factory)}`, where('tokenizer.factory'));
  }
  if (c.components !== undefined && !Array.isArray(c.components)) throw new ConfigError('"components" must be an array', where('components'));
  const seen = new Set<string>();
  ((c.components as unknown[]) ?? []).forEach((entry, i) => {
    const key = `components[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ConfigError('a component entry must be an object', where(key));
    const e = entry as Record<string, unknown>;
    for (const k of Object.keys(e)) if (!COMPONENT_KEYS.has(k)) throw new ConfigError(`unknown key "${k}"; valid keys: ${[...COMPONENT_KEYS].join(', ')}`, where(`${key}.${k}`));
    if (typeof e.name !== 'string' || !e.name) throw new ConfigError('a component needs a non-empty "name"', where(`${key}.name`));
    if (e.factory !== undefined && typeof e.factory !== 'string') throw new ConfigError(`must be a string, got ${shown(e.factory)}`, where(`${key}.factory`));
    // "disabled": "false" would otherwise be truthy and disable the component.
    if (e.disabled !== undefined && typeof e.disabled !== 'boolean') throw new ConfigError(`must be true or false, got ${shown(e.disabled)}`, where(`${key}.disabled`));
    if (seen.has(e.name)) throw new ConfigError(`duplicate component name "${e.name}"`, where(`${key}.name`));
    seen.add(e.name);
  });
  return c as PipelineConfig;
}
