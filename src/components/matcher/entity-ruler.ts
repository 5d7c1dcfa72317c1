import type { Doc } from '../../core/doc.js';
import { ArgumentError, FormatError, TextloomError } from '../../core/errors.js';
import { Span } from '../../core/span.js';
import type { Vocab } from '../../core/vocab.js';
import { parseJsonLine, readNumberedJsonl } from '../../io/jsonl.js';
import { readTextFileSync } from '../../io/read-text.js';
import type { Component } from '../../pipeline/component.js';
import { Matcher, type TokenPattern } from './matcher.js';
import { PHRASE_MATCHER_DEFAULTS, PhraseMatcher } from './phrase.js';
import { sortByPosition, sortLongestFirst } from './order.js';

/** One entity-ruler pattern: a phrase (string) or a token pattern, its label and an optional id. */
export interface EntityPattern {
  label: string;
  pattern: string | TokenPattern;
  id?: string;
}

/** Options of {@link EntityRuler}. */
export interface EntityRulerOptions {
  /** Replace existing entities that overlap a match (default false: matches on tagged tokens are skipped). */
  overwriteEnts?: boolean;
  /** Token attribute phrase patterns match on (default "ORTH"; "LOWER" for case-insensitive). */
  phraseMatcherAttr?: string;
  /** Validate token patterns strictly (default false, as in spaCy's entity ruler). */
  validate?: boolean;
  /** Separator between label and id in match keys (default "||"). */
  entIdSep?: string;
}

/** Defaults of {@link EntityRuler}. */
export const ENTITY_RULER_DEFAULTS = Object.freeze({ overwriteEnts: false, phraseMatcherAttr: PHRASE_MATCHER_DEFAULTS.attr, validate: false, entIdSep: '||' });

const PATTERN_KEYS = new Set(['label', 'pattern', 'id']);

/** Checks the shape of one entity pattern record; `where` names it in errors. */
export function checkEntityPattern(p: unknown, where: { file?: string; line?: number; pattern?: string | number }): EntityPattern {
  if (typeof p !== 'object' || p === null || Array.isArray(p)) throw new FormatError('an entity pattern must be an object {"label", "pattern", "id"?}', where);
  const o = p as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!PATTERN_KEYS.has(k)) throw new FormatError(`unknown entity pattern key "${k}"; valid: label, pattern, id`, { ...where, key: k });
  if (typeof o.label !== 'string' || o.label === '') throw new FormatError('"label" must be a non-empty string', { ...where, key: 'label' });
  if (typeof o.pattern !== 'string' && !Array.isArray(o.pattern)) throw new FormatError('"pattern" must be a phrase string or a list of token specs', { ...where, key: 'pattern' });
  if (o.id !== undefined && typeof o.id !== 'string') throw new FormatError('"id" must be a string', { ...where, key: 'id' });
  return o as unknown as EntityPattern;
}

/**
 * Reads entity patterns from a JSON-lines file (one `{"label", "pattern", "id"?}` per line; blank
 * lines skipped; `-` is stdin). Bad JSON or a bad record raises a FormatError naming the file and line.
 */
export async function readEntityPatterns(path: string): Promise<{ pattern: EntityPattern; line: number }[]> {
  const out: { pattern: EntityPattern; line: number }[] = [];
  for await (const [rec, line] of readNumberedJsonl(path)) out.push({ pattern: checkEntityPattern(rec, { file: path, line }), line });
  return out;
}

/**
 * {@link readEntityPatterns} for a file read whole and synchronously (`.gz` gunzipped), as the
 * `entity_ruler` factory does so that `nlp.addPipe` returns a ready component.
 */
export function readEntityPatternsSync(path: string): { pattern: EntityPattern; line: number }[] {
  const out: { pattern: EntityPattern; line: number }[] = [];
  readTextFileSync(path, 'patterns file')
    .split('\n')
    .forEach((text, i) => {
      const p = parsePatternLine(text, path, i + 1);
      if (p) out.push({ pattern: p, line: i + 1 });
    });
  return out;
}

function parsePatternLine(text: string, path: string, line: number): EntityPattern | undefined {
  if (text.trim() === '') return undefined;
  return checkEntityPattern(parseJsonLine(text, { file: path, line }), { file: path, line });
}

/**
 * spaCy's entity ruler: token and phrase patterns that set `doc.ents`. Matches from both matchers
 * are sorted longest first (then earliest); each one that does not overlap an earlier pick becomes
 * an entity. Without `overwriteEnts`, a match touching a token that already has an entity type is
 * skipped; with it, overlapping existing entities are replaced. Pattern ids are written to the
 * `ent_id` string extension of the entity's tokens.
 * @example
 * const ruler = new EntityRuler(nlp.vocab, (t) => nlp.makeDoc(t));
 * ruler.addPatterns([{ label: 'ORG', pattern: 'Apple' }, { label: 'GPE', pattern: [{ LOWER: 'san' }, { LOWER: 'francisco' }] }]);
 * ruler.process(doc); doc.ents
 */
export class EntityRuler implements Component {
  readonly name: string;
  readonly overwriteEnts: boolean;
  private readonly matcher: Matcher;
  private readonly phraseMatcher: PhraseMatcher;
  private readonly stored: EntityPattern[] = [];
  private readonly keyInfo = new Map<number, { label: string; id: string | undefined; order: number }>();
  private readonly entIdSep: string;

  /**
   * @param tokenize turns a phrase pattern into a Doc over `vocab` (the pipeline's tokenizer).
   */
  constructor(
    readonly vocab: Vocab,
    private readonly tokenize: (text: string) => Doc,
    options: EntityRulerOptions & { name?: string } = {},
  ) {
    this.name = options.name ?? 'entity_ruler';
    this.overwriteEnts = options.overwriteEnts ?? ENTITY_RULER_DEFAULTS.overwriteEnts;
    this.entIdSep = options.entIdSep ?? ENTITY_RULER_DEFAULTS.entIdSep;
    this.matcher = new Matcher(vocab, { validate: options.validate ?? ENTITY_RULER_DEFAULTS.validate });
    this.phraseMatcher = new PhraseMatcher(vocab, { attr: options.phraseMatcherAttr ?? ENTITY_RULER_DEFAULTS.phraseMatcherAttr });
  }

  /** The patterns added so far. */
  get patterns(): EntityPattern[] {
    return structuredClone(this.stored);
  }

  /** The distinct labels of the patterns. */
  get labels(): string[] {
    return [...new Set(this.stored.map((p) => p.label))];
  }

  /** Adds patterns; a bad one throws (naming its index) before any of this batch is added. */
  addPatterns(patterns: readonly EntityPattern[]): void {
    const checked = patterns.map((p, i) => checkEntityPattern(p, { pattern: i }));
    for (const p of checked) {
      if (Array.isArray(p.pattern)) new Matcher(this.vocab, { validate: this.matcher.validate }).add(this.keyFor(p, false), [p.pattern]);
    }
    for (const p of checked) {
      const key = this.keyFor(p, true);
      if (typeof p.pattern === 'string') this.phraseMatcher.add(key, [this.tokenize(p.pattern)]);
      else this.matcher.add(key, [p.pattern]);
      this.stored.push(structuredClone(p));
    }
  }

  private keyFor(p: EntityPattern, register: boolean): string {
    const key = p.id !== undefined ? `${p.label}${this.entIdSep}${p.id}` : p.label;
    if (register) {
      const id = this.vocab.strings.add(key);
      if (!this.keyInfo.has(id)) this.keyInfo.set(id, { label: p.label, id: p.id, order: this.keyInfo.size });
    }
    return key;
  }

  /** All matches as `[matchId, start, end]`, deduplicated, longest first, then earliest, then pattern order. */
  match(doc: Doc): [number, number, number][] {
    const all = [...(this.matcher.size ? this.matcher.match(doc, { allowMissing: false }) : []), ...(this.phraseMatcher.size ? this.phraseMatcher.match(doc) : [])];
    const seen = new Set<string>();
    const out: [number, number, number][] = [];
    for (const m of all) {
      if (m[1] === m[2]) continue;
      const k = `${m[0]},${m[1]},${m[2]}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(m);
    }
    const order = (id: number) => this.keyInfo.get(id)?.order ?? 0;
    return sortLongestFirst(out, order);
  }

  /**
   * Every match of every pattern, without entity resolution: `{label, id?, start, end}` in order of
   * start, then end, then pattern order.
   */
  matches(doc: Doc): { label: string; id?: string; start: number; end: number }[] {
    const order = (id: number) => this.keyInfo.get(id)?.order ?? 0;
    return sortByPosition(this.match(doc), order).map(([key, start, end]) => {
      const info = this.keyInfo.get(key);
      const label = info?.label ?? this.vocab.strings.get(key);
      return info?.id !== undefined ? { label, id: info.id, start, end } : { label, start, end };
    });
  }

  /** Sets `doc.ents` from the matches (see the class description). */
  process(doc: Doc): void {
    const matches = this.match(doc);
    if (matches.length === 0) return;
    let entities = doc.ents;
    const added: Span[] = [];
    const seen = new Uint8Array(doc.length);
    const ids: [number, number, string][] = [];
    for (const [id, start, end] of matches) {
      if (!this.overwriteEnts) {
        let tagged = false;
        for (let i = start; i < end; i++) if (doc.entType[i] !== 0) tagged = true;
        if (tagged) continue;
      }
      // spaCy checks only the boundary tokens; with longest-first order that equals any overlap.
      if (seen[start] || seen[end - 1]) continue;
      const info = this.keyInfo.get(id);
      added.push(new Span(doc, start, end, info?.label ?? this.vocab.strings.get(id)));
      if (info?.id !== undefined) ids.push([start, end, info.id]);
      entities = entities.filter((e) => !(e.start < end && e.end > start));
      seen.fill(1, start, end);
    }
    doc.ents = [...entities, ...added];
    if (ids.length) {
      const col = doc.extension<string>('ent_id', 'string');
      for (const [s, e, id] of ids) for (let i = s; i < e; i++) col.set(i, id);
    }
  }

  /** Processes a batch in place. */
  pipe(docs: Doc[]): void {
    for (const d of docs) this.process(d);
  }
}

/** Wraps an error from adding a pattern read from `file:line` so it names the file and line. */
export function locateError(e: unknown, file: string | undefined, line: number | undefined, key?: string): never {
  if (e instanceof TextloomError && e.file === undefined) {
    throw new ArgumentError(e.detail, { ...(file !== undefined ? { file } : {}), ...(line !== undefined ? { line } : {}), key: e.key ?? key ?? 'pattern' });
  }
  throw e;
}
