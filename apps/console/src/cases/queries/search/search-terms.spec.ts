import { MAX_SEARCH_WORDS, searchTermsOf } from './search-terms';

describe('searchTermsOf', () => {
  it('keeps Kazakh letters and lower-cases them', () => {
    expect(searchTermsOf('ЖОЛДЫ Әкімдік ҚҰҢҒӨҮҺІ')).toEqual({
      prefixes: 'жолды:* & әкімдік:* & құңғөүһі:*',
      words: 'жолды & әкімдік & құңғөүһі',
    });
  });

  it('drops every tsquery operator and quote, so input is only ever words', () => {
    expect(searchTermsOf("ремонт & !дороги | 'x':* <-> (y)")).toEqual({
      prefixes: 'ремонт:* & дороги:* & x:* & y:*',
      words: 'ремонт & дороги & x & y',
    });
  });

  it('has no terms without a word, and uses at most the first words', () => {
    expect(searchTermsOf(' !? -- ')).toBeUndefined();
    const many = Array.from({ length: 20 }, (_, index) => `w${index}`).join(' ');
    expect(searchTermsOf(many)?.words.split(' & ')).toHaveLength(MAX_SEARCH_WORDS);
  });
});
