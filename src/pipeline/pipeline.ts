import { Doc } from '../core/doc.js';
import { ArgumentError, ConfigError, NotFoundError, TextloomError } from '../core/errors.js';
import { Vocab } from '../core/vocab.js';
import { INSPECT } from '../util/inspect.js';
import type { Component, TokenizerLike } from './component.js';
import { checkConfig, type ComponentConfig, type PipelineConfig } from './config.js';
import { resolveOptions } from './options.js';
import { getComponentFactory, getTokenizerFactory } from './registry.js';
import { loadLanguage } from '../lang/load-language.js';
import type { LanguageData } from '../lang/types.js';

/** Options of {@link Pipeline.pipe}. */
export interface PipeOptions {
  /** Texts per batch (default 256); memory stays bounded by one batch (per worker with `nProcess`). */
  batchSize?: number;
  /**
   * Threads to annotate in (spaCy's `n_process`; default: none, this thread): this thread and
   * `nProcess - 1` worker threads. `0` uses every core. Each worker builds the pipeline from
   * {@link Pipeline.config} once; batches of texts go out and Docs come back in input order,
   * equal to this thread's, which annotates a batch itself whenever it would otherwise wait.
   * Given, `pipe` returns an async generator whatever the input. Texts only (not Docs).
   */
  nProcess?: number;
  /**
   * Modules each worker imports before building the pipeline (paths, relative to the working
   * directory, or package names): where custom factories are registered (`registerComponent`),
   * as spaCy needs custom components importable in its worker processes. Default none.
   */
  modules?: readonly string[];
  /**
   * With `nProcess`: a worker whose memory (its heap and buffers: the vocabulary and the
   * per-word caches grow with the new words it sees) passes this many MB after a batch is
   * replaced by a fresh worker, which loads the pipeline again; the Docs are the same. Default
   * {@link DEFAULT_WORKER_MEMORY_MB}; `Infinity` never replaces a worker.
   */
  maxWorkerMemoryMB?: number;
}

/** The default {@link PipeOptions.maxWorkerMemoryMB}: 512 MB per worker. */
export const DEFAULT_WORKER_MEMORY_MB = 512;

/** Options of {@link Pipeline.startWorkers}. */
export interface StartWorkersOptions {
  /** As {@link PipeOptions.modules}. */
  modules?: readonly string[];
  /** As {@link PipeOptions.maxWorkerMemoryMB}. */
  maxWorkerMemoryMB?: number;
}

const PIPE_KEYS = new Set(['batchSize', 'nProcess', 'modules', 'maxWorkerMemoryMB']);

/** Rejects unknown `pipe` option keys (a misspelt `nprocess` must not silently run in one thread). */
function checkPipeKeys(options: object): void {
  if (!options || typeof options !== 'object') throw new ArgumentError('pipe options must be an object', { key: 'options' });
  for (const k of Object.keys(options)) if (!PIPE_KEYS.has(k)) throw new ArgumentError(`unknown pipe option "${k}" (known: ${[...PIPE_KEYS].join(', ')})`, { key: k });
}

/** `pipe` in worker threads (`parallel-pipe.ts`), installed by the Node build so browser bundles stay free of Node built-ins. */
type ParallelPipe = (nlp: Pipeline, texts: Iterable<string | Doc> | AsyncIterable<string | Doc>, o: { batchSize: number; nProcess: number; modules: readonly string[]; maxWorkerMemoryMB: number }) => AsyncGenerator<Doc>;
let parallelPipe: ParallelPipe | undefined;

/** The kept worker pool of `startWorkers` / `close` (`parallel-pipe.ts`). */
interface PipeWorkers {
  start(nlp: Pipeline, nProcess: number, modules: readonly string[], maxWorkerMemoryMB: number): Promise<void>;
  close(nlp: Pipeline): Promise<void>;
}
let pipeWorkers: PipeWorkers | undefined;

/** @internal Installs the worker-thread `pipe` and its kept pool (called once by `parallel-pipe.ts`). */
export function setParallelPipe(fn: ParallelPipe, workers?: PipeWorkers): void {
  parallelPipe = fn;
  pipeWorkers = workers;
}

/** Options of {@link Pipeline.addPipe}: the name, the factory options and where to put it. */
export interface AddPipeOptions {
  /** Name in the pipeline (default: the factory name, or the component's own `name`). */
  name?: string;
  /** Factory options, validated against the factory's schema (unknown keys are a ConfigError). */
  options?: Record<string, unknown>;
  /** Put it just before this component. */
  before?: string;
  /** Put it just after this component. */
  after?: string;
  /** Put it first. */
  first?: boolean;
}

interface Entry {
  name: string;
  factory: string;
  /** The factory options as given (not filled with defaults); absent for ready Component objects. */
  options?: Record<string, unknown>;
  component: Component;
}

/**
 * A tokenizer plus an ordered list of named components. Call it like a function to process one
 * text, or stream many with {@link Pipeline.pipe}. Build one with `load()` or `createPipeline()`.
 * @example
 * const nlp = await load('en_core');
 * const doc = nlp('Dr. Smith arrived. He was late.');
 * for await (const d of nlp.pipe(lines, { batchSize: 512 })) { ... }
 */
export class Pipeline {
  /** The shared vocab. */
  readonly vocab: Vocab;
  /** The tokenizer. */
  readonly tokenizer: TokenizerLike;
  /**
   * The config describing this pipeline: kept in sync by `addPipe`, `removePipe` and
   * `setEnabled`, so `createPipeline(nlp.config)` rebuilds the same components, options (as given,
   * not filled with defaults) and enabled state. A view from `select`/`disable` has its own copy.
   * A ready Component object added with `addPipe` appears as factory `"(object)"`, which cannot
   * be rebuilt from the config.
   */
  readonly config: PipelineConfig;
  /** The directory relative paths in the config resolve against (the config file's; undefined: the working directory). */
  readonly baseDir: string | undefined;
  private readonly entries: Entry[];
  private readonly disabled: Set<string>;
  /** Names being built by an addPipeAsync that has not finished. */
  private readonly pending = new Set<string>();

  /** @internal use createPipeline/load. */
  constructor(tokenizer: TokenizerLike, entries: Entry[], config: PipelineConfig, disabled: Set<string> = new Set(), baseDir?: string) {
    this.baseDir = baseDir;
    this.vocab = tokenizer.vocab;
    this.tokenizer = tokenizer;
    this.entries = entries;
    this.config = config;
    this.disabled = disabled;
    this.syncConfig();
  }

  /** Rewrites `config.components` from the entries and the disabled set. */
  private syncConfig(): void {
    this.config.components = this.entries.map((e) => {
      const c: ComponentConfig = { name: e.name, factory: e.factory };
      if (e.options && Object.keys(e.options).length) c.options = copyConfig(e.options);
      if (this.disabled.has(e.name)) c.disabled = true;
      return c;
    });
  }

  /** Names of the enabled components, in order. */
  get pipeNames(): string[] {
    return this.entries.filter((e) => !this.disabled.has(e.name)).map((e) => e.name);
  }

  /**
   * A one-line summary, also what `util.inspect` / `console.log` show.
   * @example String(await load('en_core')) // 'Pipeline(en_core: tokenizer -> senter -> tagger -> lemmatizer)'
   */
  toString(): string {
    const steps = [this.config.tokenizer?.factory ?? 'tokenizer', ...this.pipeNames].join(' -> ');
    const off = this.componentNames.filter((n) => this.disabled.has(n));
    return `Pipeline(${this.config.name ? `${this.config.name}: ` : ''}${steps}${off.length ? `; disabled: ${off.join(', ')}` : ''})`;
  }

  /** `util.inspect` / `console.log`: the {@link toString} summary. */
  [INSPECT](): string {
    return this.toString();
  }

  /** Names of all components, disabled ones included. */
  get componentNames(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The component named `name`. */
  getPipe(name: string): Component {
    const e = this.entries.find((x) => x.name === name);
    if (!e) throw new NotFoundError(`no component named "${name}" in the pipeline; it has: ${this.componentNames.join(', ') || '(none)'}`, { key: name });
    return e.component;
  }

  /** Whether a component named `name` exists. */
  hasPipe(name: string): boolean {
    return this.entries.some((e) => e.name === name);
  }

  /** Tokenizes only (no components). */
  makeDoc(text: string): Doc {
    if (typeof text !== 'string') throw new ArgumentError(`expected a string, got ${text === null ? 'null' : typeof text}`);
    return this.tokenizer.tokenize(text);
  }

  /**
   * Processes one text (or re-runs the components over an existing Doc). A Doc must share this
   * pipeline's vocab (`Doc.fromWords(words, { vocab: nlp.vocab })`): ids are dense per vocab, so
   * a Doc from another vocab would be misread; it raises an ArgumentError.
   */
  process(input: string | Doc): Doc {
    this.checkReady();
    const doc = input instanceof Doc ? this.checkVocab(input) : this.makeDoc(input);
    for (const e of this.entries) if (!this.disabled.has(e.name)) e.component.process(doc);
    return doc;
  }

  /** Runs the enabled components over a batch of docs in place (each must share this pipeline's vocab). */
  processBatch(docs: Doc[]): Doc[] {
    this.checkReady();
    for (const d of docs) this.checkVocab(d);
    for (const e of this.entries) {
      if (this.disabled.has(e.name)) continue;
      const c = e.component;
      if (c.pipe) c.pipe(docs);
      else for (const d of docs) c.process(d);
    }
    return docs;
  }

  /**
   * Streams texts through the pipeline in batches, yielding Docs lazily in input order. A sync
   * iterable gives a sync generator; an async iterable gives an async generator (`for await`
   * works on both). With `nProcess` the batches are annotated in this thread and `nProcess - 1` worker threads (0: every core)
   * and an async generator yields the same Docs in input order (see `docs/scaling.md`).
   * @example for await (const doc of nlp.pipe(lines, { nProcess: 0, batchSize: 512 })) console.log(doc.ents);
   */
  pipe(texts: Iterable<string> | AsyncIterable<string>, options: PipeOptions & { nProcess: number }): AsyncGenerator<Doc>;
  pipe(texts: Iterable<string | Doc>, options?: PipeOptions): Generator<Doc>;
  pipe(texts: AsyncIterable<string | Doc>, options?: PipeOptions): AsyncGenerator<Doc>;
  pipe(texts: Iterable<string | Doc> | AsyncIterable<string | Doc>, options?: PipeOptions): Generator<Doc> | AsyncGenerator<Doc>;
  pipe(texts: Iterable<string | Doc> | AsyncIterable<string | Doc>, options: PipeOptions = {}): Generator<Doc> | AsyncGenerator<Doc> {
    this.checkReady();
    const batchSize = options.batchSize ?? 256;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new ArgumentError(`batchSize must be a positive integer, got ${batchSize}`, { key: 'batchSize' });
    if (typeof texts === 'string') throw new ArgumentError('pipe() takes an iterable of texts; call nlp(text) for a single text');
    checkPipeKeys(options);
    if (options.nProcess !== undefined) {
      if (!parallelPipe) throw new ArgumentError('nProcess needs worker threads: use the Node build (textloom), not a browser entry', { key: 'nProcess' });
      return parallelPipe(this, texts, { batchSize, nProcess: options.nProcess, modules: options.modules ?? [], maxWorkerMemoryMB: options.maxWorkerMemoryMB ?? DEFAULT_WORKER_MEMORY_MB });
    }
    if (texts && typeof (texts as AsyncIterable<string>)[Symbol.asyncIterator] === 'function') return this.pipeAsync(texts as AsyncIterable<string | Doc>, batchSize);
    if (texts && typeof (texts as Iterable<string>)[Symbol.iterator] === 'function') return this.pipeSync(texts as Iterable<string | Doc>, batchSize);
    throw new ArgumentError('pipe() needs an iterable or async iterable of texts');
  }

  /**
   * Starts the `nProcess - 1` worker threads of `pipe(texts, { nProcess })` (0: every core; this
   * thread is the other one) that load this pipeline, and keeps them for
   * later `pipe(texts, { nProcess, modules, maxWorkerMemoryMB })` calls with the same options, so
   * those calls do not wait for workers to start and load the pipeline. Idle workers never keep
   * the process from exiting; {@link close} ends them. A pipeline changed since (a component
   * added or removed) gets fresh workers on its next `pipe`. Node only.
   * @example await nlp.startWorkers(2); for await (const doc of nlp.pipe(texts, { nProcess: 2 })) ...; await nlp.close();
   */
  startWorkers(nProcess: number, options: StartWorkersOptions = {}): Promise<void> {
    this.checkReady();
    if (!pipeWorkers) return Promise.reject(new ArgumentError('startWorkers needs worker threads: use the Node build (textloom), not a browser entry', { key: 'nProcess' }));
    return pipeWorkers.start(this, nProcess, options.modules ?? [], options.maxWorkerMemoryMB ?? DEFAULT_WORKER_MEMORY_MB);
  }

  /** Ends the worker threads kept by {@link startWorkers} (nothing to do when there are none). */
  close(): Promise<void> {
    return pipeWorkers ? pipeWorkers.close(this) : Promise.resolve();
  }

  private *pipeSync(texts: Iterable<string | Doc>, batchSize: number): Generator<Doc> {
    let batch: Doc[] = [];
    for (const t of texts) {
      batch.push(t instanceof Doc ? t : this.makeDoc(t));
      if (batch.length >= batchSize) {
        yield* this.processBatch(batch);
        batch = [];
      }
    }
    if (batch.length) yield* this.processBatch(batch);
  }

  private async *pipeAsync(texts: AsyncIterable<string | Doc>, batchSize: number): AsyncGenerator<Doc> {
    let batch: Doc[] = [];
    for await (const t of texts) {
      batch.push(t instanceof Doc ? t : this.makeDoc(t));
      if (batch.length >= batchSize) {
        yield* this.processBatch(batch);
        batch = [];
      }
    }
    if (batch.length) yield* this.processBatch(batch);
  }

  /**
   * Adds a component built by a registered factory (or a ready Component object) and returns it,
   * as spaCy's `add_pipe`: the component is in `pipeNames` and runs as soon as this returns.
   * A factory that builds asynchronously (a custom one whose `create` returns a Promise) raises a ConfigError here that says to use {@link Pipeline.addPipeAsync}.
   * @param where `{ before: name }`, `{ after: name }`, `{ first: true }` or last by default; at
   *   most one of them (spaCy's E006), checked before the component is built.
   * @example
   * const nlp = await load('en_core');
   * nlp.addPipe('entity_ruler', { options: { patterns: [{ label: 'ORG', pattern: 'Apple' }] } });
   * nlp.pipeNames // [..., 'entity_ruler']
   */
  addPipe(factoryOrComponent: string | Component, options: AddPipeOptions = {}): Component {
    const add = this.prepareAdd(factoryOrComponent, options);
    if (add.component) return this.insert(add.entry(add.component), options);
    const built = add.build();
    if (isPromiseLike(built)) {
      // Never left unhandled: the caller is told to use addPipeAsync instead.
      built.then(undefined, () => undefined);
      throw new ConfigError(
        `factory "${add.factory}" builds its component asynchronously, so addPipe cannot add it; use \`await nlp.addPipeAsync("${add.factory}", ...)\``,
        { key: add.name },
      );
    }
    return this.insert(add.entry(built), options);
  }

  /**
   * Like {@link Pipeline.addPipe}, for factories that build asynchronously (a custom factory whose
   * `create` returns a Promise); ready factories work too. Until the returned Promise settles the
   * pipeline refuses to run (an `nlp(text)` or `pipe()` raises a ConfigError naming the pending
   * component), so a forgotten `await` fails loudly instead of running without the component.
   * @example await nlp.addPipeAsync('my_remote_model', { options: { url } });
   */
  async addPipeAsync(factoryOrComponent: string | Component, options: AddPipeOptions = {}): Promise<Component> {
    const add = this.prepareAdd(factoryOrComponent, options);
    if (add.component) return this.insert(add.entry(add.component), options);
    this.pending.add(add.name);
    let component: Component;
    try {
      component = await add.build();
    } finally {
      this.pending.delete(add.name);
    }
    return this.insert(add.entry(component), options);
  }

  /** Checks the position and name of a component to add; `build` makes it from its factory. */
  private prepareAdd(factoryOrComponent: string | Component, options: AddPipeOptions) {
    const where = (['before', 'after', 'first'] as const).filter((k) => options[k] !== undefined && options[k] !== false);
    if (where.length > 1) throw new ConfigError(`addPipe: set only one of before, after and first, got ${where.join(' and ')}`, { key: where[1]! });
    if (options.before !== undefined) this.indexOf(options.before);
    if (options.after !== undefined) this.indexOf(options.after);
    const isName = typeof factoryOrComponent === 'string';
    const name = options.name ?? (isName ? factoryOrComponent : factoryOrComponent.name);
    if (this.hasPipe(name) || this.pending.has(name)) throw new ConfigError(`a component named "${name}" already exists`, { key: name });
    const factory = isName ? factoryOrComponent : '(object)';
    const given = isName ? copyConfig(options.options ?? {}) : undefined;
    return {
      name,
      factory,
      component: isName ? undefined : factoryOrComponent,
      build: (): Component | Promise<Component> => {
        const before = this.entries.slice(0, this.insertAt(options)).filter((e) => !this.disabled.has(e.name));
        return buildComponent({ name, factory, options: given! }, this.vocab, `components[${name}]`, '.', this.tokenizer, before.map((e) => e.component), this.config.lang);
      },
      entry: (component: Component): Entry => (given ? { name, factory, options: given, component } : { name, factory, component }),
    };
  }

  /** Puts a built component in place and returns it. */
  private insert(entry: Entry, options: AddPipeOptions): Component {
    if (this.hasPipe(entry.name)) throw new ConfigError(`a component named "${entry.name}" already exists`, { key: entry.name });
    this.entries.splice(this.insertAt(options), 0, entry);
    this.syncConfig();
    return entry.component;
  }

  /** Refuses to run while an addPipeAsync has not finished (a missing `await`). */
  private checkReady(): void {
    if (this.pending.size === 0) return;
    const names = [...this.pending].map((n) => `"${n}"`).join(', ');
    throw new ConfigError(`component ${names} is still being added: await nlp.addPipeAsync(...) before running the pipeline`, { key: [...this.pending][0]! });
  }

  /** Where `addPipe` puts a component: first, before/after a named one, or last. */
  private insertAt(options: { before?: string; after?: string; first?: boolean }): number {
    if (options.first) return 0;
    if (options.before !== undefined) return this.indexOf(options.before);
    if (options.after !== undefined) return this.indexOf(options.after) + 1;
    return this.entries.length;
  }

  /** Removes a component and returns it. */
  removePipe(name: string): Component {
    const i = this.indexOf(name);
    const [e] = this.entries.splice(i, 1);
    this.disabled.delete(name);
    this.syncConfig();
    return e!.component;
  }

  /** Enables or disables a component in place. */
  setEnabled(name: string, enabled: boolean): void {
    this.indexOf(name);
    if (enabled) this.disabled.delete(name);
    else this.disabled.add(name);
    this.syncConfig();
  }

  /** A view of this pipeline that runs only the named components (sharing them). */
  select(names: readonly string[]): Nlp {
    for (const n of names) this.indexOf(n);
    const off = new Set(this.entries.map((e) => e.name).filter((n) => !names.includes(n)));
    return makeCallable(new Pipeline(this.tokenizer, this.entries.slice(), copyConfig(this.config), off, this.baseDir));
  }

  /** A view of this pipeline without the named components (sharing the rest). */
  disable(names: readonly string[]): Nlp {
    for (const n of names) this.indexOf(n);
    return makeCallable(new Pipeline(this.tokenizer, this.entries.slice(), copyConfig(this.config), new Set([...this.disabled, ...names]), this.baseDir));
  }

  /** Rejects a Doc whose orth ids belong to another vocab. */
  private checkVocab(doc: Doc): Doc {
    if (doc.vocab !== this.vocab) {
      throw new ArgumentError("the Doc was made with a different Vocab than the pipeline's; build it over nlp.vocab (e.g. Doc.fromWords(words, { vocab: nlp.vocab }))");
    }
    return doc;
  }

  private indexOf(name: string): number {
    const i = this.entries.findIndex((e) => e.name === name);
    if (i < 0) throw new NotFoundError(`no component named "${name}" in the pipeline; it has: ${this.componentNames.join(', ') || '(none)'}`, { key: name });
    return i;
  }
}

/** A {@link Pipeline} that can also be called as a function: `nlp(text)`. */
export type Nlp = Pipeline & ((text: string | Doc) => Doc);

/** Wraps a Pipeline so it can be called as `nlp(text)`; fields are never reassigned, so the prototype link is safe. */
export function makeCallable(p: Pipeline): Nlp {
  const f = ((text: string | Doc) => p.process(text)) as Nlp;
  Object.setPrototypeOf(f, p);
  return f;
}

/** Builds a component from its factory; a Promise only when the factory builds asynchronously. */
function buildComponent(c: ComponentConfig, vocab: Vocab, key: string, baseDir: string, tokenizer: TokenizerLike | undefined, preceding: readonly Component[], lang?: string): Component | Promise<Component> {
  const factoryName = c.factory ?? c.name;
  const factory = getComponentFactory(factoryName, `${key}.factory`);
  const options = resolveOptions(factory.options, c.options, `${key}.options`);
  return factory.create(options, { vocab, name: c.name, baseDir, ...(tokenizer ? { tokenizer } : {}), preceding, ...(lang ? { lang } : {}) });
}

function isPromiseLike<T>(v: T | Promise<T>): v is Promise<T> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/** Options of {@link createPipeline}. */
export interface CreateOptions {
  /** Components to leave disabled. */
  disable?: readonly string[];
  /** Components to skip entirely (not built). */
  exclude?: readonly string[];
  /** Reuse an existing vocab. */
  vocab?: Vocab;
  /** Directory that relative paths in options resolve against. */
  baseDir?: string;
  /** The config file, for error messages. */
  file?: string;
}

/**
 * Builds a pipeline from a config object. Unknown factories, keys and options raise a
 * ConfigError naming the key (e.g. `components[1].options.foo`).
 * @example
 * const nlp = await createPipeline({ tokenizer: { factory: 'tokenizer' }, components: [{ name: 'senter' }] });
 */
export async function createPipeline(config: PipelineConfig, options: CreateOptions = {}): Promise<Nlp> {
  const cfg = checkConfig(config, options.file);
  let language: LanguageData | undefined;
  try {
    language = cfg.lang === undefined ? undefined : await loadLanguage(cfg.lang);
  } catch (e) {
    throw e instanceof TextloomError ? new ConfigError(e.detail, options.file ? { file: options.file, key: 'lang' } : { key: 'lang' }) : e;
  }
  const vocab = options.vocab ?? new Vocab(undefined, language ? { stopWords: language.stopWords, numberWords: language.numberWords } : {});
  const lang = language?.code;
  // Relative model paths resolve against the working directory in Node; browsers have none ('.').
  const baseDir = options.baseDir ?? (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.() ?? '.';
  const tokFactoryName = cfg.tokenizer?.factory ?? 'tokenizer';
  const withFile = (e: unknown): never => {
    if (options.file && e instanceof TextloomError) throw e.at({ file: options.file });
    throw e;
  };
  let tokenizer: TokenizerLike;
  try {
    const tf = getTokenizerFactory(tokFactoryName, 'tokenizer.factory');
    tokenizer = tf.create(resolveOptions(tf.options, cfg.tokenizer?.options, 'tokenizer.options'), { vocab, name: 'tokenizer', baseDir, ...(lang ? { lang } : {}) });
  } catch (e) {
    return withFile(e);
  }
  const entries: Entry[] = [];
  const disabled = new Set<string>();
  const names = (cfg.components ?? []).map((c) => c.name);
  for (const n of [...(options.disable ?? []), ...(options.exclude ?? [])]) {
    if (!names.includes(n)) throw new ConfigError(`cannot disable "${n}": the pipeline has ${names.join(', ') || 'no components'}`, { key: n });
  }
  const components = cfg.components ?? [];
  for (let i = 0; i < components.length; i++) {
    const c = components[i]!;
    if (options.exclude?.includes(c.name)) continue;
    let component: Component;
    try {
      const preceding = entries.filter((e) => !disabled.has(e.name)).map((e) => e.component);
      component = await buildComponent(c, vocab, `components[${i}]`, baseDir, tokenizer, preceding, lang);
    } catch (e) {
      return withFile(e);
    }
    entries.push({ name: c.name, factory: c.factory ?? c.name, ...(c.options ? { options: copyConfig(c.options) } : {}), component });
    if (c.disabled || options.disable?.includes(c.name)) disabled.add(c.name);
  }
  return makeCallable(new Pipeline(tokenizer, entries, copyConfig(cfg), disabled, options.baseDir));
}

/**
 * A deep copy of config data: plain objects and arrays are copied, anything else (a function or
 * class instance given to an `any` option of a custom factory) is kept by reference, where
 * `structuredClone` would throw.
 */
function copyConfig<T>(v: T): T {
  if (Array.isArray(v)) return v.map(copyConfig) as T;
  if (v !== null && typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = copyConfig(x);
    return out as T;
  }
  return v;
}
