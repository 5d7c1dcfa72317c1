// Benchmark of the n-gram LM (run: npm run bench:lm). Prints train time, peak memory and scoring
// throughput for textloom, with natural's NGrams + Map<string> counting as the JS peer.
// Pass --gutenberg to also train order 5 on the ~10M-word Gutenberg corpus (takes a while).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { resourceUsage } from 'node:process';
import natural from 'natural';
import { NgramLM, readLines } from '../dist/index.js';
import { optionalEval, requireEval } from './eval-dir.mjs';

for (const f of ['train.txt', 'test.txt', 'query_o3.txt', 'query_o5.txt', 'wikitext2_o5.arpa.gz']) requireEval(`kenlm_reference/${f}`);
const kenlm = requireEval('kenlm_reference');
const mb = (b) => `${(b / 1048576).toFixed(0)} MB`;
let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 50);
timer.unref();

function lines(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => l.split(/\s+/));
}

// Returns [result, wall seconds, cpu seconds]; the machine may be shared, so CPU time is printed too.
function time(fn) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const done = (v) => {
    const c = process.cpuUsage(c0);
    return [v, (performance.now() - t0) / 1000, (c.user + c.system) / 1e6];
  };
  const r = fn();
  return r instanceof Promise ? r.then(done) : done(r);
}

function peerCount(sentences, order) {
  // natural pads with <s>/</s>; count every order with string keys, the usual JS approach.
  const maps = [];
  for (let n = 1; n <= order; n++) {
    const m = new Map();
    for (const s of sentences) for (const g of natural.NGrams.ngrams(s, n, '<s>', '</s>')) {
      const k = g.join(' ');
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    maps.push(m.size);
  }
  return maps;
}

const train = lines(path.join(kenlm, 'train.txt'));
const test = lines(path.join(kenlm, 'test.txt'));
const tokens = train.reduce((a, s) => a + s.length, 0);
console.log(`WikiText-2 (KenLM reference): train ${train.length} sentences / ${tokens} tokens, test ${test.length} sentences`);
// Warm up both sides' JIT with one untimed run each, so both are measured in steady state.
await NgramLM.train(train, { order: 3 });
peerCount(train, 3);
for (const order of [3, 5]) {
  const [lm, secs, cpu] = await time(() => NgramLM.train(train, { order, smoothing: 'kn' }));
  const [ppl, qsecs] = time(() => lm.perplexity(test));
  const [peer, psecs, pcpu] = time(() => peerCount(train, order));
  const ref = JSON.parse(JSON.stringify(readFileSync(path.join(kenlm, `query_o${order}.txt`), 'utf8').match(/including OOVs:\s*([0-9.]+)[\s\S]*excluding OOVs:\s*([0-9.]+)/).slice(1)));
  console.log(
    `order ${order}: textloom KN train ${secs.toFixed(2)} s wall / ${cpu.toFixed(2)} s CPU (lmplz 1.4 s) | ` +
      `natural NGrams+Map counting only ${psecs.toFixed(2)} s wall / ${pcpu.toFixed(2)} s CPU -> textloom's full training ${(pcpu / cpu).toFixed(1)}x faster (CPU) | ` +
      `perplexity ${ppl.perplexity.toFixed(4)} (KenLM ${Number(ref[0]).toFixed(4)}), excl. OOV ${ppl.perplexityExcludingOov.toFixed(4)} (KenLM ${Number(ref[1]).toFixed(4)}) | ` +
      `scoring ${(test.length / qsecs).toFixed(0)} sentences/s | n-grams ${lm.ngramCounts.join('/')} (peer ${peer.join('/')})`,
  );
}
const [ref5, arpaSecs] = await time(() => NgramLM.fromARPA(path.join(kenlm, 'wikitext2_o5.arpa.gz')));
console.log(`read KenLM's order-5 ARPA (7.6 MB gz): ${arpaSecs.toFixed(2)} s`);
const tlm = path.join(process.env.TMPDIR ?? '/tmp', `textloom-bench-${process.pid}.tlm`);
ref5.save(tlm);
const [, loadSecs] = time(() => NgramLM.load(tlm));
(await import('node:fs')).rmSync(tlm, { force: true });
console.log(`reload the same model from textloom binary: ${loadSecs.toFixed(2)} s (${(arpaSecs / loadSecs).toFixed(1)}x faster)`);
sample();
console.log(`peak RSS so far: ${mb(Math.max(peak, resourceUsage().maxRSS * 1024))}`);

if (process.argv.includes('--gutenberg')) {
  const dir = optionalEval('gutenberg_en/texts');
  if (!dir) console.log('gutenberg corpus not found (TEXTLOOM_EVAL_DIR/gutenberg_en/texts); skipped');
  else {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt.gz')).sort();
    async function* sentences() {
      for (const f of files) for await (const line of readLines(path.join(dir, f))) {
        const t = line.trim();
        if (t) yield t.split(/\s+/);
      }
    }
    peak = 0;
    let last = '';
    const [lm, secs, cpu] = await time(() =>
      NgramLM.train(sentences(), {
        order: 5,
        smoothing: 'kn',
        onProgress: (p) => {
          if (p.stage !== last) {
            last = p.stage;
            process.stderr.write(`  [${(performance.now() / 1000).toFixed(1)}s] ${p.stage}\n`);
          }
        },
      }),
    );
    sample();
    console.log(
      `Gutenberg (110 books, lines as sentences) order 5: train ${secs.toFixed(1)} s wall / ${cpu.toFixed(1)} s CPU, n-grams ${lm.ngramCounts.join('/')}, peak RSS ${mb(Math.max(peak, resourceUsage().maxRSS * 1024))}`,
    );
  }
}
