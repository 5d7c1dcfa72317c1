import { describe, expect, it } from 'vitest';
import { explain, explainedLabels, similarLabels } from '../../src/index.js';
import { ewtFixture, ewtTest, haveEwt } from '../components/tagger/data.js';
import { runCli } from '../cli/run.js';

const TEXTLOOM_ENTS = ['PER', 'ORG', 'LOC', 'GPE', 'DATE', 'TIME', 'MONEY', 'PERCENT', 'CARDINAL', 'ORDINAL', 'QUANTITY', 'EMAIL', 'URL', 'HASHTAG', 'MENTION', 'EMOJI'];
const ONTONOTES = ['PERSON', 'NORP', 'FAC', 'ORG', 'GPE', 'LOC', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW', 'LANGUAGE', 'DATE', 'TIME', 'PERCENT', 'MONEY', 'QUANTITY', 'ORDINAL', 'CARDINAL'];
const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];
const UD = ['acl', 'advcl', 'advmod', 'amod', 'appos', 'aux', 'case', 'cc', 'ccomp', 'clf', 'compound', 'conj', 'cop', 'csubj', 'dep', 'det', 'discourse', 'dislocated', 'expl', 'fixed', 'flat', 'goeswith', 'iobj', 'list', 'mark', 'nmod', 'nsubj', 'nummod', 'obj', 'obl', 'orphan', 'parataxis', 'punct', 'reparandum', 'root', 'vocative', 'xcomp'];

function labelsOf(sentences: ReturnType<typeof ewtFixture>): Set<string> {
  const out = new Set<string>();
  for (const s of sentences) for (const w of s.words) for (const l of [w.upos, w.xpos, w.deprel]) if (l) out.add(l);
  return out;
}

describe('explain', () => {
  it('glosses the examples as spaCy users type them', () => {
    expect(explain('nsubj')).toBe('nominal subject');
    expect(explain('VBZ')).toBe('verb, 3rd person singular present');
    expect(explain('GPE')).toMatch(/country/);
    expect(explain('nsubj:pass')).toBe('passive nominal subject');
  });

  it('knows every UPOS tag, UD relation, textloom and OntoNotes entity label', () => {
    for (const l of [...UPOS, ...UD, ...TEXTLOOM_ENTS, ...ONTONOTES]) expect(explain(l), l).toBeTruthy();
  });

  it('knows every tag and label of the EWT sample', () => {
    expect([...labelsOf(ewtFixture())].filter((l) => !explain(l))).toEqual([]);
  });

  it.skipIf(!haveEwt())('knows every tag and label of UD English EWT test', () => {
    expect([...labelsOf(ewtTest())].filter((l) => !explain(l))).toEqual([]);
  });

  it('suggests the labels a mistyped one meant (case, surrounding spaces), none for odd input', () => {
    expect(similarLabels(' gpe ')).toEqual(['GPE']);
    expect(similarLabels('Nsubj')).toEqual(['nsubj']);
    expect(similarLabels('nsubj')).toEqual([]);
    expect(similarLabels('80 000')).toEqual([]);
    expect(similarLabels('')).toEqual([]);
  });

  it('is undefined for unknown labels and case-sensitive', () => {
    expect(explain('NSUBJ')).toBeUndefined();
    expect(explain('no-such-label')).toBeUndefined();
    expect(explain('')).toBeUndefined();
    expect(explainedLabels().deps.length).toBeGreaterThanOrEqual(UD.length);
  });
});

describe('textloom explain', () => {
  it('prints the gloss, as JSON with --json, and exits 2 for an unknown label', async () => {
    expect((await runCli('explain', 'VBZ')).stdout).toBe('verb, 3rd person singular present\n');
    expect(JSON.parse((await runCli('explain', 'GPE', '--json')).stdout)).toMatchObject({ label: 'GPE' });
    const r = await runCli('explain', 'bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no explanation/);
  });
});
