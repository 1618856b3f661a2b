import { describe, expect, it } from 'vitest';
import { flatten } from '../../../src/filters/matcher/flat.js';
import { createTrie, insertTerm } from '../../../src/filters/matcher/trie.js';
import { walkView, type ViewHit } from '../../../src/filters/matcher/walk.js';
import { normalize } from '../../../src/filters/normalize/index.js';

function hits(terms: string[], text: string): string[] {
  const root = createTrie();
  terms.forEach((t, i) => {
    insertTerm(root, t, i);
  });
  const view = normalize(text).accented;
  const found: ViewHit[] = [];
  walkView(view, flatten(root), (h) => found.push(h));
  return found.map((h) => `${terms[h.entry]}@${text.slice(view.start[h.start], view.end[h.end - 1])}`);
}

describe('walkView', () => {
  it('matches whole words only, with Unicode-aware boundaries', () => {
    expect(hits(['cặc'], 'cặc')).toEqual(['cặc@cặc']);
    expect(hits(['ass'], 'class assessment')).toEqual([]);
    expect(hits(['ngu'], 'Nguyễn ngu')).toEqual(['ngu@ngu']);
    expect(hits(['đĩ'], 'đĩa')).toEqual([]);
  });

  it('lets a term’s space match separators or nothing, but not clause punctuation', () => {
    expect(hits(['địt mẹ'], 'địt mẹ')).toEqual(['địt mẹ@địt mẹ']);
    expect(hits(['địt mẹ'], 'địtmẹ')).toEqual(['địt mẹ@địtmẹ']);
    expect(hits(['địt mẹ'], 'địt - mẹ')).toEqual(['địt mẹ@địt - mẹ']);
    expect(hits(['thưởng nạp'], 'thưởng, nạp')).toEqual([]);
  });

  it('accepts a doubled letter where the term has one', () => {
    expect(hits(['đm'], 'Đmmmm')).toEqual(['đm@Đmmmm']);
    expect(hits(['ngu'], 'nguuuu')).toEqual(['ngu@nguuuu']);
  });

  it('lets a mask stand for one letter', () => {
    expect(hits(['cac', 'fuck'], 'c*c f*ck')).toEqual(['cac@c*c', 'fuck@f*ck']);
  });

  it('reports each match once', () => {
    expect(hits(['giải ngân trong ngày'], 'giải ngân trong ngày')).toHaveLength(1);
  });
});

describe('walkView on a large alphabet', () => {
  it('finds terms along units beyond the 255 of the dense rows', () => {
    // 300 two-letter CJK terms sharing first units: their second units overflow the symbols.
    const terms: string[] = [];
    for (let i = 0; i < 300; i++) terms.push(String.fromCharCode(0x4e00 + (i % 3), 0x5000 + i));
    terms.push('ab', 'ac');
    const text = `${terms[0]} ${terms[150]} ${terms[299]} ac x`;
    expect(hits(terms, text)).toEqual([`${terms[0]}@${terms[0]}`, `${terms[150]}@${terms[150]}`, `${terms[299]}@${terms[299]}`, 'ac@ac']);
  });
});
