import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { ArgumentError } from '../../src/core/errors.js';

describe('parseArgs', () => {
  const spec = { proximity: { type: 'boolean' as const, doc: 'term proximity' } };
  it('reads --flag=VALUE of a boolean flag as true/false words', () => {
    expect(parseArgs(['--proximity'], spec).flags.proximity).toBe(true);
    for (const v of ['false', '0', 'no', 'off', 'FALSE']) expect(parseArgs([`--proximity=${v}`], spec).flags.proximity).toBe(false);
    for (const v of ['true', '1', 'yes', 'on']) expect(parseArgs([`--proximity=${v}`], spec).flags.proximity).toBe(true);
  });
  it('rejects any other value instead of reading it as true', () => {
    for (const v of ['flase', 'maybe', '']) {
      expect(() => parseArgs([`--proximity=${v}`], spec)).toThrow(ArgumentError);
      expect(() => parseArgs([`--proximity=${v}`], spec)).toThrow(/--proximity is true or false/);
    }
  });
  it('reads a value attached to a short flag (-k5, -k=5) and names an unknown short flag as typed', () => {
    const kspec = { top: { type: 'number' as const, doc: 'k', alias: 'k' }, json: { type: 'boolean' as const, doc: 'j', alias: 'j' } };
    expect(parseArgs(['-k', '5'], kspec).flags.top).toBe(5);
    expect(parseArgs(['-k5'], kspec).flags.top).toBe(5);
    expect(parseArgs(['-k=7'], kspec).flags.top).toBe(7);
    expect(parseArgs(['-j'], kspec).flags.json).toBe(true);
    expect(() => parseArgs(['-kx'], kspec)).toThrow(/--top needs a number, got "x"/);
    expect(() => parseArgs(['-x'], kspec)).toThrow(/unknown flag -x \(see --help\)/);
    expect(() => parseArgs(['-jx'], kspec)).toThrow(/--json is true or false/);
  });
});
