import { describe, expect, it } from 'vitest';
import { importOptional, requireOptional } from '../../src/components/optional-import.js';
import { MissingDependencyError, TextloomError } from '../../src/core/errors.js';

const ABSENT = 'textloom-absent-optional-package';

describe('importOptional', () => {
  it('rejects with a typed error naming the package and the install command when it is missing', async () => {
    const err = await importOptional(ABSENT, `${ABSENT}/lib/x.js`, 'the "x" feature', { key: 'algorithm' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MissingDependencyError);
    expect(err).toBeInstanceOf(TextloomError);
    const e = err as MissingDependencyError;
    expect(e.code).toBe('E_MISSING_DEPENDENCY');
    expect(e.packageName).toBe(ABSENT);
    expect(e.message).toBe(`the "x" feature needs the optional package "${ABSENT}", which is not installed: run \`npm i ${ABSENT}\` (at key "algorithm")`);
  });
  it('imports an installed module once and returns the same promise', async () => {
    const spec = 'natural/lib/natural/stemmers/porter_stemmer.js';
    const a = importOptional<{ stem(w: string): string }>('natural', spec, 'porter');
    expect(importOptional('natural', spec, 'porter')).toBe(a);
    expect((await a).stem('generously')).toBe('gener');
    expect(requireOptional('natural', spec, 'porter')).toBe(await a);
  });
  it('keeps the own error of an installed module that fails to load', async () => {
    // natural is installed, so a file missing inside it is not "package missing".
    const err = await importOptional('natural', 'natural/lib/natural/no-such-file.js', 'x').catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(MissingDependencyError);
  });
});

describe('requireOptional', () => {
  it('throws the same typed error synchronously when the package is missing', () => {
    expect(() => requireOptional(ABSENT, ABSENT, 'the "y" feature')).toThrow(MissingDependencyError);
    expect(() => requireOptional(ABSENT, ABSENT, 'the "y" feature')).toThrow(`run \`npm i ${ABSENT}\``);
  });
});
