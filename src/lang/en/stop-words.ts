/** English stop words (the list the rest of textloom uses; it lives in core for the vocab's `isStop`). */
export { ENGLISH_STOP_WORDS as STOP_WORDS } from '../../core/stop-words.js';
