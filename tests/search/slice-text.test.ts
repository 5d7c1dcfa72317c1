import { describe, expect, it } from 'vitest';
import { packTexts, TextUnpacker } from '../../src/search/slice-text.js';

describe('packed slice texts', () => {
  it('round-trips ASCII, empty, Latin-1, CJK and astral texts, growing the buffer when a text does not fit', () => {
    const texts = ['plain', '', 'café naïve', '漢字かな交じり文'.repeat(50), 'emoji 😀 and 𝄞', 'tail'];
    const packed = packTexts(texts);
    const u = new TextUnpacker(packed);
    expect(texts.map((_, d) => u.text(d))).toEqual(texts);
    expect(packed.ends.length).toBe(texts.length);
    expect(packed.bytes.length).toBe(packed.ends[texts.length - 1]);
    expect(packed.bytes.length).toBe(Buffer.byteLength(texts.join(''), 'utf8'));
  });

  it('keeps texts with a lone surrogate as they are (UTF-8 would replace it)', () => {
    const texts = ['a', 'lone \uD800 high', 'ok', 'lone \uDC00 low', 'pair \uD83D\uDE00'];
    const u = new TextUnpacker(packTexts(texts));
    expect(texts.map((_, d) => u.text(d))).toEqual(texts);
  });

  it('matches one-at-a-time encoding over many runs of mixed texts, pairs split across texts included', () => {
    const pool = ['plain ascii words', 'naïve café', '漢字', 'emoji 😀', '', 'x'.repeat(70_000), 'end \uD83D', '\uDE00 start', 'z'];
    const texts = Array.from({ length: 3000 }, (_, i) => pool[(i * 7) % pool.length]! + ' ' + i);
    texts.push('ends high \uD83D', '\uDE00 starts low');
    const packed = packTexts(texts);
    const u = new TextUnpacker(packed);
    expect(texts.map((_, d) => u.text(d))).toEqual(texts);
    // Only the texts with a lone surrogate travel as strings.
    expect(packed.odd.map(([d]) => d)).toEqual(texts.flatMap((t, d) => (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t) ? [d] : [])));
  });

  it('packs no texts', () => {
    const packed = packTexts([]);
    expect(packed.ends.length).toBe(0);
    expect(packed.bytes.length).toBe(0);
  });
});
