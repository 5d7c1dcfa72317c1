import { ConfigError } from '../core/errors.js';
import type { OptionSpec } from './component.js';

function typeOk(spec: OptionSpec, v: unknown): boolean {
  switch (spec.type) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'string':
      return typeof v === 'string';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'array':
      return Array.isArray(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'any':
      return true;
  }
}

/**
 * Validates `given` against a schema and fills defaults. Unknown keys, wrong types and values out
 * of range raise a ConfigError whose key is `${where}.${option}`.
 */
export function resolveOptions(schema: Record<string, OptionSpec>, given: unknown, where: string): Record<string, unknown> {
  if (given !== undefined && (typeof given !== 'object' || given === null || Array.isArray(given))) {
    throw new ConfigError('options must be an object', { key: where });
  }
  const g = (given ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(g)) {
    if (!(k in schema)) {
      const known = Object.keys(schema);
      throw new ConfigError(`unknown option "${k}"${known.length ? `; valid options: ${known.join(', ')}` : ' (this factory takes no options)'}`, { key: `${where}.${k}` });
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) {
    const v = k in g ? g[k] : spec.default;
    if (v === undefined) continue;
    const key = `${where}.${k}`;
    // null is a value like any other: only an `any` option takes it ("splitBeforeLower": null is an error).
    if (!typeOk(spec, v)) throw new ConfigError(`option must be of type ${spec.type}, got ${JSON.stringify(v)}`, { key });
    if (spec.enum && typeof v === 'string' && !spec.enum.includes(v)) {
      throw new ConfigError(`option must be one of ${spec.enum.join(', ')}, got ${JSON.stringify(v)}`, { key });
    }
    if (typeof v === 'number' && ((spec.min !== undefined && v < spec.min) || (spec.max !== undefined && v > spec.max))) {
      throw new ConfigError(`option must be in [${spec.min ?? '-inf'}, ${spec.max ?? 'inf'}], got ${v}`, { key });
    }
    out[k] = v;
  }
  return out;
}
