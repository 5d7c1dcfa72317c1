import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, getComponentFactory, registerComponent, registeredComponents, registeredTokenizers } from '../../src/index.js';

const pinned = JSON.parse(readFileSync(new URL('../fixtures/registry.json', import.meta.url), 'utf8')) as { components: string[]; tokenizers: string[] };

describe('registry', () => {
  it('pins the built-in names (renaming one is a breaking change: add a new name instead)', () => {
    const builtins = registeredComponents().filter((n) => !n.startsWith('test_'));
    expect(builtins).toEqual(pinned.components);
    expect(registeredTokenizers()).toEqual(pinned.tokenizers);
  });
  it('refuses to re-register a name unless overriding', () => {
    expect(() => registerComponent('senter', { options: {}, create: () => ({ name: 'x', process() {} }) })).toThrow(ConfigError);
    const before = getComponentFactory('senter');
    registerComponent('senter', before, { override: true });
    expect(getComponentFactory('senter')).toBe(before);
  });
});
