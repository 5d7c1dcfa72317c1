/**
 * What `import … from 'textloom'` gives a bundler that targets browsers (the `browser` export
 * condition): the tokenizer, matchers, search index and renderers, with no Node built-in
 * reachable. Node gets the full `src/index.ts`.
 * @packageDocumentation
 */
export * from './matcher.js';
export * from './search.js';
export * from './render.js';
