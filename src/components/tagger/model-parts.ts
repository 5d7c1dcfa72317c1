/**
 * The stored parts of a tagger model, shared by the current and the version-1 file readers, and
 * their checked conversion into a {@link TaggerModel}.
 */
import { BinaryFileError } from '../../io/binfmt-bytes.js';
import { FeatureTable } from './feature-table.js';
import { TaggerModel } from './model.js';
import { FeatureAttr, N_FEATURE_ATTRS, type Template } from './features.js';

/** The JSON part of a stored model. */
export interface TaggerJson {
  classes: { upos: string; xpos: string }[];
  templates: Template[];
  strings: string[];
  tagdict: [string, number][];
  ambs: string[];
  lexicon: [string, number][];
  candidates: [string, number[]][];
  meta: Record<string, unknown>;
  rows: number;
  nonZero: number;
  scale: number;
}

/** A stored model: its JSON part and the quantized sparse weights. */
export interface TaggerParts {
  json: Record<string, unknown>;
  /** Feature keys, one pair per row. */
  key1: Uint32Array;
  key2: Uint32Array;
  /** Non-zero weights, quantized (value = q / scale). */
  values: Int16Array;
  /** Non-zero weights per row. */
  counts: Uint8Array;
  /** Class index of each non-zero weight. */
  cls: Uint8Array;
}

/**
 * Checks that every template is up to two atoms, each a word attribute this build knows at offset
 * -2..2 or a previous tag: a file naming anything else would make the kernel read outside a row.
 */
function checkTemplates(templates: unknown[], fail: (what: string) => never): void {
  templates.forEach((t, i) => {
    if (!Array.isArray(t) || t.length > 2) fail(`template ${i} is not a list of up to two atoms`);
    for (const a of t as unknown[]) {
      if (!Array.isArray(a) || a.length !== 2 || !Number.isInteger(a[0]) || !Number.isInteger(a[1]) || Math.abs(a[1] as number) > 2) fail(`template ${i} has a malformed atom`);
      const [attr, off] = a as [number, number];
      if (attr === FeatureAttr.TAG ? off >= 0 : attr < 0 || attr >= N_FEATURE_ATTRS) fail(`template ${i} reads attribute ${attr} at offset ${off}, which this format does not have`);
    }
  });
}

/** Builds the model, checking the JSON part, its templates and that the weight arrays agree with it. */
export function buildTaggerModel(p: TaggerParts, file: string, offset: number): TaggerModel {
  const fail = (what: string): never => {
    throw new BinaryFileError(`malformed tagger model: ${what}`, file, offset);
  };
  const j = p.json as Partial<TaggerJson>;
  for (const k of ['classes', 'templates', 'strings', 'tagdict', 'ambs', 'lexicon'] as const) if (!Array.isArray(j[k])) fail(`"${k}" is not a list`);
  if (j.candidates !== undefined && !Array.isArray(j.candidates)) fail('"candidates" is not a list');
  checkTemplates(j.templates!, fail);
  if (typeof j.scale !== 'number' || !(j.scale > 0) || !Number.isFinite(j.scale)) fail('"scale" is not a positive number');
  const rows = p.key1.length;
  const nnz = p.values.length;
  if (p.key2.length !== rows || p.counts.length !== rows || p.cls.length !== nnz || j.rows !== rows || j.nonZero !== nnz) fail('weight arrays do not match the row and non-zero counts');
  const nC = j.classes!.length;
  const rowStart = new Uint32Array(rows + 1);
  const val = new Float32Array(nnz);
  const inv = 1 / j.scale!;
  let k = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = k;
    k += p.counts[r]!;
  }
  rowStart[rows] = k;
  if (k !== nnz) fail(`row counts sum to ${k}, expected ${nnz}`);
  for (let i = 0; i < nnz; i++) {
    if (p.cls[i]! >= nC) fail(`class index ${p.cls[i]} out of range`);
    val[i] = p.values[i]! * inv;
  }
  const ambs = j.ambs!;
  const lexicon = new Map<string, string>();
  for (const e of j.lexicon!) {
    if (!Array.isArray(e) || typeof e[0] !== 'string' || typeof ambs[e[1]] !== 'string') fail('lexicon entry points outside the ambiguity classes');
    lexicon.set(e[0], ambs[e[1]]!);
  }
  return new TaggerModel({
    classes: j.classes!,
    templates: j.templates!,
    strings: j.strings!,
    table: FeatureTable.fromKeys(p.key1, p.key2),
    weights: { rowStart, cls: p.cls, val },
    tagdict: new Map(j.tagdict),
    lexicon,
    candidates: new Map(j.candidates ?? []),
    meta: (j.meta ?? {}) as Record<string, unknown>,
  });
}
