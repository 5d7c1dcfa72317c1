/** English number words (cardinals and ordinals): the list `likeNum` uses by default. */
export { ENGLISH_NUMBER_WORDS as NUMBER_WORDS } from '../../core/lexeme.js';
