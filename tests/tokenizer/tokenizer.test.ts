import { describe, expect, it } from 'vitest';
import { ArgumentError, Tokenizer, Vocab } from '../../src/index.js';

const tok = new Tokenizer(new Vocab());
const words = (text: string) => tok.tokenize(text).tokens().map((t) => t.text);

describe('Tokenizer.tokenize: EWT conventions', () => {
  const cases: [string, string, string[]][] = [
    ['negation clitic', "I don't know", ['I', 'do', "n't", 'know']],
    ["can't -> ca n't", "We can't go", ['We', 'ca', "n't", 'go']],
    ["won't -> wo n't", "It won't", ['It', 'wo', "n't"]],
    ["I'm -> I 'm", "I'm here", ['I', "'m", 'here']],
    ["'s split", "It's John's car", ['It', "'s", 'John', "'s", 'car']],
    ["'re 've 'll 'd", "we're you've they'll I'd", ['we', "'re", 'you', "'ve", 'they', "'ll", 'I', "'d"]],
    ['curly apostrophe', 'don’t it’s', ['do', 'n’t', 'it', '’s']],
    ['plural possessive', "the parents' house", ['the', 'parents', "'", 'house']],
    ['decade keeps its apostrophe-s', "the 60's", ['the', "60's"]],
    ['fused forms', 'gonna wanna gotta cannot', ['gon', 'na', 'wan', 'na', 'got', 'ta', 'can', 'not']],
    ['apostrophe-less contractions', 'dont Im cant', ['do', 'nt', 'I', 'm', 'ca', 'nt']],
    ['title and upper case variants', 'Cannot DONT', ['Can', 'not', 'DO', 'NT']],
    ['abbreviations kept whole', 'The U.S. and Dr. Smith, e.g. Mr. Jones', ['The', 'U.S.', 'and', 'Dr.', 'Smith', ',', 'e.g.', 'Mr.', 'Jones']],
    ['etc. inside a text', 'apples, pears, etc. and more', ['apples', ',', 'pears', ',', 'etc.', 'and', 'more']],
    ['abbreviation period split at the end of the text', 'apples, pears etc.', ['apples', ',', 'pears', 'etc', '.']],
    ['initialisms', 'U.S.A and p.m and W. Bush', ['U.S.A', 'and', 'p.m', 'and', 'W.', 'Bush']],
    ['abbreviation before more punctuation', 'Inc.. and T.V.?', ['Inc.', '.', 'and', 'T.V.', '?']],
    ['sentence period', 'I saw it.', ['I', 'saw', 'it', '.']],
    ['URL', 'see https://example.com/a?b=1.', ['see', 'https://example.com/a?b=1', '.']],
    ['www URL in brackets', '(www.example.org)', ['(', 'www.example.org', ')']],
    ['URL after infixes', 'below:<http://www.euci.com/a.pdf>', ['below', ':', '<', 'http://www.euci.com/a.pdf', '>']],
    ['wi-fi kept whole in any case, hyphenated compounds split', 'free wi-fi, Wi-Fi and WI-FI for sci-fi fans', ['free', 'wi-fi', ',', 'Wi-Fi', 'and', 'WI-FI', 'for', 'sci', '-', 'fi', 'fans']],
    ['wi-fi before sentence punctuation', 'No wi-fi.', ['No', 'wi-fi', '.']],
    ['e-mail', 'mail john.doe@example.com,', ['mail', 'john.doe@example.com', ',']],
    ['e-mail after a quote', '"Julie"<julie@bellsouth.net>', ['"', 'Julie', '"', '<', 'julie@bellsouth.net', '>']],
    ['hashtag and mention', '#NLProc rocks @spacy_io!', ['#NLProc', 'rocks', '@spacy_io', '!']],
    ['emoticons', 'Nice :) and :-( ok;) :-).', ['Nice', ':)', 'and', ':-(', 'ok', ';)', ':-)', '.']],
    ['emoji', 'love it😀👍🏽!', ['love', 'it', '😀', '👍🏽', '!']],
    ['ZWJ emoji sequence and flag', '👨‍👩‍👧🇫🇷', ['👨‍👩‍👧', '🇫🇷']],
    ['numbers with separators', 'It is 1,000.50 or 3.14', ['It', 'is', '1,000.50', 'or', '3.14']],
    ['times', 'at 10:30 or 5pm or 7:30PM', ['at', '10:30', 'or', '5', 'pm', 'or', '7:30', 'PM']],
    ['currency split from amounts', '$5 €20 US$4.5 $$$', ['$', '5', '€', '20', 'US$', '4.5', '$$$']],
    ['units', '35mm 65k 5kg', ['35', 'mm', '65', 'k', '5', 'kg']],
    ['ordinals and decades stay whole', '20th 1970s', ['20th', '1970s']],
    ['percent', '5% off', ['5', '%', 'off']],
    ['hyphenated compounds split', 'search-engine full-fledged state-of-the-art', ['search', '-', 'engine', 'full', '-', 'fledged', 'state', '-', 'of', '-', 'the', '-', 'art']],
    ['prefixed forms kept', 'e-mail anti-American co-worker non-stop re-read', ['e-mail', 'anti-American', 'co-worker', 'non-stop', 're-read']],
    ['phone numbers kept, ranges split', '713-853-3989 345-9945 5-10 1969-1970', ['713-853-3989', '345-9945', '5', '-', '10', '1969', '-', '1970']],
    ['dashes', 'no--never — ever', ['no', '--', 'never', '—', 'ever']],
    ['leading hyphen', '-more', ['-', 'more']],
    ['slashes', 'and/or 9/11 1/2 l/c w/', ['and', '/', 'or', '9/11', '1', '/', '2', 'l/c', 'w', '/']],
    ['dates stay whole', '11/28/2000', ['11/28/2000']],
    ['punctuation runs', 'Hello... world!!! What?! ok.?', ['Hello', '...', 'world', '!!!', 'What', '?!', 'ok', '.?']],
    ['ellipsis cut off from a question mark', 'downtown...? years,...', ['downtown', '...', '?', 'years', ',', '...']],
    ['decoration runs are one token', 'News==---- ---->', ['News', '==----', '---->']],
    ['leading period before a word, but not before an extension', '.thank (.doc)', ['.', 'thank', '(', '.doc', ')']],
    ['ellipsis between words', 'wait...what', ['wait', '...', 'what']],
    ['quotes and brackets', '"Quoted," (see below)', ['"', 'Quoted', ',', '"', '(', 'see', 'below', ')']],
    ['infix brackets', 'account(s)', ['account', '(', 's', ')']],
    ['colon after a word, and ",?"', 'Fax: providers,?', ['Fax', ':', 'providers', ',?']],
    ['Yahoo!', 'Yahoo! rocks', ['Yahoo!', 'rocks']],
    ['file names', 'see report_v2.doc.', ['see', 'report_v2.doc', '.']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => expect(words(text)).toEqual(expected));
  }
});

describe('Tokenizer.tokenize: whitespace and offsets', () => {
  it('marks a single following space and keeps other whitespace as tokens', () => {
    const doc = tok.tokenize('Hi  there\nyou\t!');
    expect(doc.tokens().map((t) => t.text)).toEqual(['Hi', ' ', 'there', '\n', 'you', '\t', '!']);
    expect(doc.tokens().map((t) => t.whitespace)).toEqual([' ', '', '', '', '', '', '']);
    expect(doc.text).toBe('Hi  there\nyou\t!');
  });
  it('gives exact character offsets', () => {
    const doc = tok.tokenize("  I don't.");
    expect(doc.tokens().map((t) => [t.text, t.idx])).toEqual([['  ', 0], ['I', 2], ['do', 4], ["n't", 6], ['.', 9]]);
  });
  it('handles empty and whitespace-only input', () => {
    expect(tok.tokenize('').length).toBe(0);
    expect(words(' \n ')).toEqual([' \n ']);
  });
  it('gives the same tokens from the chunk cache as from the rules', () => {
    const fresh = () => new Tokenizer(new Vocab(), { cacheSize: 0 });
    const text = "Dr. Smith's e-mail: john@x.com (don't!) search-engine 1,000.50 :) etc. and more";
    const first = words(text + ' ' + text);
    const uncached = fresh().tokenize(text + ' ' + text).tokens().map((t) => t.text);
    expect(first).toEqual(uncached);
  });
  it('rejects non-strings', () => {
    expect(() => tok.tokenize(null as unknown as string)).toThrow(ArgumentError);
  });
});

describe('Tokenizer.addSpecialCase', () => {
  it('splits a chunk into the given pieces, also after peeling punctuation', () => {
    const t = new Tokenizer(new Vocab());
    expect(t.tokenize('gimme!').tokens().map((x) => x.text)).toEqual(['gimme', '!']);
    t.addSpecialCase('gimme', ['gim', 'me']);
    expect(t.tokenize('gimme! "gimme"').tokens().map((x) => x.text)).toEqual(['gim', 'me', '!', '"', 'gim', 'me', '"']);
  });
  it('clears the chunk cache', () => {
    const t = new Tokenizer(new Vocab());
    expect(t.tokenize('lemme').length).toBe(1);
    t.addSpecialCase('lemme', ['lem', 'me']);
    expect(t.tokenize('lemme').length).toBe(2);
  });
  it('rejects pieces that do not rejoin to the text', () => {
    const t = new Tokenizer(new Vocab());
    expect(() => t.addSpecialCase('gimme', ['give', 'me'])).toThrow(/do not rejoin/);
    expect(() => t.addSpecialCase('a b', ['a', ' b'])).toThrow(ArgumentError);
    expect(() => t.addSpecialCase('', [])).toThrow(ArgumentError);
  });
});

describe('Tokenizer options', () => {
  it('extends the rules from options', () => {
    const t = new Tokenizer(new Vocab(), { rules: { specialCases: { 'y’all': ['y’', 'all'] }, hyphenPrefixes: ['self'], infixes: ['::'] } });
    expect(t.tokenize('y’all self-made a::b').tokens().map((x) => x.text)).toEqual(['y’', 'all', 'self-made', 'a', '::', 'b']);
  });
  it('keeps the defaults unless replace is set', () => {
    const t = new Tokenizer(new Vocab(), { rules: { abbreviations: ['Xyz.'] }, replace: true });
    expect(t.tokenize('Dr. Xyz. x').tokens().map((x) => x.text)).toEqual(['Dr', '.', 'Xyz.', 'x']);
  });
  it('validates the cache size', () => {
    expect(() => new Tokenizer(new Vocab(), { cacheSize: -1 })).toThrow(ArgumentError);
  });
});

describe('Tokenizer.explain', () => {
  it('names the rule behind each token', () => {
    expect(tok.explain("(don't) U.S. 5pm http://x.org/a gonna")).toEqual([
      ['PREFIX', '('],
      ['TOKEN', 'do'],
      ['SUFFIX', "n't"],
      ['SUFFIX', ')'],
      ['SPECIAL-1', 'U.S.'],
      ['TOKEN', '5'],
      ['SUFFIX', 'pm'],
      ['URL_MATCH', 'http://x.org/a'],
      ['SPECIAL-1', 'gon'],
      ['SPECIAL-2', 'na'],
    ]);
  });
  it('lists the same tokens as tokenize, minus whitespace', () => {
    const text = 'Hello  world -- search-engine :) 😀 e-mail!\nOK.';
    expect(tok.explain(text).map(([, t]) => t)).toEqual(words(text).filter((t) => t.trim() !== ''));
  });
  it('marks infixes and token matches', () => {
    expect(tok.explain('and/or :)')).toEqual([
      ['TOKEN', 'and'],
      ['INFIX', '/'],
      ['TOKEN', 'or'],
      ['TOKEN_MATCH', ':)'],
    ]);
  });
});

describe('Tokenizer.scan', () => {
  const texts = [
    "I can't go to the U.S. today.",
    'Apples, pears etc.',
    'etc. and so on, etc.',
    '  two  spaces\tand a tab (see p. 3) etc.',
    'Apples, pears etc.',
    '',
  ];
  it('yields exactly the orth ids and offsets of tokenize, reusing its buffers', () => {
    const tok = new Tokenizer(new Vocab());
    const fresh = new Tokenizer(new Vocab());
    for (const t of texts) {
      const doc = fresh.tokenize(t);
      const s = tok.scan(t);
      const words = Array.from(s.orth.subarray(0, s.n), (o) => tok.vocab.strings.get(o));
      expect(words).toEqual(doc.tokens().map((x) => x.text));
      expect(Array.from(s.idx.subarray(0, s.n))).toEqual(Array.from(doc.idx.subarray(0, doc.length)));
    }
  });
  it('keeps the last-chunk split apart from the same chunk elsewhere (cache keys differ)', () => {
    const tok = new Tokenizer(new Vocab());
    const text = (d: ReturnType<Tokenizer['tokenize']>) => d.tokens().map((x) => x.text);
    const last = text(tok.tokenize('pears etc.'));
    const mid = text(tok.tokenize('pears etc. more'));
    expect(text(tok.tokenize('pears etc.'))).toEqual(last);
    expect(text(tok.tokenize('pears etc. more'))).toEqual(mid);
    expect(text(new Tokenizer(new Vocab()).tokenize('pears etc. more'))).toEqual(mid);
  });
});
