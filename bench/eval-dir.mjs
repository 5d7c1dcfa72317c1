// Where the benches and scripts find the public evaluation data: the folder named by the
// TEXTLOOM_EVAL_DIR environment variable, else ../shared/eval next to the checkout.
// requireEval() returns a file's path, or prints one line saying what is missing and where the
// public data comes from, and exits with status 2.
import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The evaluation-data folder. */
export const evalDir = process.env.TEXTLOOM_EVAL_DIR ? resolve(process.env.TEXTLOOM_EVAL_DIR) : resolve(root, '..', 'shared', 'eval');

/** Where each dataset folder comes from (all public). */
const SOURCES = {
  ud_english_ewt: 'UD English-EWT, CC BY-SA 4.0: github.com/UniversalDependencies/UD_English-EWT',
  cranfield: 'the Cranfield collection (docs.jsonl, queries.jsonl, qrels.tsv normalized from cran.all.1400, cran.qry, cranqrel): ir.dcs.gla.ac.uk/resources/test_collections/cran/',
  word_analogy: "questions-words.txt from word2vec, Apache-2.0: github.com/tmikolov/word2vec",
  word_similarity: 'EN-WS-353-ALL.txt and other sets from github.com/mfaruqui/eval-word-vectors (data/word-sim)',
  kenlm_reference: 'KenLM lmplz/query output on WikiText-2 (github.com/kpu/kenlm; WikiText-2, CC BY-SA 3.0)',
  wikitext2: 'WikiText-2, CC BY-SA 3.0: github.com/pytorch/examples (word_language_model/data/wikitext-2)',
  uner_english_ewt: 'Universal NER English-EWT, CC BY-SA 4.0: github.com/UniversalNER/UNER_English-EWT',
  gutenberg_en: 'public-domain Project Gutenberg books, gzipped, one book a file (e.g. from github.com/rcdm-uga/Gutenberg_Text)',
};

/**
 * Absolute path of `rel` (e.g. 'ud_english_ewt/en_ewt-ud-test.conllu') in the evaluation data; if it
 * is missing, prints one line naming it and its public source, and exits with status 2.
 */
export function requireEval(rel) {
  const file = join(evalDir, rel);
  if (existsSync(file)) return file;
  const script = basename(process.argv[1] ?? 'this script');
  const source = SOURCES[rel.split('/')[0]] ?? 'see the project README';
  console.error(`${script}: evaluation data not found: ${file} (set TEXTLOOM_EVAL_DIR to the folder holding ${rel}; source: ${source})`);
  process.exit(2);
}

/** Absolute path of `rel` in the evaluation data, or undefined when it is missing (for optional inputs). */
export function optionalEval(rel) {
  const file = join(evalDir, rel);
  return existsSync(file) ? file : undefined;
}
