import ts from 'typescript';

/**
 * The expected-value convention of the docs: an expression statement followed by a `// → value`
 * comment, on the same line or alone on the next line, states the value the expression evaluates
 * to. `console.log(x); // → value` states the value of `x`. The value is a literal: numbers,
 * strings, booleans, null, undefined, arrays and plain objects (keys must match exactly). A number
 * with d decimals matches any value that rounds to it (tolerance 0.5e-d); an integer must be exact.
 * Comments without the arrow are prose and are not checked.
 */
/** An expected number: its value, the tolerance its decimals allow, and its source text. */
export interface NumExpected {
  t: 'num';
  v: number;
  tol: number;
  src: string;
}

/** An expected value parsed from a `// →` comment. */
export type Expected =
  | NumExpected
  | { t: 'str'; v: string }
  | { t: 'lit'; v: boolean | null | undefined }
  | { t: 'arr'; items: Expected[] }
  | { t: 'obj'; entries: [string, Expected][] };

const ARROW = /^\/\/ →\s?(.*)$/;

/** Converts the text of a `// →` value into an {@link Expected}; throws when it is not a plain literal. */
export function parseExpected(text: string): Expected {
  const sf = ts.createSourceFile('expected.ts', `(${text})`, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const st = sf.statements[0];
  if (sf.statements.length !== 1 || !st || !ts.isExpressionStatement(st)) throw new Error(`not one literal: ${text}`);
  return convert(st.expression, text);
}

function convert(node: ts.Expression, whole: string): Expected {
  if (ts.isParenthesizedExpression(node)) return convert(node.expression, whole);
  if (ts.isNumericLiteral(node)) return num(node.text, node.getText());
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    const n = num(node.operand.text, node.operand.getText());
    return { ...n, v: -n.v, src: `-${n.src}` };
  }
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { t: 'str', v: node.text };
  if (node.kind === ts.SyntaxKind.TrueKeyword) return { t: 'lit', v: true };
  if (node.kind === ts.SyntaxKind.FalseKeyword) return { t: 'lit', v: false };
  if (node.kind === ts.SyntaxKind.NullKeyword) return { t: 'lit', v: null };
  if (ts.isIdentifier(node) && node.text === 'undefined') return { t: 'lit', v: undefined };
  if (ts.isArrayLiteralExpression(node)) return { t: 'arr', items: node.elements.map((e) => convert(e, whole)) };
  if (ts.isObjectLiteralExpression(node)) {
    const entries: [string, Expected][] = [];
    for (const p of node.properties) {
      if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) {
        throw new Error(`unsupported property ${p.getText()} in: ${whole}`);
      }
      entries.push([p.name.text, convert(p.initializer, whole)]);
    }
    return { t: 'obj', entries };
  }
  throw new Error(`not a plain literal: ${node.getText()} in: ${whole}`);
}

function num(text: string, src: string): NumExpected {
  const m = /^\d*(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(src.replace(/_/g, ''));
  const decimals = m?.[1]?.length ?? 0;
  const exp = m?.[2] ? Number(m[2]) : 0;
  const tol = decimals === 0 && exp === 0 ? 0 : 0.5 * 10 ** (exp - decimals);
  return { t: 'num', v: Number(text), tol, src };
}

/** One checked statement of a block. */
export interface Check {
  /** 1-based line in the block. */
  line: number;
  expected: Expected;
}

/**
 * Rewrites every `expr; // → value` statement of a JS/TS block into `__check((expr), id)` and
 * returns the new code with the list of checks (indexed by id). Throws, naming the line, when an
 * arrow comment is not attached to an expression statement or its value is not a plain literal.
 */
export function rewriteArrows(code: string, kind: 'js' | 'ts'): { code: string; checks: Check[] } {
  const sf = ts.createSourceFile(`block.${kind}`, code, ts.ScriptTarget.ES2022, true, kind === 'ts' ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const lineOf = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line + 1;
  const used = new Set<number>();
  const edits: { start: number; end: number; text: string }[] = [];
  const checks: Check[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const arrow = findArrow(code, node.end, lineOf);
      if (arrow) {
        used.add(arrow.pos);
        let expected: Expected;
        try {
          expected = parseExpected(arrow.value);
        } catch (e) {
          throw new Error(`line ${lineOf(arrow.pos)}: ${(e as Error).message}`);
        }
        const id = checks.length;
        checks.push({ line: lineOf(node.getStart()), expected });
        let expr = node.expression;
        let wrap = (inner: string): string => inner;
        if (ts.isCallExpression(expr) && expr.getText().startsWith('console.log(') && expr.arguments.length === 1) {
          expr = expr.arguments[0]!;
          wrap = (inner) => `console.log(${inner})`;
        }
        edits.push({ start: node.getStart(), end: node.end, text: `${wrap(`__check((${expr.getText()}), ${id})`)};` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  // Every arrow comment in the block must have been consumed.
  for (const m of code.matchAll(/\/\/ →/g)) {
    if (!used.has(m.index)) throw new Error(`line ${lineOf(m.index)}: a "// →" comment must follow an expression statement`);
  }
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, checks };
}

/** The `// → value` comment after position `end`: on the same line, or alone on the next line. */
function findArrow(code: string, end: number, lineOf: (pos: number) => number): { pos: number; value: string } | undefined {
  const endLine = lineOf(end);
  for (const r of [...(ts.getTrailingCommentRanges(code, end) ?? []), ...(ts.getLeadingCommentRanges(code, end) ?? [])]) {
    if (r.kind !== ts.SyntaxKind.SingleLineCommentTrivia) continue;
    const line = lineOf(r.pos);
    if (line > endLine + 1) break;
    const m = ARROW.exec(code.slice(r.pos, r.end));
    if (m) return { pos: r.pos, value: m[1]!.trim() };
    if (line === endLine + 1) break;
  }
  return undefined;
}
