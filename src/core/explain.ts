/**
 * Short English glosses for the labels textloom produces (spaCy's `spacy.explain`): Universal POS
 * tags, Penn Treebank tags, Universal Dependencies relations (with the English subtypes of UD
 * English EWT), spaCy's ClearNLP dependency labels, and entity labels (textloom's own, wink-nlp's
 * and OntoNotes').
 */

const UPOS: Record<string, string> = {
  ADJ: 'adjective',
  ADP: 'adposition (preposition or postposition)',
  ADV: 'adverb',
  AUX: 'auxiliary verb',
  CCONJ: 'coordinating conjunction',
  DET: 'determiner',
  INTJ: 'interjection',
  NOUN: 'noun',
  NUM: 'numeral',
  PART: 'particle',
  PRON: 'pronoun',
  PROPN: 'proper noun',
  PUNCT: 'punctuation',
  SCONJ: 'subordinating conjunction',
  SYM: 'symbol',
  VERB: 'verb',
  X: 'other (foreign word, typo, unanalysable)',
  SPACE: 'whitespace',
  EOL: 'end of line',
};

const PENN: Record<string, string> = {
  $: 'currency symbol',
  "''": 'closing quotation mark',
  '``': 'opening quotation mark',
  ',': 'comma',
  '-LRB-': 'left round bracket',
  '-RRB-': 'right round bracket',
  '.': 'sentence-final punctuation',
  ':': 'colon, semicolon, dash or ellipsis',
  '#': 'number sign',
  ADD: 'e-mail or web address',
  AFX: 'affix written apart (pre-, non-)',
  CC: 'coordinating conjunction',
  CD: 'cardinal number',
  DT: 'determiner',
  EX: 'existential there',
  FW: 'foreign word',
  GW: 'additional word in a word split by a typo (goes with)',
  HYPH: 'hyphen',
  IN: 'preposition or subordinating conjunction',
  JJ: 'adjective',
  JJR: 'adjective, comparative',
  JJS: 'adjective, superlative',
  LS: 'list item marker',
  MD: 'modal verb',
  NFP: 'superfluous punctuation (emoticons, decorative symbols)',
  NIL: 'missing tag',
  NN: 'noun, singular or mass',
  NNP: 'proper noun, singular',
  NNPS: 'proper noun, plural',
  NNS: 'noun, plural',
  PDT: 'predeterminer',
  POS: "possessive ending ('s)",
  PRP: 'personal pronoun',
  PRP$: 'possessive pronoun',
  RB: 'adverb',
  RBR: 'adverb, comparative',
  RBS: 'adverb, superlative',
  RP: 'particle (of a phrasal verb)',
  TO: 'infinitival to',
  UH: 'interjection',
  VB: 'verb, base form',
  VBD: 'verb, past tense',
  VBG: 'verb, gerund or present participle',
  VBN: 'verb, past participle',
  VBP: 'verb, non-3rd person singular present',
  VBZ: 'verb, 3rd person singular present',
  WDT: 'wh-determiner',
  WP: 'wh-pronoun',
  WP$: 'possessive wh-pronoun',
  WRB: 'wh-adverb',
  XX: 'unknown',
  _SP: 'whitespace',
};

const UD_DEPS: Record<string, string> = {
  acl: 'clause modifying a noun',
  'acl:relcl': 'relative clause',
  advcl: 'adverbial clause',
  'advcl:relcl': 'relative clause modifying a clause',
  advmod: 'adverbial modifier',
  amod: 'adjectival modifier',
  appos: 'appositional modifier',
  aux: 'auxiliary',
  'aux:pass': 'passive auxiliary',
  case: 'case marker (preposition, possessive ending)',
  cc: 'coordinating conjunction',
  'cc:preconj': 'preconjunct (either, both)',
  ccomp: 'clausal complement',
  clf: 'classifier',
  compound: 'compound',
  'compound:prt': 'phrasal verb particle',
  conj: 'conjunct',
  cop: 'copula',
  csubj: 'clausal subject',
  'csubj:outer': 'outer clausal subject (of a clause with its own subject)',
  'csubj:pass': 'clausal passive subject',
  dep: 'unspecified dependency',
  det: 'determiner',
  'det:predet': 'predeterminer (all, both before a determiner)',
  'det:poss': 'possessive determiner',
  discourse: 'discourse element (interjection, emoticon)',
  dislocated: 'dislocated element',
  expl: 'expletive (dummy it or there)',
  fixed: 'fixed multiword expression',
  flat: 'flat multiword expression (names, dates)',
  'flat:foreign': 'foreign words',
  goeswith: 'part of a word split by a typo',
  iobj: 'indirect object',
  list: 'list item',
  mark: 'marker (subordinating conjunction, infinitival to)',
  nmod: 'nominal modifier',
  'nmod:desc': 'descriptive nominal modifier',
  'nmod:npmod': 'noun phrase used as an adverbial modifier of a nominal',
  'nmod:poss': 'possessive nominal modifier',
  'nmod:tmod': 'temporal nominal modifier',
  'nmod:unmarked': 'nominal modifier without a preposition',
  nsubj: 'nominal subject',
  'nsubj:outer': 'outer nominal subject (of a clause with its own subject)',
  'nsubj:pass': 'passive nominal subject',
  nummod: 'numeric modifier',
  obj: 'object',
  obl: 'oblique nominal',
  'obl:agent': 'agent in a passive (by ...)',
  'obl:npmod': 'noun phrase used as an adverbial modifier',
  'obl:tmod': 'temporal oblique',
  'obl:unmarked': 'oblique nominal without a preposition',
  orphan: 'orphan (dependent of an elided predicate)',
  parataxis: 'parataxis (clauses side by side)',
  punct: 'punctuation',
  reparandum: 'overridden disfluency',
  root: 'root of the sentence',
  vocative: 'vocative (person addressed)',
  xcomp: 'open clausal complement',
};

// spaCy's English models use the ClearNLP scheme; users coming from spaCy look these up.
const CLEAR_DEPS: Record<string, string> = {
  ROOT: 'root of the sentence',
  acomp: 'adjectival complement',
  agent: 'agent',
  attr: 'attribute (predicate nominal of a copula)',
  auxpass: 'passive auxiliary',
  csubjpass: 'clausal passive subject',
  dative: 'dative (indirect object)',
  dobj: 'direct object',
  intj: 'interjection',
  meta: 'meta modifier',
  neg: 'negation modifier',
  nn: 'noun compound modifier',
  npadvmod: 'noun phrase used as an adverbial modifier',
  nsubjpass: 'passive nominal subject',
  oprd: 'object predicate',
  pcomp: 'complement of a preposition',
  pobj: 'object of a preposition',
  poss: 'possession modifier',
  preconj: 'preconjunct',
  predet: 'predeterminer',
  prep: 'prepositional modifier',
  prt: 'particle',
  quantmod: 'modifier of a quantifier',
  relcl: 'relative clause modifier',
};

const ENTITIES: Record<string, string> = {
  PER: 'person',
  PERSON: 'person, including fictional',
  ORG: 'organization: company, agency, institution',
  LOC: 'location: place, region, body of water, mountain',
  GPE: 'geopolitical entity: country, city, state',
  NORP: 'nationality, religious or political group',
  FAC: 'facility: building, airport, highway, bridge',
  PRODUCT: 'product: object, vehicle, food (not a service)',
  EVENT: 'named event: hurricane, battle, war, sports event',
  WORK_OF_ART: 'title of a book, song, film or other work',
  LAW: 'named document made into law',
  LANGUAGE: 'named language',
  MISC: 'miscellaneous entity (event, nationality, product, work of art)',
  DATE: 'absolute or relative date or period',
  TIME: 'time of day, or a span shorter than a day',
  DURATION: 'length of time',
  MONEY: 'monetary value, with its unit',
  PERCENT: 'percentage',
  CARDINAL: 'number not covered by another type',
  ORDINAL: 'ordinal number (first, 2nd)',
  QUANTITY: 'measurement: weight, distance',
  EMAIL: 'e-mail address',
  URL: 'web address',
  HASHTAG: 'hashtag',
  MENTION: 'user mention (@name)',
  EMOJI: 'emoji',
  EMOTICON: 'emoticon such as :-)',
  NP: 'noun phrase (noun chunk)',
};

// Later tables win on a clash: SYM is both a UPOS and a Penn tag with the same meaning.
const GLOSSARY: ReadonlyMap<string, string> = new Map([...Object.entries(ENTITIES), ...Object.entries(CLEAR_DEPS), ...Object.entries(UD_DEPS), ...Object.entries(PENN), ...Object.entries(UPOS)]);

/**
 * A short English description of a tag, dependency or entity label, like `spacy.explain`;
 * `undefined` for a label textloom does not know. Labels are case-sensitive (`root` is the UD
 * relation, `ROOT` spaCy's).
 * @example explain('nsubj') // 'nominal subject'
 * @example explain('VBZ') // 'verb, 3rd person singular present'
 * @example explain('GPE') // 'geopolitical entity: country, city, state'
 */
export function explain(label: string): string | undefined {
  return GLOSSARY.get(label);
}

/**
 * The known labels a mistyped one probably meant: equal after trimming whitespace and ignoring
 * case (`' gpe'` -> `['GPE']`, `'root'` -> `['ROOT', 'root']`, minus the label itself). Empty when none.
 * @example similarLabels('Nsubj') // ['nsubj']
 */
export function similarLabels(label: string): string[] {
  const key = label.trim().toLowerCase();
  return [...GLOSSARY.keys()].filter((l) => l !== label && l.toLowerCase() === key);
}

/** Every label {@link explain} knows, by group. */
export function explainedLabels(): { upos: string[]; penn: string[]; deps: string[]; clearDeps: string[]; entities: string[] } {
  return { upos: Object.keys(UPOS), penn: Object.keys(PENN), deps: Object.keys(UD_DEPS), clearDeps: Object.keys(CLEAR_DEPS), entities: Object.keys(ENTITIES) };
}
