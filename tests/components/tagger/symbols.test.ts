import { describe, expect, it } from 'vitest';
import { isEmojiToken, isHandleToken, ruleClasses, ruleClassOf } from '../../../src/components/tagger/symbols.js';
import { load, Tagger } from '../../../src/index.js';

describe('isEmojiToken', () => {
  it('accepts whole emoji clusters: modifiers, ZWJ sequences, flags, several in a row', () => {
    for (const t of ['👍', '👍🏽', '❤️', '👩‍💻', '🇺🇸', '😀😀']) expect(isEmojiToken(t), t).toBe(true);
  });
  it('rejects emoticons, words with emoji, symbols that are not emoji and the empty string', () => {
    for (const t of [':)', 'ok👍', '👍ok', '©', '™', '$', '', 'a']) expect(isEmojiToken(t), t).toBe(false);
  });
});

describe('isHandleToken', () => {
  it('accepts handles and hashtags', () => {
    for (const t of ['@jlee', '@W.a.b.b.y', '#nlp', '#audiobooks', '@user_2', '#2024goals']) expect(isHandleToken(t), t).toBe(true);
  });
  it('rejects a bare sign, numbers, e-mail-like and trailing-dot forms', () => {
    for (const t of ['@', '#', '#1', '@5', 'a@b.com', '@jlee.', '@.x', '#a-b', 'jlee']) expect(isHandleToken(t), t).toBe(false);
  });
});

describe('ruleClassOf', () => {
  it('is off (-1) for a model without the classes', () => {
    const rc = ruleClasses([{ upos: 'NOUN', xpos: 'NN' }]);
    expect(ruleClassOf('👍', rc)).toBe(-1);
    expect(ruleClassOf('@jlee', rc)).toBe(-1);
  });
});

describe('TaggerModel: emoji, handles and hashtags', () => {
  it('tags emoji SYM/NFP and handles/hashtags PROPN/ADD, as UD EWT does', () => {
    const out = Tagger.load().tagWords(['@jlee', 'thanks', 'for', 'the', '#nlp', 'tip', '👍', 'love', 'it', '❤️']);
    expect(out.map((c) => `${c.upos}/${c.xpos}`)).toEqual(['PROPN/ADD', 'NOUN/NN', 'ADP/IN', 'DET/DT', 'PROPN/ADD', 'NOUN/NN', 'SYM/NFP', 'VERB/VBP', 'PRON/PRP', 'SYM/NFP']);
  });

  it('keeps the tag dictionary first: an emoticon keeps its trained class', () => {
    expect(Tagger.load().tagWords(['great', ':)'])[1]).toEqual({ upos: 'SYM', xpos: 'NFP' });
  });

  it('applies inside a pipeline, and the fixed class is context for the next word', async () => {
    const nlp = await load('en_core');
    const doc = nlp('Great coffee 👍 I will come back.');
    expect(doc.tokens().map((t) => t.pos)).toEqual(['ADJ', 'NOUN', 'SYM', 'PRON', 'AUX', 'VERB', 'ADV', 'PUNCT']);
  });
});
