import { ArgumentError } from '../core/errors.js';

/** A flag a command accepts. */
export interface FlagSpec {
  /** 'string' takes a value; 'boolean' does not; 'number' takes a numeric value. */
  type: 'string' | 'boolean' | 'number';
  /** One line for --help. */
  doc: string;
  default?: string | number | boolean;
  /** Short alias, e.g. 'o' for -o. */
  alias?: string;
  /** Value placeholder in --help, e.g. FILE. */
  value?: string;
  required?: boolean;
}

/** Parsed flags plus positional arguments. */
export interface ParsedArgs {
  flags: Record<string, string | number | boolean | undefined>;
  positional: string[];
}

/** Parses argv against a flag spec; unknown flags and missing values raise ArgumentError naming the flag. */
export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positional: string[] = [];
  const byAlias = new Map<string, string>();
  for (const [k, s] of Object.entries(spec)) if (s.alias) byAlias.set(s.alias, k);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      let name: string;
      let inline: string | undefined;
      if (a.startsWith('--')) {
        const eq = a.indexOf('=');
        name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
        inline = eq >= 0 ? a.slice(eq + 1) : undefined;
      } else {
        const alias = a.slice(1);
        name = byAlias.get(alias) ?? alias;
      }
      const s = spec[name];
      if (!s) throw new ArgumentError(`unknown flag --${name} (see --help)`, { key: `--${name}` });
      if (s.type === 'boolean') {
        flags[name] = inline === undefined ? true : inline !== 'false' && inline !== '0';
        continue;
      }
      const v = inline ?? argv[++i];
      if (v === undefined) throw new ArgumentError(`flag --${name} needs a value`, { key: `--${name}` });
      if (s.type === 'number') {
        const num = Number(v);
        if (!Number.isFinite(num) || v.trim() === '') throw new ArgumentError(`flag --${name} needs a number, got ${JSON.stringify(v)}`, { key: `--${name}` });
        flags[name] = num;
      } else flags[name] = v;
      continue;
    }
    positional.push(a);
  }
  for (const [k, s] of Object.entries(spec)) {
    if (flags[k] === undefined && s.default !== undefined) flags[k] = s.default;
    if (s.required && flags[k] === undefined) throw new ArgumentError(`missing required flag --${k}`, { key: `--${k}` });
  }
  return { flags, positional };
}

/** Formats the flag table for --help. */
export function formatFlags(spec: Record<string, FlagSpec>): string {
  const rows = Object.entries(spec).map(([k, s]) => {
    const left = `  ${s.alias ? `-${s.alias}, ` : ''}--${k}${s.type === 'boolean' ? '' : ` ${s.value ?? (s.type === 'number' ? 'N' : 'VALUE')}`}`;
    const def = s.default !== undefined && s.type !== 'boolean' ? ` (default: ${s.default})` : '';
    return [left, `${s.doc}${s.required ? ' (required)' : ''}${def}`] as const;
  });
  const w = Math.max(0, ...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => l.padEnd(w) + r).join('\n');
}
