import { ConfigError, NotFoundError } from '../core/errors.js';
import type { ComponentFactory, TokenizerFactory } from './component.js';

const components = new Map<string, ComponentFactory<any>>();
const tokenizers = new Map<string, TokenizerFactory<any>>();

/** Adds `factory` to `map` under `name`; a name already there is a ConfigError unless `override`. */
function registerIn<F>(map: Map<string, F>, kind: string, name: string, factory: F, opts: { override?: boolean }): void {
  if (map.has(name) && !opts.override) throw new ConfigError(`${kind} factory "${name}" is already registered`, { key: name });
  map.set(name, factory);
}

/**
 * Registers a component factory under `name`, usable from configs exactly like built-ins.
 * Re-registering a name throws unless `{ override: true }`.
 * @example
 * registerComponent('shout', { options: {}, create: () => ({ name: 'shout', process(doc) { ... } }) });
 * createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'shout' }] });
 */
export function registerComponent<O extends Record<string, unknown>>(
  name: string,
  factory: ComponentFactory<O>,
  opts: { override?: boolean } = {},
): void {
  registerIn(components, 'component', name, factory, opts);
}

/** Registers a tokenizer factory under `name` (see {@link registerComponent}). */
export function registerTokenizer<O extends Record<string, unknown>>(
  name: string,
  factory: TokenizerFactory<O>,
  opts: { override?: boolean } = {},
): void {
  registerIn(tokenizers, 'tokenizer', name, factory, opts);
}

/** The component factory registered as `name`; throws NotFoundError listing the known names. */
export function getComponentFactory(name: string, key?: string): ComponentFactory<any> {
  const f = components.get(name);
  if (!f) throw new NotFoundError(`unknown component factory "${name}"; known: ${[...components.keys()].sort().join(', ')}`, { key: key ?? name });
  return f;
}

/** The tokenizer factory registered as `name`. */
export function getTokenizerFactory(name: string, key?: string): TokenizerFactory<any> {
  const f = tokenizers.get(name);
  if (!f) throw new NotFoundError(`unknown tokenizer factory "${name}"; known: ${[...tokenizers.keys()].sort().join(', ')}`, { key: key ?? name });
  return f;
}

/** Names of all registered component factories, sorted. */
export function registeredComponents(): string[] {
  return [...components.keys()].sort();
}

/** Names of all registered tokenizer factories, sorted. */
export function registeredTokenizers(): string[] {
  return [...tokenizers.keys()].sort();
}
