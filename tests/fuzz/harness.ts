/**
 * The fuzz harness: mutates a small valid input and checks that a loader either refuses it with a
 * typed {@link TextloomError} or returns a result that can be used, never throws anything else,
 * never takes longer than a time limit, and never leaves a partial output file behind.
 *
 * A target is one object; adding a reader is one line in `targets.ts`:
 * `{ name: 'iob2', ext: '.iob', seed: () => bytes, load: (p) => readIob(p) }`.
 *
 * Mutations (one to three per case, drawn by fast-check from a fixed seed): truncate, flip a bit,
 * insert or delete bytes, duplicate a slice (a section or a line), write a huge or odd number over a
 * number (text) or a u32 (binary), insert NUL bytes, insert invalid UTF-8. For files in textloom's
 * binary framing a second family mutates one section's bytes and re-frames the file with a fresh
 * length and CRC, so the mutation reaches the section decoders instead of stopping at the CRC.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { BinaryWriter, readBinary, sniffBinary, TextloomError } from '../../src/index.js';

/** The files of one input: one file (`Uint8Array`) or a directory (name -> bytes). */
export type SeedFiles = Uint8Array | Record<string, Uint8Array>;

/** One loader under fuzz. */
export interface FuzzTarget {
  /** Name in the report table. */
  name: string;
  /** File name suffix of the mutated file (`.tlm`); ignored for directory seeds. */
  ext?: string;
  /** The valid input the mutations start from. */
  seed: () => SeedFiles | Promise<SeedFiles>;
  /** Loads the file (or directory) at `path`; may be sync or async. `out` is a path a converter may write. */
  load: (path: string, out: string) => unknown;
  /** Uses a loaded result (query it once) so lazily checked damage surfaces too. */
  use?: (result: never) => unknown;
  /** Re-seals a directory after one of its framed files was re-framed (e.g. fixes a manifest's sizes and CRCs). */
  reseal?: (files: Record<string, Uint8Array>, changed: string) => void;
  /**
   * For a file with its own checksum outside textloom's framing (the version-1 formats): `open`
   * returns the bytes to mutate, `close` wraps mutated bytes into a file with a correct checksum,
   * so half of the cases reach the decoder behind the CRC.
   */
  inner?: { open: (file: Uint8Array) => Uint8Array; close: (inner: Uint8Array) => Uint8Array };
  /** A loader that repairs instead of refusing (a lenient reader): no refusal is expected. */
  repairs?: boolean;
  /** Time limit per case in ms (default 3000). */
  timeoutMs?: number;
}

/** What happened to the cases of one target. */
export interface FuzzStats {
  name: string;
  tried: number;
  refused: number;
  accepted: number;
  /** Distinct error codes of the refusals. */
  codes: Record<string, number>;
}

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; len: number }
  | { op: 'duplicate'; at: number; len: number; to: number }
  | { op: 'number'; at: number; value: string }
  | { op: 'nul'; at: number }
  | { op: 'utf8'; at: number; bytes: number[] };

/** A mutation case: which file of a directory, whether to re-frame one section, and the mutations. */
interface Case {
  file: number;
  section: number | null;
  mutations: Mutation[];
}

const ODD_NUMBERS = ['0', '-1', '1.5', '1000000', '4294967295', '4294967296', '99999999999999999999', '1e308', 'NaN', '-0', '2147483648'];
const BAD_UTF8 = [[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]];
const U32_ODD = [0xffffffff, 0x7fffffff, 0x80000000, 1_000_000, 0x10000, 3];

const pos = fc.nat({ max: 0x7fffffff });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
  fc.record({ op: fc.constant('flip' as const), at: pos, bit: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('flip' as const), at: pos, bit: fc.nat({ max: 7 }) }),
  fc.record({ op: fc.constant('insert' as const), at: pos, bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 8 }) }),
  fc.record({ op: fc.constant('delete' as const), at: pos, len: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: pos, len: fc.integer({ min: 1, max: 256 }), to: pos }),
  fc.record({ op: fc.constant('number' as const), at: pos, value: fc.constantFrom(...ODD_NUMBERS) }),
  fc.record({ op: fc.constant('nul' as const), at: pos }),
  fc.record({ op: fc.constant('utf8' as const), at: pos, bytes: fc.constantFrom(...BAD_UTF8) }),
);
const caseArb: fc.Arbitrary<Case> = fc.record({
  file: fc.nat({ max: 1000 }),
  section: fc.option(fc.nat({ max: 1000 }), { nil: null, freq: 2 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
});

function splice(b: Uint8Array, at: number, del: number, ins: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(b.length - del + ins.length);
  out.set(b.subarray(0, at), 0);
  out.set(ins, at);
  out.set(b.subarray(at + del), at + ins.length);
  return out;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;

/** Applies one mutation; positions are taken modulo the current length. */
export function mutate(b: Uint8Array, m: Mutation): Uint8Array {
  const n = b.length;
  const at = n === 0 ? 0 : m.at % (n + 1);
  switch (m.op) {
    case 'truncate':
      return b.subarray(0, n === 0 ? 0 : m.at % n);
    case 'flip': {
      if (n === 0) return b;
      const out = b.slice();
      out[m.at % n]! ^= 1 << m.bit;
      return out;
    }
    case 'insert':
      return splice(b, at, 0, m.bytes);
    case 'delete':
      return splice(b, at, Math.min(m.len, n - at), []);
    case 'duplicate': {
      const len = Math.min(m.len, n - at);
      return splice(b, n === 0 ? 0 : m.to % (n + 1), 0, b.slice(at, at + len));
    }
    case 'number': {
      // Text: replace the digit run at or after `at` (a count, an order, a dimension) with an odd
      // number. Binary (no digit found nearby): write an odd u32 at an aligned offset.
      let i = at;
      while (i < n && i < at + 64 && !isDigit(b[i])) i++;
      if (i < n && isDigit(b[i])) {
        let j = i;
        while (j < n && isDigit(b[j])) j++;
        return splice(b, i, j - i, Buffer.from(m.value));
      }
      if (n < 4) return b;
      const out = b.slice();
      const off = Math.min(at - (at % 4), n - 4);
      new DataView(out.buffer).setUint32(off, U32_ODD[m.value.length % U32_ODD.length]!, true);
      return out;
    }
    case 'nul':
      return splice(b, at, 0, [0]);
    case 'utf8':
      return splice(b, at, 0, m.bytes);
  }
}

/**
 * Mutates section `index` (modulo the section count) of a file in textloom's binary framing and
 * writes the file again with a correct length and CRC. Returns null when `bytes` is not framed.
 */
export function mutateSection(bytes: Uint8Array, index: number, mutations: Mutation[]): Uint8Array | null {
  const kind = sniffBinary(bytes);
  if (!kind) return null;
  let r;
  try {
    r = readBinary(bytes, { kind: kind.kind, what: 'file', versions: [kind.version] });
  } catch {
    return null;
  }
  const names = r.names;
  if (names.length === 0) return null;
  const target = index % names.length;
  const w = new BinaryWriter(kind.kind, kind.version);
  names.forEach((name, i) => {
    let b = r.section(name);
    if (i === target) for (const m of mutations) b = mutate(b, m);
    w.add(name, b);
  });
  return w.finish();
}

function setupFiles(seed: SeedFiles): { files: Record<string, Uint8Array>; single: boolean } {
  // Plain copies: a Buffer's slice() is a view, and a mutation must never edit the seed.
  const copy = (b: Uint8Array): Uint8Array => new Uint8Array(b);
  if (seed instanceof Uint8Array) return { files: { input: copy(seed) }, single: true };
  return { files: Object.fromEntries(Object.entries(seed).map(([k, v]) => [k, copy(v)])), single: false };
}

/** Builds the mutated input of one case from the seed files. */
function applyCase(target: FuzzTarget, seed: Record<string, Uint8Array>, c: Case): Record<string, Uint8Array> {
  const files = { ...seed };
  const names = Object.keys(files).sort();
  const name = names[c.file % names.length]!;
  let framed = c.section !== null ? mutateSection(files[name]!, c.section, c.mutations) : null;
  if (!framed && c.section !== null && target.inner) {
    let b = target.inner.open(files[name]!);
    for (const m of c.mutations) b = mutate(b, m);
    framed = target.inner.close(b);
  }
  if (framed) {
    files[name] = framed;
    target.reseal?.(files, name);
    return files;
  }
  let b = files[name]!;
  for (const m of c.mutations) b = mutate(b, m);
  files[name] = b;
  return files;
}

function isThenable(x: unknown): x is PromiseLike<unknown> {
  return !!x && typeof (x as { then?: unknown }).then === 'function';
}

async function withTimeout(run: () => unknown, ms: number, what: string): Promise<unknown> {
  const start = performance.now();
  const r = run();
  if (!isThenable(r)) {
    // A synchronous loader cannot be interrupted; it must still finish within the limit.
    const took = performance.now() - start;
    if (took > ms) throw new Error(`${what}: took ${took.toFixed(0)} ms, over the ${ms} ms limit`);
    return r;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      r,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms (hang)`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** Temp files an atomic write leaves behind if it is interrupted (`.<name>.tmp-<pid>-...`). */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.includes('.tmp-'));
}

/** Runs cases of one target in a scratch directory and counts the outcomes. */
class Runner {
  readonly stats: FuzzStats;
  readonly work: string;
  private readonly timeoutMs: number;
  constructor(
    private readonly target: FuzzTarget,
    readonly seed: Record<string, Uint8Array>,
    private readonly single: boolean,
  ) {
    this.stats = { name: target.name, tried: 0, refused: 0, accepted: 0, codes: {} };
    this.work = mkdtempSync(join(tmpdir(), `tl-fuzz-${target.name.replace(/\W+/g, '-')}-`));
    this.timeoutMs = target.timeoutMs ?? 3000;
  }

  static async create(target: FuzzTarget): Promise<Runner> {
    const { files, single } = setupFiles(await target.seed());
    const r = new Runner(target, files, single);
    // The seed itself must load: otherwise every case would count as a refusal and prove nothing.
    await r.run(files, true);
    return r;
  }

  close(): void {
    rmSync(this.work, { recursive: true, force: true });
  }

  /** Writes `files`, loads them, and checks the outcome (throws on anything but a typed refusal or a usable result). */
  async run(files: Record<string, Uint8Array>, isSeed = false): Promise<void> {
    const { target, stats, single, timeoutMs } = this;
    if (!isSeed) stats.tried++;
    const caseDir = join(this.work, 'case');
    rmSync(caseDir, { recursive: true, force: true });
    mkdirSync(caseDir);
    let path: string;
    if (single) {
      path = join(caseDir, `input${target.ext ?? ''}`);
      writeFileSync(path, files.input!);
    } else {
      path = join(caseDir, 'input');
      mkdirSync(path);
      for (const [name, bytes] of Object.entries(files)) writeFileSync(join(path, name), bytes);
    }
    const out = join(caseDir, `out${target.ext ?? ''}`);
    try {
      await withTimeout(
        async () => {
          const loaded = await withTimeout(() => target.load(path, out), timeoutMs, `${target.name} load`);
          if (target.use) await withTimeout(() => target.use!(loaded as never), timeoutMs, `${target.name} use`);
        },
        timeoutMs * 2,
        target.name,
      );
      if (!isSeed) stats.accepted++;
    } catch (e) {
      if (isSeed) throw new Error(`${target.name}: the seed input does not load: ${(e as Error).message}`);
      if (!(e instanceof TextloomError)) throw e;
      stats.refused++;
      stats.codes[e.code] = (stats.codes[e.code] ?? 0) + 1;
      if (existsSync(out)) throw new Error(`${target.name}: refused (${e.message}) but wrote ${out}`);
    }
    const left = leftovers(caseDir).concat(single ? [] : leftovers(path));
    if (left.length) throw new Error(`${target.name}: temp files left behind: ${left.join(', ')}`);
  }
}

/**
 * Runs `runs` seeded random cases of `target`. Throws (with fast-check's counterexample) on an
 * untyped exception, a time-out or a partial output; returns the tried/refused/accepted counts.
 */
export async function fuzz(target: FuzzTarget, options: { runs: number; seed: number }): Promise<FuzzStats> {
  const runner = await Runner.create(target);
  try {
    await fc.assert(
      fc.asyncProperty(caseArb, (c) => runner.run(applyCase(target, runner.seed, c))),
      { seed: options.seed, numRuns: options.runs, endOnFailure: true },
    );
  } finally {
    runner.close();
  }
  return runner.stats;
}

/**
 * Runs hand-made cases of `target`: `make` gets the seed files (a single file is named `input`)
 * and returns the inputs to try. Same checks as {@link fuzz}.
 */
export async function fuzzCases(target: FuzzTarget, make: (seed: Record<string, Uint8Array>) => Record<string, Uint8Array>[]): Promise<FuzzStats> {
  const runner = await Runner.create(target);
  try {
    for (const files of make(runner.seed)) await runner.run(files);
  } finally {
    runner.close();
  }
  return runner.stats;
}

/** Formats the per-target table of a campaign. */
export function formatTable(rows: readonly FuzzStats[]): string {
  const head = ['loader', 'tried', 'refused', 'accepted', 'codes'];
  const body = rows.map((r) => [r.name, String(r.tried), String(r.refused), String(r.accepted), Object.entries(r.codes).map(([k, v]) => `${k}:${v}`).join(' ')]);
  const total = ['total', ...[1, 2, 3].map((i) => String(body.reduce((s, r) => s + Number(r[i]), 0))), ''];
  const all = [head, ...body, total];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((c, i) => (i === 0 || i === 4 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ').trimEnd()).join('\n');
}
