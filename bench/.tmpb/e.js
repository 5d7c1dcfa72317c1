export { Tokenizer, Vocab, Matcher, PhraseMatcher } from 'textloom/matcher';
