import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openCorpus } from '../../../src/embeddings/corpus.js';
import { alphaAt, alphaSchedule, type AlphaSchedule } from '../../../src/embeddings/train/alpha.js';
import { produceJobs, type Job, type JobBuffers, type JobInput, type JobsSummary } from '../../../src/embeddings/train/jobs.js';

const INDEX = new Map([['</s>', 0], ['a', 1], ['b', 2], ['c', 3]]);

/** Runs the producer to the end; `handBack` decides what goes back after each job. */
async function collect(input: JobInput, handBack: (j: Job) => JobBuffers | undefined = () => undefined): Promise<{ jobs: Job[]; sentences: number[][][]; summary: JobsSummary }> {
  const gen = produceJobs(input);
  const jobs: Job[] = [];
  const sentences: number[][][] = [];
  let back: JobBuffers | undefined;
  for (;;) {
    const r = await gen.next(back);
    if (r.done) return { jobs, sentences, summary: r.value };
    const j = r.value;
    jobs.push({ ...j });
    const sents: number[][] = [];
    let p = 0;
    for (let s = 0; s < j.sentences; s++) {
      sents.push(Array.from(j.words.subarray(p, p + j.lens[s]!)));
      p += j.lens[s]!;
    }
    sentences.push(sents);
    back = handBack(j);
  }
}

describe('produceJobs', () => {
  const schedule: AlphaSchedule = { alpha: 0.1, minAlpha: 0, totalWords: 14 };

  it('cuts a job where a sentence crosses batchWords and gives that sentence both rates', async () => {
    // Words read, </s> included: 4 (S1), 7 (S2: past 5, opens job 2), 9 (S3), 14 (S4: 7 past the mark, opens job 3).
    const corpus = [['a', 'b', 'c'], ['a', 'zz', 'b'], ['c'], ['a', 'b', 'c', 'a']];
    const { jobs, sentences, summary } = await collect({ source: openCorpus(corpus), index: INDEX, epochs: 1, batchWords: 5, schedule });
    expect(sentences).toEqual([[[1, 2, 3]], [[1, 2], [3]], [[1, 2, 3, 1]]]);
    expect(jobs.map((j) => [j.alphaFirst, j.alpha])).toEqual([
      [alphaAt(schedule, 0), alphaAt(schedule, 0)],
      [alphaAt(schedule, 0), alphaAt(schedule, 7)],
      [alphaAt(schedule, 7), alphaAt(schedule, 14)],
    ]);
    expect(jobs.map((j) => j.realWords)).toEqual([3, 3, 4]); // the out-of-vocabulary 'zz' is not counted
    expect(summary).toEqual({ wordsRead: 14, alpha: alphaAt(schedule, 14) });
  });

  it('ends a sentence at a literal </s> and numbers the epochs', async () => {
    const corpus = [['a', '</s>', 'b'], ['c', 'c']];
    const { jobs, sentences, summary } = await collect({ source: openCorpus(corpus), index: INDEX, epochs: 2, batchWords: 100, schedule: alphaSchedule(0.025, undefined, 2, 6) });
    expect(sentences).toEqual([[[1], [2], [3, 3]], [[1], [2], [3, 3]]]);
    expect(jobs.map((j) => j.epoch)).toEqual([1, 2]);
    expect(summary.wordsRead).toBe(14); // 7 per epoch: a </s>, b </s>, c c </s>
  });

  it('refills the arrays handed back and allocates new ones otherwise', async () => {
    const corpus = Array.from({ length: 40 }, () => ['a', 'b', 'c']);
    const input = (): JobInput => ({ source: openCorpus(corpus), index: INDEX, epochs: 1, batchWords: 10, schedule });
    const reused = await collect(input(), (j) => j);
    expect(reused.jobs.length).toBeGreaterThan(3);
    expect(reused.jobs.every((j) => j.words === reused.jobs[0]!.words)).toBe(true);
    const fresh = await collect(input());
    expect(new Set(fresh.jobs.map((j) => j.words)).size).toBe(fresh.jobs.length);
    expect(fresh.sentences).toEqual(reused.sentences);
  });

  it('yields every in-vocabulary sentence once, in order, whatever batchWords and the arrays handed back (property)', async () => {
    const word = fc.constantFrom('a', 'b', 'c', 'zz', '</s>');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(word, { maxLength: 12 }), { maxLength: 30 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), async (corpus, batchWords, reuse) => {
        const expected: number[][] = [];
        for (const s of corpus) {
          let cur: number[] = [];
          for (const w of s) {
            const id = INDEX.get(w);
            if (id === undefined) continue;
            if (id === 0) {
              expected.push(cur);
              cur = [];
            } else cur.push(id);
          }
          expected.push(cur);
        }
        const words = expected.reduce((n, s) => n + s.length + 1, 0);
        const { jobs, sentences, summary } = await collect({ source: openCorpus(corpus), index: INDEX, epochs: 1, batchWords, schedule }, reuse ? (j) => j : () => undefined);
        expect(sentences.flat()).toEqual(expected);
        expect(summary.wordsRead).toBe(words);
        expect(jobs.reduce((n, j) => n + j.realWords, 0)).toBe(words - expected.length);
        for (let i = 1; i < jobs.length; i++) expect(jobs[i]!.alphaFirst).toBe(jobs[i - 1]!.alpha);
      }),
      { numRuns: 200 },
    );
  });
});

describe('alphaAt', () => {
  it("follows word2vec.c's float schedule with its floor, or gensim's linear decay", () => {
    const c = alphaSchedule(0.025, undefined, 1, 999);
    expect(alphaAt(c, 0)).toBe(Math.fround(0.025));
    expect(alphaAt(c, 500)).toBe(Math.fround(Math.fround(0.025) * Math.fround(1 - Math.fround(500 / 1000))));
    expect(alphaAt(c, 1000)).toBe(Math.fround(Math.fround(0.025) * 0.0001));
    const g = alphaSchedule(0.025, 0.0001, 2, 50);
    expect(alphaAt(g, 50)).toBeCloseTo(0.01255, 12);
    expect(alphaAt(g, 200)).toBe(0.0001);
  });
});
