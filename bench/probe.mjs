// Probe: runs every CLI command that reads a file against generated bad inputs (truncated,
// bit-flipped, binary, huge line, NUL bytes, invalid UTF-8, malformed header, malformed CoNLL-U,
// empty) as child processes with a timeout, and prints per category how many runs were refused with
// a typed error (one line, non-zero exit), repaired with a warning, accepted silently, ended in a
// stack trace or hung. Target: 0 stack traces, 0 hangs, 0 silent accepts.
//
//   npm run probe                      (builds first)
//   PROBE_TIMEOUT_MS=30000 node bench/probe.mjs --json
//   PROBE_KINDS=corpus,conllu PROBE_CATEGORIES=empty node bench/probe.mjs   (a subset)
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { KeyedVectors, NgramLM, saveTaggerModel, SearchIndex, TextCategorizer, trainTagger, parseConllu, BinaryWriter, readBinary } from '../dist/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(root, 'dist', 'cli', 'main.js');
const TIMEOUT = Number(process.env.PROBE_TIMEOUT_MS ?? 60_000);
const HUGE = 65 * 1024 * 1024; // one line past the 64 MiB line limit
const work = mkdtempSync(path.join(tmpdir(), 'tl-probe-'));
const f = (name) => path.join(work, name);

// Deterministic pseudo-random bytes (xorshift), so every run probes the same inputs.
let state = 0x2545f491;
const rand = () => ((state ^= state << 13), (state ^= state >>> 17), (state ^= state << 5), (state >>> 0));

// ---- good inputs ----
const SENTS = ['the cat sat on the mat .', 'the dog sat on the log .', 'a cat and a dog met on the mat .', 'the bird flew over the log .', 'a dog chased the cat .'];
const corpus = Array.from({ length: 60 }, (_, i) => SENTS[i % SENTS.length]).join('\n') + '\n';
writeFileSync(f('corpus.txt'), corpus);
const docs = SENTS.map((s, i) => JSON.stringify({ id: `d${i}`, text: s })).join('\n') + '\n';
const labelled = Array.from({ length: 20 }, (_, i) => JSON.stringify({ text: SENTS[i % 5], label: i % 2 ? 'pets' : 'other' })).join('\n') + '\n';
const conllu = readFileSync(path.join(root, 'tests/fixtures/tokenizer-small.conllu'), 'utf8');
const patterns = '{"label":"ANIMAL","pattern":"cat"}\n{"label":"ANIMAL","pattern":[{"LOWER":"dog"}]}\n';
const config = JSON.stringify({ name: 'probe', lang: 'en', tokenizer: { factory: 'whitespace' }, components: [{ name: 'senter', factory: 'senter' }] });
writeFileSync(f('patterns.jsonl'), patterns);
writeFileSync(f('labelled.jsonl'), labelled);
const lm = await NgramLM.train(SENTS, { order: 3, smoothing: 'witten-bell' });
lm.save(f('good.tlm'));
await lm.toARPA(f('good.arpa'));
const kv = new KeyedVectors(['cat', 'dog', 'mat', 'log', 'bird'], Float32Array.from({ length: 20 }, (_, i) => Math.sin(i + 1)), 4);
await kv.save(f('good.txt'));
await kv.save(f('good.bin'));
await kv.save(f('good.tlv'));
TextCategorizer.train(labelled.trim().split('\n').map((l) => JSON.parse(l).text), labelled.trim().split('\n').map((l) => JSON.parse(l).label), { model: 'nb' }).save(f('good.tlc'));
saveTaggerModel(trainTagger(parseConllu(conllu), { epochs: 1, seed: 1 }), f('good.tlt'));
const ix = await SearchIndex.create({ fields: ['text'], storeFields: ['text'] });
ix.addAll(SENTS.map((s, i) => ({ id: `d${i}`, text: s })));
await ix.save(f('good-index'));
writeFileSync(f('queries.jsonl'), '{"id":"q1","text":"cat"}\n');
writeFileSync(f('qrels.tsv'), 'q1\td0\t1\n');

// ---- mutations: each returns the bad bytes of a category from good bytes ----
const cut = (b) => b.subarray(0, Math.max(1, Math.floor(b.length * 0.6)));
const at = (b) => Math.floor(b.length / 2);
const insert = (b, ins) => Buffer.concat([b.subarray(0, at(b)), Buffer.from(ins), b.subarray(at(b))]);
function flip(b, text) {
  const out = Buffer.from(b);
  const i = text ? at(b) : 8 + (rand() % (b.length - 8));
  out[i] ^= text ? 0x80 : 1 << rand() % 8; // text: the top bit, so the byte is no longer ASCII
  return out;
}
const binary = () => Buffer.from(Array.from({ length: 4096 }, () => rand() & 0xff));
const hugeLine = () => Buffer.alloc(HUGE, 0x61);

/** A framed file (.tlm, .tlv, .tlc, .tlt) with its JSON header section's numbers set to a huge value. */
function hugeHeader(b) {
  const kind = b.toString('latin1', 8, 12);
  const version = b.readUInt32LE(12);
  const r = readBinary(b, { kind, what: 'file', versions: [version] });
  const w = new BinaryWriter(kind, version);
  let done = false;
  for (const name of r.names) {
    let s = r.section(name);
    if (!done && s[0] === 0x7b) {
      s = Buffer.from(new TextDecoder().decode(s).replace(/(":)(\d+)/g, '$11000000000'));
      done = true;
    }
    w.add(name, s);
  }
  return Buffer.from(w.finish());
}

const CONLLU_DAMAGE = {
  'range past sentence': (t) => t.replace("2-3\tdon't", "2-9\tdon't"),
  'duplicated id': (t) => t.replace('4\tlike', '3\tlike'),
  'head out of range': (t) => t.replace('\t_\t6\tcompound', '\t_\t60\tcompound'),
  '9 columns': (t) => t.replace('\tSpaceAfter=No\n', '\n'),
  'empty form': (t) => t.replace('4\tlike\tlike', '4\t\tlike'),
  'two roots': (t) => t.replace('4\tnsubj', '0\troot'),
};

// ---- the commands: input kind -> runs taking the bad file as `X` ----
const out = (ext) => f(`out-${rand()}${ext}`);
const KINDS = {
  corpus: {
    good: Buffer.from(corpus),
    text: true,
    header: null,
    runs: [
      (x) => ['tokenize', '--input', x, '--pipeline', 'en_whitespace'],
      (x) => ['lm', 'train', '--input', x, '--out', out('.tlm'), '--order', '2'],
      (x) => ['w2v', 'train', '--input', x, '--out', out('.tlv'), '--min-count', '1', '--epochs', '1', '--size', '8'],
      (x) => ['tfidf', 'keywords', '--input', x],
      (x) => ['lm', 'perplexity', '--model', f('good.tlm'), '--input', x],
      (x) => ['lm', 'score', '--model', f('good.tlm'), x],
      (x) => ['textcat', 'predict', '--model', f('good.tlc'), x],
      (x) => ['match', '--patterns', f('patterns.jsonl'), '--input', x, '--pipeline', 'en_whitespace'],
    ],
  },
  'docs.jsonl': {
    good: Buffer.from(docs),
    text: true,
    header: (b) => Buffer.concat([Buffer.from('{"id": "x", "text": '), b]),
    runs: [
      (x) => ['index', 'build', '--input', x, '--fields', 'text', '--out', out('-index')],
      (x) => {
        const dir = out('-index');
        cpSync(f('good-index'), dir, { recursive: true });
        return ['index', 'add', dir, x];
      },
    ],
  },
  'labelled.jsonl': {
    good: Buffer.from(labelled),
    text: true,
    header: (b) => Buffer.concat([Buffer.from('{"text": 5, "label": {}}\n'), b]),
    runs: [(x) => ['train', 'textcat', '--input', x, '--out', out('.tlc')], (x) => ['eval', 'textcat', '--model', f('good.tlc'), '--input', x]],
  },
  conllu: {
    good: Buffer.from(conllu),
    text: true,
    conllu: true,
    header: (b) => Buffer.from(b.toString().replace('1\tI\tI', '1.x\tI\tI')),
    runs: [
      (x, lenient) => ['train', 'tagger', '--train', x, '--out', out('.tlt'), '--epochs', '1', ...lenient],
      (x, lenient) => ['eval', 'tokenizer', '--conllu', x, ...lenient],
      (x, lenient) => ['eval', 'senter', '--conllu', x, '--pipeline', 'en_whitespace', ...lenient],
      (x, lenient) => ['eval', 'tagger', '--conllu', x, '--gold-tokens', ...lenient],
    ],
  },
  arpa: {
    good: readFileSync(f('good.arpa')),
    text: true,
    ext: '.arpa',
    header: (b) => Buffer.from(b.toString().replace(/ngram 1=\d+/, 'ngram 1=1000000000')),
    runs: [(x) => ['lm', 'perplexity', '--model', x, '--input', f('corpus.txt')], (x) => ['lm', 'generate', '--model', x, '--count', '2']],
  },
  tlm: {
    good: readFileSync(f('good.tlm')),
    ext: '.tlm',
    header: hugeHeader,
    runs: [(x) => ['lm', 'perplexity', '--model', x, '--input', f('corpus.txt')], (x) => ['lm', 'generate', '--model', x, '--count', '2']],
  },
  'vectors.txt': {
    good: readFileSync(f('good.txt')),
    text: true,
    ext: '.txt',
    header: (b) => Buffer.from(b.toString().replace(/^\d+ \d+/, '99999999 99999999')),
    runs: [(x) => ['w2v', 'similar', '--vectors', x, 'cat'], (x) => ['w2v', 'convert', x, out('.tlv')]],
  },
  'vectors.bin': {
    good: readFileSync(f('good.bin')),
    ext: '.bin',
    header: (b) => Buffer.concat([Buffer.from('5 99999999'), b.subarray(b.indexOf(10))]),
    runs: [(x) => ['w2v', 'similar', '--vectors', x, 'cat'], (x) => ['w2v', 'convert', x, out('.tlv')]],
  },
  tlv: { good: readFileSync(f('good.tlv')), ext: '.tlv', header: hugeHeader, runs: [(x) => ['w2v', 'similar', '--vectors', x, 'cat'], (x) => ['w2v', 'convert', x, out('.txt')]] },
  textcat: { good: readFileSync(f('good.tlc')), ext: '.tlc', header: hugeHeader, runs: [(x) => ['textcat', 'predict', '--model', x, f('corpus.txt')]] },
  tagger: {
    good: readFileSync(f('good.tlt')),
    ext: '.tlt',
    header: hugeHeader,
    runs: [
      (x) => {
        const cfg = out('.json');
        writeFileSync(cfg, JSON.stringify({ name: 't', lang: 'en', tokenizer: { factory: 'whitespace' }, components: [{ name: 'tagger', options: { backend: 'perceptron', model: x } }] }));
        return ['tokenize', '--pipeline', cfg, '--input', f('corpus.txt')];
      },
    ],
  },
  'index file': {
    dir: 'good-index',
    header: hugeHeader,
    runs: [(x) => ['search', '--index', x, 'cat dog'], (x) => ['eval', 'search', '--index', x, '--queries', f('queries.jsonl'), '--qrels', f('qrels.tsv')]],
  },
  patterns: {
    good: Buffer.from(patterns),
    text: true,
    header: (b) => Buffer.concat([Buffer.from('{"label": 7, "pattern": [{"LOWER": {"IN": 5}}]}\n'), b]),
    runs: [(x) => ['match', '--patterns', x, '--input', f('corpus.txt'), '--pipeline', 'en_whitespace']],
  },
  'pipeline config': {
    good: Buffer.from(config),
    text: true,
    ext: '.json',
    header: () => Buffer.from(JSON.stringify({ name: 'x', lang: 'en', tokenizer: { factory: 'whitespace' }, components: 5 })),
    runs: [(x) => ['tokenize', '--pipeline', x, '--input', f('corpus.txt')]],
  },
};

const CATEGORIES = ['truncated', 'bit-flipped', 'binary', 'huge line', 'NUL bytes', 'invalid UTF-8', 'malformed header', 'malformed CoNLL-U', 'empty'];

/** The bad inputs of `kind` in `category`: [label, bytes] pairs (none when the category does not apply). */
function inputs(kind, k, category) {
  const g = k.good;
  switch (category) {
    case 'truncated':
      // A cut text file is still text; a cut .gz is not.
      return k.text && !k.conllu && kind !== 'arpa' && kind !== 'vectors.txt' && !kind.endsWith('.jsonl') && kind !== 'patterns' && kind !== 'pipeline config' ? [['.gz', cut(gzipSync(g))]] : [['', cut(g)]];
    case 'bit-flipped':
      return [['', flip(g, k.text)]];
    case 'binary':
      return [['', binary()]];
    case 'huge line':
      return k.text ? [['', hugeLine()]] : [];
    case 'NUL bytes':
      return [['', insert(g, [0])]];
    case 'invalid UTF-8':
      return k.text ? [['', insert(g, [0xff, 0xfe])]] : [];
    case 'malformed header':
      return k.header ? [['', k.header(g)]] : [];
    case 'malformed CoNLL-U':
      return k.conllu ? Object.entries(CONLLU_DAMAGE).map(([name, fn]) => [name, Buffer.from(fn(g.toString()))]) : [];
    case 'empty':
      return [['', Buffer.alloc(0)]];
  }
  return [];
}

/** Runs the CLI once; classifies the outcome. */
function run(args) {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: work });
    let stderr = '';
    let stdoutBytes = 0;
    p.stdout.on('data', (d) => (stdoutBytes += d.length));
    p.stderr.on('data', (d) => (stderr += d.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), TIMEOUT);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      let outcome;
      if (signal === 'SIGKILL') outcome = 'hangs';
      else if (/^\s+at \S.*(:\d+:\d+\)?|\(native\))$/m.test(stderr) || /^(RangeError|TypeError|Error|SyntaxError)\b/m.test(stderr)) outcome = 'stack traces';
      else if (code !== 0) outcome = 'refused';
      else if (/warning/i.test(stderr)) outcome = 'repaired';
      else outcome = 'accepted silently';
      resolve({ outcome, code, stderr: stderr.trim().split('\n').slice(0, 3).join(' | ').slice(0, 300) });
    });
  });
}

const OUTCOMES = ['refused', 'repaired', 'accepted silently', 'stack traces', 'hangs'];
const table = new Map(CATEGORIES.map((c) => [c, Object.fromEntries([['tried', 0], ...OUTCOMES.map((o) => [o, 0])])]));
const notable = [];
let n = 0;
const only = (name, v) => (process.env[name] ? process.env[name].split(',').includes(v) : true);
for (const [kind, k] of Object.entries(KINDS)) {
  if (!only('PROBE_KINDS', kind)) continue;
  for (const category of CATEGORIES) {
    if (!only('PROBE_CATEGORIES', category)) continue;
    const cases = k.dir ? dirInputs(k, category) : inputs(kind, k, category);
    for (const [label, bytes] of cases) {
      const target = k.dir ? bytes : f(`bad-${n++}${label.startsWith('.') ? `${k.ext ?? '.txt'}${label}` : k.ext ?? (k.conllu ? '.conllu' : kind.endsWith('.jsonl') || kind === 'patterns' ? '.jsonl' : '.txt')}`);
      if (!k.dir) writeFileSync(target, bytes);
      const lenients = k.conllu ? [[], ['--lenient']] : [[]];
      for (const runOf of k.runs) {
        for (const lenient of lenients) {
          const args = runOf(target, lenient);
          const r = await run(args);
          if (process.stderr.isTTY) process.stderr.write(`\r${category} / ${kind}: ${r.outcome}`.padEnd(70));
          const row = table.get(category);
          row.tried++;
          row[r.outcome]++;
          if (r.outcome !== 'refused' && r.outcome !== 'repaired') notable.push({ category, kind, label, args: args.map((a) => (a.startsWith(work) ? path.basename(a) : a)).join(' '), ...r });
        }
      }
      if (!k.dir) rmSync(target, { force: true });
    }
  }
}

/** Bad index directories: the largest data file of a copy of the good index, damaged. */
function dirInputs(k, category) {
  const src = f(k.dir);
  const data = readdirSync(src).filter((x) => x !== 'manifest.json').sort((a, b) => statSync(path.join(src, b)).size - statSync(path.join(src, a)).size)[0];
  const make = (label, fn) => {
    const dir = f(`bad-index-${n++}`);
    cpSync(src, dir, { recursive: true });
    fn(dir);
    return [label, dir];
  };
  const damage = (fnBytes) => (dir) => writeFileSync(path.join(dir, data), fnBytes(readFileSync(path.join(dir, data))));
  switch (category) {
    case 'truncated':
      return [make('', damage(cut))];
    case 'bit-flipped':
      return [make('', damage((b) => flip(b, false)))];
    case 'binary':
      return [make('', damage(binary))];
    case 'NUL bytes':
      return [make('', damage((b) => insert(b, [0])))];
    case 'malformed header':
      return [make('manifest', (dir) => writeFileSync(path.join(dir, 'manifest.json'), readFileSync(path.join(dir, 'manifest.json'), 'utf8').replace(/"generation": \d+/, '"generation": 1e300'))), make('data', damage(hugeHeader))];
    case 'empty':
      return [make('', damage(() => Buffer.alloc(0)))];
    case 'invalid UTF-8':
      return [make('manifest', (dir) => writeFileSync(path.join(dir, 'manifest.json'), insert(readFileSync(path.join(dir, 'manifest.json')), [0xff, 0xfe])))];
  }
  return [];
}

rmSync(work, { recursive: true, force: true });
const head = ['category', 'tried', ...OUTCOMES];
const rows = [...table].filter(([, r]) => r.tried > 0).map(([c, r]) => [c, String(r.tried), ...OUTCOMES.map((o) => String(r[o]))]);
const total = ['total', ...[1, 2, 3, 4, 5, 6].map((i) => String(rows.reduce((s, r) => s + Number(r[i]), 0)))];
if (process.argv.includes('--json')) console.log(JSON.stringify({ table: Object.fromEntries(table), notable }));
else {
  const all = [head, ...rows, total];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  console.log(all.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ')).join('\n'));
  for (const x of notable) console.log(`\n[${x.outcome}] ${x.category} / ${x.kind}${x.label ? ` (${x.label})` : ''}: textloom ${x.args}\n  exit ${x.code}: ${x.stderr}`);
}
