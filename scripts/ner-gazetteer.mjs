// The gazetteer step of train-ner.mjs: compromise's lexicon (a devDependency, MIT) written as
// "phrase<TAB>type" lines for `textloom train ner --gazetteer`: first names, last names, people,
// organizations (and sports teams), cities, countries, other places and regions, honorifics,
// demonyms, and compromise's words that end organization and place names ("inc", "street"); then
// the company names of @cspell/dict-companies (a devDependency, MIT; names of at least three
// characters, so no "A" or "AD") as type Company, for words compromise's lists lack ("Hilton").
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nlp from 'compromise';

/** The company names of @cspell/dict-companies: one name a line, `#` lines are comments. */
function companies() {
  // The package exports only its cspell-ext.json; the list sits beside it.
  const file = join(dirname(createRequire(import.meta.url).resolve('@cspell/dict-companies/cspell-ext.json')), 'dict', 'companies.txt');
  return readFileSync(file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#') && l.length >= 3);
}

const TYPES = [
  ['FirstName', ['MaleName', 'FemaleName', 'FirstName']],
  ['LastName', ['LastName']],
  ['Person', ['Person']],
  ['Organization', ['Organization', 'SportsTeam']],
  ['City', ['City']],
  ['Country', ['Country']],
  ['Place', ['Place', 'Region']],
  ['Honorific', ['Honorific']],
  ['Demonym', ['Demonym']],
];

/** Writes the gazetteer lines to `file`; returns the number of lines. */
export function writeGazetteer(file) {
  const model = nlp.model();
  const lex = Object.entries(model.one.lexicon).map(([w, t]) => [w, Array.isArray(t) ? t : String(t).split('|')]);
  const lines = [];
  for (const [type, tags] of TYPES) {
    const words = lex.filter(([, t]) => t.some((x) => tags.includes(x))).map(([w]) => w).sort();
    for (const w of words) lines.push(`${w}\t${type}`);
  }
  for (const [type, words] of [['OrgWord', model.two.orgWords], ['PlaceWord', model.two.placeWords]]) {
    for (const w of Object.keys(words).sort()) lines.push(`${w}\t${type}`);
  }
  for (const w of companies()) lines.push(`${w}\tCompany`);
  writeFileSync(file, lines.join('\n') + '\n');
  return lines.length;
}
