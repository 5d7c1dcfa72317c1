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
  /**
   * The API option key(s) this flag sets, when not the flag's camelCase form (`--min-count` sets
   * `minCount` without saying so; `--size` declares `'vectorSize'`). An API error naming that key
   * is reworded in terms of the flag (see `flag-errors.ts`).
   */
  option?: string | readonly string[];
}

/**
 * The positional arguments a command takes. A command without one takes none: a bare argument is
 * then an ArgumentError naming it, never silently ignored.
 * @example { name: 'WORD', doc: 'the word to look up', min: 1, max: 1 }
 */
export interface PositionalSpec {
  /** Placeholder in --help and errors, e.g. `WORD` or `A B C`. */
  name: string;
  /** One line for --help. */
  doc: string;
  /** Fewest accepted (default 0). */
  min?: number;
  /** Most accepted (default 1; `Infinity` for any number). */
  max?: number;
}

/** Parsed flags plus positional arguments. */
export interface ParsedArgs {
  flags: Record<string, string | number | boolean | undefined>;
  positional: string[];
}

/**
 * Parses argv against a flag spec and the positionals the command takes (default: none). Unknown
 * flags, missing values and unexpected or missing positionals raise an ArgumentError naming them.
 * A boolean flag is `--name` (true) or `--name=VALUE` with true/false, 1/0, yes/no or on/off.
 * @example parseArgs(['--top', '3', 'cat'], { top: { type: 'number', doc: 'results' } }, { name: 'WORD', doc: 'word', min: 1 })
 */
export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>, positionals?: PositionalSpec): ParsedArgs {
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
        // -k, or a value attached as with getopt: -k5, -k=5.
        const alias = a.slice(1);
        const long = byAlias.get(alias) ?? byAlias.get(alias[0]!);
        if (long === undefined) throw new ArgumentError(`unknown flag ${a} (see --help)`, { key: a });
        name = long;
        if (!byAlias.has(alias)) inline = alias.slice(alias[1] === '=' ? 2 : 1);
      }
      const s = spec[name];
      if (!s) throw new ArgumentError(`unknown flag --${name} (see --help)`, { key: `--${name}` });
      if (s.type === 'boolean') {
        flags[name] = inline === undefined ? true : booleanValue(name, inline);
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
  checkPositionals(positional, spec, positionals);
  for (const [k, s] of Object.entries(spec)) {
    if (flags[k] === undefined && s.default !== undefined) flags[k] = s.default;
    if (s.required && flags[k] === undefined) throw new ArgumentError(`missing required flag --${k}`, { key: `--${k}` });
  }
  return { flags, positional };
}

// `--flag=VALUE` of a boolean flag: a typo such as `--proximity=flase` must not read as true.
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);
function booleanValue(name: string, v: string): boolean {
  const w = v.toLowerCase();
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  throw new ArgumentError(`flag --${name} is true or false, got ${JSON.stringify(v)}`, { key: `--${name}` });
}

function checkPositionals(given: readonly string[], flags: Record<string, FlagSpec>, p: PositionalSpec | undefined): void {
  const max = p ? (p.max ?? 1) : 0;
  const min = p?.min ?? 0;
  if (given.length > max) {
    const extra = given[max]!;
    const takes = max === 0 ? 'this command takes no positional arguments' : `this command takes at most ${max} (${p!.name})`;
    // The usual slip: a file name where the command reads --input.
    const hint = flags.input && flags.input.type === 'string' ? `; did you mean --input ${extra}?` : '';
    throw new ArgumentError(`unexpected argument ${JSON.stringify(extra)}: ${takes}${hint}`);
  }
  if (given.length < min) {
    const what = `${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'} (${p!.name})`;
    throw new ArgumentError(`expected ${what}, got ${given.length}: ${p!.doc}`);
  }
}

/** Formats the positional line for --help ('' when the command takes none). */
export function formatPositionals(p: PositionalSpec | undefined): string {
  return p ? `  ${p.name}  ${p.doc}` : '';
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
