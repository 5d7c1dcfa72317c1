import { describe, expect, it } from 'vitest';
import { Doc, Senter, Vocab } from '../../../src/index.js';

/** Builds a Doc from space-separated tokens; `_` marks "no space after the previous token". */
function docOf(spec: string): Doc {
  const words: string[] = [];
  const spaces: boolean[] = [];
  for (const part of spec.split(' ')) {
    if (part.startsWith('_')) {
      spaces[spaces.length - 1] = false;
      words.push(part.slice(1));
    } else words.push(part);
    spaces.push(true);
  }
  spaces[spaces.length - 1] = false;
  return Doc.fromWords(words, { spaces, vocab: new Vocab() });
}

function sents(spec: string, opts = {}): string[] {
  const doc = docOf(spec);
  new Senter('senter', opts).process(doc);
  return doc.sents.map((s) => s.text);
}

describe('Senter', () => {
  it('splits after terminal punctuation', () => {
    expect(sents('Hello there _. How are you _? Fine _!')).toEqual(['Hello there.', 'How are you?', 'Fine!']);
  });
  it('keeps closing quotes and brackets with their sentence', () => {
    expect(sents('He said " hi _. _" Then he left _.')).toEqual(['He said " hi."', 'Then he left.']);
    expect(sents('( It rained _. _) We stayed _.')).toEqual(['( It rained.)', 'We stayed.']);
  });
  it('treats runs of terminal punctuation as one end', () => {
    expect(sents('Really _?! Yes _!!! OK')).toEqual(['Really?!', 'Yes!!!', 'OK']);
  });
  it('never splits after titles and initials', () => {
    expect(sents('Dr. Smith met Mr. Jones _.')).toEqual(['Dr. Smith met Mr. Jones.']);
    expect(sents('Bush nominated Jennifer M. Anderson _.')).toEqual(['Bush nominated Jennifer M. Anderson.']);
  });
  it('splits after sentence-final abbreviations before a capitalized word', () => {
    expect(sents('He lives in the U.S. He likes it _.')).toEqual(['He lives in the U.S.', 'He likes it.']);
    expect(sents('Apples _, pears _, etc. are fruit _.')).toEqual(['Apples, pears, etc. are fruit.']);
  });
  it('continues after an ellipsis before a lower-case word', () => {
    expect(sents('Well ... maybe not _. Sure ... Yes')).toEqual(['Well ... maybe not.', 'Sure ...', 'Yes']);
  });
  it('continues after a closing quote before a lower-case word (dialogue attribution)', () => {
    expect(sents('‘Oh _, you wicked little thing _! _’ cried Alice _.')).toEqual(['‘Oh, you wicked little thing!’ cried Alice.']);
    expect(sents('" _Why _? _" she asked _. " _Because _. _" He left _.')).toEqual(['"Why?" she asked.', '"Because."', 'He left.']);
    // A capital, a digit or the end of the text after the quote still ends the sentence.
    expect(sents('He said " _stop _! _" Then he ran _.')).toEqual(['He said "stop!"', 'Then he ran.']);
  });
  it('splits at blank lines, or at every newline, by option', () => {
    const text = 'First line\nsecond line\n\nNew paragraph';
    const vocab = new Vocab();
    const mk = () => {
      const d = new Doc(vocab, text);
      const push = (s: string, at: number, sp: boolean) => d.pushToken(vocab.add(s), at, sp);
      push('First', 0, true);
      push('line', 6, false);
      push('\n', 10, false);
      push('second', 11, true);
      push('line', 18, false);
      push('\n\n', 22, false);
      push('New', 24, true);
      push('paragraph', 28, false);
      return d;
    };
    const run = (newlines: 'paragraph' | 'line' | 'none') => {
      const d = mk();
      new Senter('s', { newlines }).process(d);
      return d.sents.map((s) => s.text);
    };
    // Whitespace tokens stay with the sentence before them (as in spaCy).
    expect(run('paragraph')).toEqual(['First line\nsecond line\n\n', 'New paragraph']);
    expect(run('line')).toEqual(['First line\n', 'second line\n\n', 'New paragraph']);
    expect(run('none')).toEqual([text]);
  });
  it('can keep lower-case continuations', () => {
    expect(sents('ok _. thanks', { splitBeforeLower: false })).toEqual(['ok. thanks']);
    expect(sents('ok _. thanks')).toEqual(['ok.', 'thanks']);
  });
});

describe('Senter emoticons', () => {
  it('attaches an emoticon to the sentence it follows and splits after one before a capital', () => {
    expect(sents('I love her _. :) I have a dog')).toEqual(['I love her. :)', 'I have a dog']);
    expect(sents('Hope you find out soon :) you should')).toEqual(['Hope you find out soon :) you should']);
    expect(sents('Hope you find out soon :) Now I know')).toEqual(['Hope you find out soon :)', 'Now I know']);
    expect(sents('soon :) Now', { emoticons: false })).toEqual(['soon :) Now']);
  });
  it('splits at a colon before a capital only when asked', () => {
    expect(sents('Excerpt : The story')).toEqual(['Excerpt : The story']);
    expect(sents('Excerpt : The story', { colon: true })).toEqual(['Excerpt :', 'The story']);
  });
});

describe('Senter.process across vocabs', () => {
  it('classifies tokens per vocab: the same orth id in another vocab is another word', () => {
    const senter = new Senter();
    const a = Doc.fromWords(['Hi', 'there'], { vocab: new Vocab() });
    senter.process(a);
    // In a fresh vocab the same ids now name "Go" and "." (ids are dense, in order of interning).
    const b = Doc.fromWords(['Go', '.', 'Now', 'stop'], { vocab: new Vocab() });
    expect(b.orth[1]).toBe(a.orth[1]);
    senter.process(b);
    expect(b.sents.map((s) => s.text)).toEqual(['Go .', 'Now stop']);
  });
});
