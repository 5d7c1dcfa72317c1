import { describe, expect, it } from 'vitest';
import { ConfigError, Tokenizer, createPipeline, registeredTokenizers } from '../../src/index.js';

describe('tokenizer factory', () => {
  it('is registered as "tokenizer" and is the default of a pipeline', async () => {
    expect(registeredTokenizers()).toContain('tokenizer');
    const nlp = await createPipeline({ components: [] });
    expect(nlp.tokenizer).toBeInstanceOf(Tokenizer);
    expect(nlp.makeDoc("I can't.").tokens().map((t) => t.text)).toEqual(['I', 'ca', "n't", '.']);
  });
  it('takes extra rules from the config', async () => {
    const nlp = await createPipeline({
      tokenizer: { factory: 'tokenizer', options: { specialCases: { gimme: ['gim', 'me'] }, abbreviations: ['Approx.'], units: ['cal'] } },
      components: [],
    });
    expect(nlp.makeDoc('gimme 5cal Approx. 3').tokens().map((t) => t.text)).toEqual(['gim', 'me', '5', 'cal', 'Approx.', '3']);
  });
  it('names the bad key of a broken special case', async () => {
    const bad = createPipeline({ tokenizer: { options: { specialCases: { gimme: ['give', 'me'] } } }, components: [] });
    await expect(bad).rejects.toThrow(ConfigError);
    await expect(bad).rejects.toThrow(/tokenizer\.options\.specialCases\.gimme/);
  });
  it('rejects unknown options', async () => {
    await expect(createPipeline({ tokenizer: { options: { prefixez: ['x'] } }, components: [] })).rejects.toThrow(/tokenizer\.options\.prefixez/);
  });
});
