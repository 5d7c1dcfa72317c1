/**
 * Warm-up of the chunk splitter. V8 optimises `splitChunk` and its helpers after a few thousand
 * ordinary words, when the type feedback of their rare branches (apostrophes, emoticons, URLs,
 * phone numbers, dashes...) is still empty; the first text that takes such a branch then throws
 * the optimised code away and V8 compiles the function again, five to seven times per thread on a
 * large corpus. Running the splitter once per thread over chunks that take every branch, before
 * any real text, gives the optimiser complete feedback, so it compiles each function once. The
 * output is discarded and nothing is interned, so tokenization is unchanged.
 */
import { Vocab } from '../core/vocab.js';
import type { CompiledRules } from './compile.js';
import { Pieces, splitChunk } from './split.js';
import { setTokenizerWarmUp, Tokenizer } from './tokenizer.js';

/** Chunks (no whitespace) that between them take every branch of the splitter and its helpers. */
export const WARMUP_CHUNKS: readonly string[] = Object.freeze([
  // Words, numbers, special cases, abbreviations, initialisms, emoticons, ordinals.
  'the', 'Hello', 'café', 'x', '1984', '3.14', "don't", "(don't)", 'U.S.', 'etc.', 'e.g.,', 'A.B.C.', 'a.m.', ':)', ':-).', ':-)', '<3', '13.', 'Inc..', 'T.V.?',
  // Prefixes.
  '😀hi', '👍🏽', '@2.975', '@user', '&amp', '_x', '%d', '/usr', '#tag', '#1', '#!', '+1', '+-+x', "'72", '’73', "'hello", '’hello', '‘’x', '.5', '.doc', '.thank', '...x', '(hello', '"hi', '“hi', '--->x', '$5', '[1]', '«x»', '¿qué',
  // Suffixes.
  "he's", "I'm", "he'd", 'don’t', "we're", "I've", "we'll", "can't", 'won’t', '5pm', '35mm', '7:30PM', '$3M', 'great:)', 'hi:-(', '6871082#', 'a@', 'x&', 'x_', 'w/', 'duties/', 'http://x.com/', '5$', '20€', 'x$', 'hello!!', 'hi?!', 'word.', 'word...?', 'word)', 'word;', 'hi,?', 'hi:?', 'hi,...', 'x—', 'x…', 'x"', 'x”', 'x\'', 'x’', 'x-', 'x=>', 'x|',
  // URLs, e-mails, file names.
  'http://example.com/a?b=c', 'https://x.org', 'www.example.com', 'user@example.com', 'report.pdf', 'index.html', 'x.co.uk',
  // Infixes.
  'a;b', 'well-known', 'co-operate', 'e-mail', 'anti-war', 'x-ray', 'mid-1990s', 'ex-wife', '1-800-555-1212', '555-1234', '10-20', '1-2-3', 'a--b', 'a---b', '--', 'a—b', 'a–b', 'a―b', 'and/or', 'a/b/c', 'w/o', '1/2', '12/34/56', '1/a', 'a,b', '1,000', 'a:b', '10:30', 'a...b', 'a..b', 'x(y)', 'f(x)', 'a[b]', 'a{b}', 'a"b', 'a!b', 'a?b', 'a<b>', 'a|b', 'a“b”', 'a…b', 'a«b»',
  '"Julie"<julie@x.com>', 'see(http://x.com)', 'hi😀there', 'a👍🏽b', 'US$4.5', '-$20', '20$x', 'x$y', 'a€5', 'über-cool', 'naïve/x', 'x-1', '1-x', 'A-1', 'x.y.z', 'x,', ',x', 'x@y', 'a&b', 'a_b', 'a#b', 'a+b', 'a=b', 'a*b', 'a~b', 'a^b', 'a%b',
  // Rarer paths: a special case after a prefix, runs of one character, a phone number after a
  // word, an address after a cut, flags and joined emoji, near-misses of URLs and e-mails.
  '(etc.', '(U.S.)', '"Mr.', '(', '!', '@', '‘hello', '((x', "''x", 'x))', 'x;;', 'a!!b', 'a;;b', 'a——b', 'a;-b', 'a(-b', 'A-1-2', 'co-1-2', 'x-1-800',
  'x;$5', 'x—julie@x.com', 'a,b@c.com', 'x/julie@x.com', 'abcdefghijklmnopqrstuvwxyz/', 'ab€', 'x;hellothere', 'Ab', 'A.B.x',
  '🇺🇸', '🇺x', '👨‍👩‍👧', '1️⃣', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', 'x.example.com/y', 'exa.c/x', 'a@b@c.com', 'a@b.c', 'a@b.c1', 'a(b.pdf', '12-3a', '1-2-3-4-5',
]);

const warmed = new WeakSet<CompiledRules>();
let rounds = 0;

/**
 * Runs the splitter over {@link WARMUP_CHUNKS} with `rules` (chunks ending in a period also as the
 * last chunk of a text, where they split differently). The tokenizer calls it after its own
 * once-per-thread warm-up, which has already made V8 allocate the feedback vectors, so one pass
 * records every branch. Each rules object is warmed once; after a few, further calls do nothing.
 */
export function warmUpSplitter(rules: CompiledRules): void {
  if (rounds >= 4 || warmed.has(rules)) return;
  warmed.add(rules);
  rounds++;
  const out = new Pieces();
  for (const s of WARMUP_CHUNKS) {
    splitChunk(s, rules, false, out);
    if (s.charCodeAt(s.length - 1) === 46) splitChunk(s, rules, true, out);
  }
}

let tokenizerWarm = false;
let warmingUp = false;

/**
 * Once per thread: a throwaway tokenizer with its own vocabulary tokenizes the warm-up chunks,
 * joined by assorted whitespace, twice (the second pass hits its chunk cache), so that the
 * whitespace loop, the cache and interning have complete type feedback before the first real text
 * too. Nothing reaches the caller's vocabulary.
 */
function warmUpTokenizer(): void {
  tokenizerWarm = true;
  const gaps = [' ', ' ', '  ', '\n', ' \t', '\n\n ', ' '];
  let text = '';
  for (let k = 0; k < WARMUP_CHUNKS.length; k++) text += WARMUP_CHUNKS[k]! + gaps[k % gaps.length]!;
  warmingUp = true;
  try {
    const tok = new Tokenizer(new Vocab());
    tok.tokenize(text);
    tok.scan(text);
  } finally {
    warmingUp = false;
  }
}

// What each new tokenizer runs (the throwaway one above skips it).
function warmUp(rules: CompiledRules): void {
  if (warmingUp) return;
  if (!tokenizerWarm) warmUpTokenizer();
  warmUpSplitter(rules);
}

/**
 * Makes every tokenizer created from now on in this thread warm up first (once per thread, and
 * once per rules object). The Node entry points install it; browser bundles do not, which keeps
 * the chunk list out of them (a page tokenizes too little for the recompiles to matter).
 */
export function installTokenizerWarmUp(): void {
  setTokenizerWarmUp(warmUp);
}
