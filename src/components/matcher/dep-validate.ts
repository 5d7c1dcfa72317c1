import { ArgumentError, TextloomError } from '../../core/errors.js';
import { parsePattern } from './validate.js';

/**
 * Relation operators of spaCy 3's DependencyMatcher, by code. `A op B` reads "B is ... of A",
 * e.g. `A > B`: B is a child of A; `A . B`: B directly follows A in the same tree.
 */
export const REL_OPS = ['<', '>', '<<', '>>', '.', '.*', ';', ';*', '$+', '$-', '$++', '$--', '>+', '>-', '>++', '>--', '<+', '<-', '<++', '<--'] as const;

/** A relation operator of the DependencyMatcher. */
export type RelOp = (typeof REL_OPS)[number];

const OP_CODE: ReadonlyMap<string, number> = new Map(REL_OPS.map((op, i) => [op, i]));

/** One node of a dependency pattern: the anchor `{RIGHT_ID, RIGHT_ATTRS}` or a relation to an earlier node. */
export interface DependencyPatternNode {
  RIGHT_ID: string;
  RIGHT_ATTRS: Record<string, unknown>;
  LEFT_ID?: string;
  REL_OP?: RelOp | string;
}

/** A dependency pattern: the anchor node first, then nodes each related to an earlier one. */
export type DependencyPattern = DependencyPatternNode[];

/** A checked pattern: per node, its RIGHT_ATTRS, the index of its LEFT node (-1 for the anchor) and its operator code. */
export interface ParsedDependencyPattern {
  attrs: Record<string, unknown>[];
  left: Int32Array;
  op: Uint8Array;
}

const NODE_KEYS = new Set(['RIGHT_ID', 'RIGHT_ATTRS', 'LEFT_ID', 'REL_OP']);
/** Token-pattern operators that would let one node cover zero or several tokens. */
const ALLOWED_OP = '1';

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks one dependency pattern as spaCy's `DependencyMatcher._validate_input` does, and more
 * strictly where spaCy only warns: every node is an object with a string `RIGHT_ID` and an object
 * `RIGHT_ATTRS` (a single-token pattern: `OP` other than `"1"` is refused); the first node (the
 * anchor) has no `LEFT_ID`/`REL_OP`; every other node has all four keys, a new `RIGHT_ID`, a
 * `LEFT_ID` defined by an earlier node and a known `REL_OP`; unknown keys are refused. Errors are
 * ArgumentErrors naming the pattern (`KEY#index`) and the key path (`[2].REL_OP`).
 * @example parseDependencyPattern([{ RIGHT_ID: 'verb', RIGHT_ATTRS: { POS: 'VERB' } }], true, 'VERBS#0')
 */
export function parseDependencyPattern(pattern: unknown, strict: boolean, label: string): ParsedDependencyPattern {
  const fail = (key: string, message: string): never => {
    throw new ArgumentError(`invalid dependency pattern: ${message}`, { pattern: label, key });
  };
  if (!Array.isArray(pattern)) fail('', `a dependency pattern must be a list of nodes, got ${JSON.stringify(pattern)?.slice(0, 80)}`);
  const nodes = pattern as unknown[];
  if (nodes.length === 0) fail('', 'a dependency pattern needs at least the anchor node');
  const ids = new Map<string, number>();
  const out: ParsedDependencyPattern = { attrs: [], left: new Int32Array(nodes.length), op: new Uint8Array(nodes.length) };
  nodes.forEach((node, j) => {
    const base = `[${j}]`;
    if (!isPlainObject(node)) fail(base, `a node must be an object, got ${JSON.stringify(node)}`);
    const n = node as Record<string, unknown>;
    for (const k of Object.keys(n)) if (!NODE_KEYS.has(k)) fail(`${base}.${k}`, `unknown node key ${JSON.stringify(k)}; valid: RIGHT_ID, RIGHT_ATTRS, LEFT_ID, REL_OP`);
    if (j === 0) {
      if (!('RIGHT_ID' in n) || 'REL_OP' in n || 'LEFT_ID' in n) {
        fail(base, 'the first node must be the anchor: RIGHT_ID and RIGHT_ATTRS, without LEFT_ID or REL_OP');
      }
    } else {
      const missing = ['RIGHT_ID', 'RIGHT_ATTRS', 'LEFT_ID', 'REL_OP'].filter((k) => !(k in n));
      if (missing.length) fail(base, `node ${j} misses ${missing.join(', ')} (every node after the anchor needs RIGHT_ID, RIGHT_ATTRS, LEFT_ID and REL_OP)`);
    }
    const id = n.RIGHT_ID;
    if (typeof id !== 'string' || id === '') fail(`${base}.RIGHT_ID`, `RIGHT_ID must be a non-empty string, got ${JSON.stringify(id)}`);
    if (ids.has(id as string)) fail(`${base}.RIGHT_ID`, `RIGHT_ID ${JSON.stringify(id)} is already used by node ${ids.get(id as string)}`);
    if (!('RIGHT_ATTRS' in n)) fail(base, 'the anchor misses RIGHT_ATTRS (use {} to match any token)');
    const attrs = n.RIGHT_ATTRS;
    if (!isPlainObject(attrs)) fail(`${base}.RIGHT_ATTRS`, `RIGHT_ATTRS must be an object of token attributes, got ${JSON.stringify(attrs)}`);
    const a = attrs as Record<string, unknown>;
    for (const [k, v] of Object.entries(a)) {
      if (k.toUpperCase() === 'OP' && v !== ALLOWED_OP) fail(`${base}.RIGHT_ATTRS.${k}`, `a node matches exactly one token: OP ${JSON.stringify(v)} is not allowed`);
    }
    try {
      parsePattern([a], strict, { pattern: label });
    } catch (e) {
      // The token-pattern key path is `[0].ORTH`: re-root it under this node's RIGHT_ATTRS.
      if (e instanceof TextloomError) fail(`${base}.RIGHT_ATTRS${(e.key ?? '').replace(/^\[0\]/, '')}`, e.detail.replace(/^invalid match pattern: /, ''));
      throw e;
    }
    if (j > 0) {
      const leftId = n.LEFT_ID;
      if (typeof leftId !== 'string' || !ids.has(leftId)) {
        fail(`${base}.LEFT_ID`, `LEFT_ID ${JSON.stringify(leftId)} is not the RIGHT_ID of an earlier node`);
      }
      const code = OP_CODE.get(n.REL_OP as string);
      if (code === undefined) fail(`${base}.REL_OP`, `unknown operator ${JSON.stringify(n.REL_OP)}; valid: ${REL_OPS.join(' ')}`);
      out.left[j] = ids.get(leftId as string)!;
      out.op[j] = code!;
    } else out.left[j] = -1;
    ids.set(id as string, j);
    out.attrs.push(a);
  });
  return out;
}
