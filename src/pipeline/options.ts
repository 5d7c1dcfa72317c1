/**
 * Factory options of a pipeline config, checked by the library's one options checker
 * (`core/options.ts`) and raised as ConfigErrors, since they come from a configuration.
 */
import { resolveOptions as resolve, type OptionSchema } from '../core/options.js';

/**
 * Validates `given` against a factory's schema and fills defaults. Unknown keys (with a
 * did-you-mean for a snake_case or miscased one), wrong types, values out of range and strings
 * outside the enum raise a ConfigError whose key is `${where}.${option}`.
 * @example resolveOptions(factory.options, { newlines: 'line' }, 'components[0].options')
 */
export function resolveOptions(schema: OptionSchema, given: unknown, where: string): Record<string, unknown> {
  return resolve(schema, given, { keyPrefix: where, config: true });
}
