import { describe, expect, it } from 'vitest';
import { parseExpected, rewriteArrows } from './arrows.js';
import { extractBlocks } from './extract.js';
import { rewriteShellArrows } from './sh-arrows.js';

describe('extractBlocks', () => {
  it('reads language, flags, line and indented blocks', () => {
    const md = 'text\n```sh no-run\nnpm i x\n```\n- item\n\n  ```ts\n  const a = 1;\n  ```\n';
    expect(extractBlocks('f.md', md)).toEqual([
      { file: 'f.md', line: 3, lang: 'sh', flags: ['no-run'], code: 'npm i x' },
      { file: 'f.md', line: 8, lang: 'ts', flags: [], code: 'const a = 1;' },
    ]);
  });
  it('rejects an unclosed fence', () => {
    expect(() => extractBlocks('f.md', '```js\nx')).toThrow(/f.md:1/);
  });
});

describe('parseExpected', () => {
  it('turns literals into expectations with decimal tolerances', () => {
    expect(parseExpected("[0.25, -3, 'a', { b: true }]")).toEqual({
      t: 'arr',
      items: [
        { t: 'num', v: 0.25, tol: 0.005, src: '0.25' },
        { t: 'num', v: -3, tol: 0, src: '-3' },
        { t: 'str', v: 'a' },
        { t: 'obj', entries: [['b', { t: 'lit', v: true }]] },
      ],
    });
  });
  it('rejects what is not a plain literal', () => {
    expect(() => parseExpected('foo(1)')).toThrow(/not a plain literal/);
    expect(() => parseExpected('1 (prose)')).toThrow();
  });
});

describe('rewriteArrows', () => {
  it('wraps statements followed by an arrow on the same or next line', () => {
    const { code, checks } = rewriteArrows('f(1); // → 2\nconsole.log(g());\n// → [1]\nh(); // prose', 'js');
    expect(code).toBe('__check((f(1)), 0); // → 2\nconsole.log(__check((g()), 1));\n// → [1]\nh(); // prose');
    expect(checks.map((c) => c.line)).toEqual([1, 2]);
  });
  it('fails on an arrow that follows no expression statement', () => {
    expect(() => rewriteArrows('const a = 1; // → 1', 'js')).toThrow(/line 1/);
  });
});

describe('rewriteShellArrows', () => {
  it('compares the output of a command followed by "# →"', () => {
    const sh = rewriteShellArrows("echo hi\n# → hi\necho 'x'");
    expect(sh.split('\n')[0]).toBe('__got=$(echo hi)');
    expect(sh).toContain("echo 'x'");
  });
  it('rejects a "# →" line that follows no command', () => {
    expect(() => rewriteShellArrows('# → hi')).toThrow(/line 1/);
  });
});

describe('rewriteShellArrows, several output lines', () => {
  it('joins consecutive "# →" lines into one expected output', () => {
    const sh = rewriteShellArrows('printf "a\\nb\\n"\n# → a\n# → b\necho done');
    expect(sh).toContain("__DOCS_EXPECTED__'\na\nb\n__DOCS_EXPECTED__");
    expect(sh.endsWith('echo done')).toBe(true);
  });
});
