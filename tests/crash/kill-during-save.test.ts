/**
 * Crash safety: a child process saving an index, an LM, vectors or a tagger model over an existing
 * good one is killed with SIGKILL at seeded random moments, 20 times per kind. After every kill the
 * file (or index directory) must load and answer exactly as the old one or as the new one, and the
 * next save must leave no temp file behind.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyedVectors, loadTaggerModel, loadVectorsSync, NgramLM, parseConllu, saveTaggerModel, SearchIndex, trainTagger } from '../../src/index.js';
import { Rng } from '../../src/util/rng.js';
import { ensureBuilt } from '../docs/workspace.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'child.mjs');
const KILLS = Number(process.env.CRASH_KILLS ?? 20);
const work = mkdtempSync(join(tmpdir(), 'tl-crash-'));

beforeAll(() => ensureBuilt(ROOT), 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SENTENCES = ['the cat sat on the mat', 'the dog sat on the log', 'a cat and a dog met', 'the bird flew over the log', 'a dog chased the cat'];
const more = (variant: string): string[] => (variant === 'b' ? [...SENTENCES, 'the cat chased the bird', 'a bird sat on the cat'] : SENTENCES);

/** Writes the artifact of `kind` in `variant` ("a" old, "b" new: they answer differently) to `path`. */
async function build(kind: string, variant: string, path: string): Promise<void> {
  if (kind === 'lm') return (await NgramLM.train(more(variant), { order: 3, smoothing: 'witten-bell' })).save(path);
  if (kind === 'vectors') {
    // Large enough (4,000 x 50) that a save takes a while to be killed in the middle of.
    const n = 4000;
    const words = Array.from({ length: n }, (_, i) => `w${i}`);
    return new KeyedVectors(words, Float32Array.from({ length: n * 50 }, (_, i) => Math.sin(i + (variant === 'b' ? 0.5 : 0))), 50).save(path);
  }
  if (kind === 'tagger') {
    const gold = parseConllu(readFileSync(join(ROOT, 'tests/fixtures/ewt/en_ewt-ud-train-first300.conllu'), 'utf8'));
    return saveTaggerModel(trainTagger(gold.slice(0, variant === 'b' ? 120 : 40), { epochs: 1, seed: 1 }), path);
  }
  const ix = await SearchIndex.create({ fields: ['text'], storeFields: ['text'] });
  ix.addAll(Array.from({ length: 400 }, (_, i) => ({ id: `d${i}`, text: `${more(variant)[i % more(variant).length]} ${i}` })));
  return ix.save(path);
}

/** What the artifact at `path` answers (compared before and after the kills). */
async function answer(kind: string, path: string): Promise<unknown> {
  if (kind === 'lm') return NgramLM.load(path).score('the cat chased the bird');
  if (kind === 'vectors') return Array.from(loadVectorsSync(path).vector('w3999'));
  if (kind === 'tagger') return Array.from(loadTaggerModel(path).tagWords(['The', 'cat', 'sat', 'on', 'the', 'mat', '.']));
  return (await SearchIndex.load(path)).search('cat bird', { topK: 5 }).map((h) => [h.id, h.score]);
}

/** Starts the saving child and resolves once it is saving in a loop (after "ready"). */
function startSaver(kind: string, a: string, b: string, dst: string): Promise<ReturnType<typeof spawn>> {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, [CHILD, kind, a, b, dst], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    p.stdout!.once('data', () => res(p));
    p.once('exit', (code) => rej(new Error(`saver exited (${code}) before ready: ${err}`)));
  });
}

function kill(p: ReturnType<typeof spawn>): Promise<void> {
  return new Promise((res) => {
    p.removeAllListeners('exit');
    p.once('exit', () => res());
    p.kill('SIGKILL');
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.concurrent('kill -9 during a save leaves the old artifact or the new one, complete', () => {
  const kinds: [string, string][] = [['lm', 'm.tlm'], ['vectors', 'v.tlv'], ['tagger', 't.tlt'], ['index', 'ix']];
  kinds.forEach(([kind, name], k) => {
    it(`${kind}: ${KILLS} kills at seeded moments`, async () => {
      const dir = join(work, kind);
      const path = join(dir, name);
      mkdirSync(dir);
      await build(kind, 'a', path);
      const oldAnswer = await answer(kind, path);
      const newPath = join(work, `${kind}-new-${name}`);
      await build(kind, 'b', newPath);
      const newAnswer = await answer(kind, newPath);
      expect(newAnswer).not.toEqual(oldAnswer);
      const oldPath = join(work, `${kind}-old-${name}`);
      await build(kind, 'a', oldPath);
      // How long one save takes here, so the kill moments spread over a few saves, every phase of one.
      const probe = await startSaver(kind, oldPath, newPath, join(work, `${kind}-probe-${name}`));
      const t0 = performance.now();
      await new Promise((r) => probe.stdout!.once('data', r));
      const saveMs = Math.max(2, performance.now() - t0);
      await kill(probe);
      const rng = new Rng(2026 + k);
      const seen = { old: 0, new: 0, midWrite: 0 };
      for (let i = 0; i < KILLS; i++) {
        const p = await startSaver(kind, oldPath, newPath, path);
        await sleep(rng.nextU32() % Math.ceil(2 * saveMs));
        await kill(p);
        const scan = kind === 'index' ? path : dir;
        if (readdirSync(scan).some((f) => f.includes('.tmp-'))) seen.midWrite++;
        const got = await answer(kind, path);
        if (JSON.stringify(got) === JSON.stringify(oldAnswer)) seen.old++;
        else {
          expect(got).toEqual(newAnswer);
          seen.new++;
        }
      }
      expect(seen.old + seen.new).toBe(KILLS);
      // How many kills landed in the middle of writing a file (a temp file was left): for the record.
      console.log(`${kind}: one save ${saveMs.toFixed(0)} ms; ${KILLS} kills, ${seen.midWrite} in the middle of a file write; afterwards ${seen.old} old, ${seen.new} new`);
      // A later save sweeps the temp files the killed saves left.
      await build(kind, 'a', path);
      expect(await answer(kind, path)).toEqual(oldAnswer);
      const scan = kind === 'index' ? path : dir;
      expect(readdirSync(scan).filter((f) => f.includes('.tmp-'))).toEqual([]);
    }, 300_000);
  });
});

describe('two processes saving into one index directory', () => {
  it('one wins, the other stops with a clear error naming the lock holder; the index stays loadable', async () => {
    const dir = join(work, 'two-writers');
    mkdirSync(dir);
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await build('index', 'a', a);
    await build('index', 'b', b);
    const target = join(dir, 'ix');
    await build('index', 'a', target);
    const answers = [JSON.stringify(await answer('index', a)), JSON.stringify(await answer('index', b))];
    const spawnSaver = (): { p: ReturnType<typeof spawn>; done: Promise<{ code: number | null; err: string }> } => {
      const p = spawn(process.execPath, [CHILD, 'index', a, b, target], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      return { p, done: new Promise((res) => p.once('exit', (code) => res({ code, err }))) };
    };
    const one = spawnSaver();
    const two = spawnSaver();
    // Both save in a loop; the first to find the other's write.lock stops.
    const first = await Promise.race([one.done, two.done, sleep(120_000).then(() => null)]);
    expect(first).not.toBeNull();
    expect(first!.code).not.toBe(0);
    expect(first!.err).toMatch(/another process \(pid \d+\) is saving an index into this directory/);
    for (const s of [one, two]) s.p.kill('SIGKILL');
    await Promise.all([one.done, two.done]);
    expect(answers).toContain(JSON.stringify(await answer('index', target)));
  }, 180_000);
});
