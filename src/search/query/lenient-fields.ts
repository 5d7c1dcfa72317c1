/**
 * Lenient search of a `field:` that names no indexed field: users type colons in running text
 * ("heat transfer: a review"), which the grammar reads as a field. Rather than dropping the
 * clause (and with it the word before the colon), both sides become plain words, as the
 * documented fallback promises: `foo:bar` -> `foo bar`.
 */
import type { Occur } from './boolean/boolean-query.js';
import type { QueryNode } from './parser.js';

type Leaf = Extract<QueryNode, { type: 'term' | 'phrase' }>;

function isUnknown(n: QueryNode, known: readonly string[]): n is Leaf {
  return n.type !== 'bool' && n.field !== undefined && !known.includes(n.field);
}

// The field name as a word, then the clause without its field.
function asWords(n: Leaf): QueryNode[] {
  const { field, ...rest } = n;
  return [{ type: 'term', text: field! }, rest as QueryNode];
}

/**
 * Rewrites every term or phrase whose field is not in `known` as its field name and its text,
 * both unfielded. A should-clause's two words join the enclosing OR (a plain query stays plain);
 * a required or excluded clause becomes the OR of the two.
 * @example unknownFieldsAsWords(parseLenient('heat transfer: review'), ['title']) // heat transfer review
 */
export function unknownFieldsAsWords(node: QueryNode, known: readonly string[]): QueryNode {
  if (isUnknown(node, known)) return { type: 'bool', clauses: asWords(node).map((x) => ({ occur: 'should' as Occur, node: x })) };
  if (node.type !== 'bool') return node;
  const clauses: { occur: Occur; node: QueryNode }[] = [];
  for (const c of node.clauses) {
    if (!isUnknown(c.node, known)) clauses.push({ occur: c.occur, node: unknownFieldsAsWords(c.node, known) });
    else if (c.occur === 'should') for (const x of asWords(c.node)) clauses.push({ occur: 'should', node: x });
    else clauses.push({ occur: c.occur, node: { type: 'bool', clauses: asWords(c.node).map((x) => ({ occur: 'should' as Occur, node: x })) } });
  }
  return { ...node, clauses };
}
