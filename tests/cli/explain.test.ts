import { describe, expect, it } from 'vitest';
import { runCli } from './run.js';

describe('textloom explain', () => {
  it('prints the gloss of a label, as JSON with --json', async () => {
    expect(await runCli('explain', 'nsubj:pass')).toMatchObject({ code: 0, stdout: 'passive nominal subject\n' });
    expect(JSON.parse((await runCli('explain', 'GPE', '--json')).stdout)).toMatchObject({ label: 'GPE' });
  });

  it('names an unknown label whole (spaces included) and suggests the label meant', async () => {
    const spaced = await runCli('explain', '80 000');
    expect(spaced.code).not.toBe(0);
    expect(spaced.stderr).toContain('no explanation for label "80 000"');
    expect(spaced.stdout).toBe('');
    const cased = await runCli('explain', ' gpe');
    expect(cased.stderr).toContain('did you mean "GPE"?');
    const two = await runCli('explain', '80', '000');
    expect(two.code).not.toBe(0);
    expect(two.stderr).toContain('unexpected argument "000"');
  });
});
