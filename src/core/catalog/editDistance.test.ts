import { editDistance, typoAllowance } from './editDistance';

describe('editDistance', () => {
  describe('when the strings are equal', () => {
    it('returns 0', () => {
      expect(editDistance('trainium2', 'trainium2')).toBe(0);
      expect(editDistance('', '')).toBe(0);
    });
  });

  describe('when one string is empty', () => {
    it('returns the length of the other', () => {
      expect(editDistance('', 'h100')).toBe(4);
      expect(editDistance('h100', '')).toBe(4);
    });
  });

  describe('when one edit separates them', () => {
    it.each([
      ['h10o', 'h100', 'a substitution'],
      ['gogle', 'google', 'an insertion'],
      ['googgle', 'google', 'a deletion'],
      ['trainuim2', 'trainium2', 'an adjacent transposition'],
    ])('counts %p → %p (%s) as 1', (a, b) => {
      expect(editDistance(a, b)).toBe(1);
      expect(editDistance(b, a)).toBe(1);
    });
  });

  describe('when several edits separate them', () => {
    it('adds them up', () => {
      expect(editDistance('kitten', 'sitting')).toBe(3);
      expect(editDistance('trainium1', 'trainuim2')).toBe(2);
    });

    it('does not reuse a transposed character (optimal string alignment)', () => {
      expect(editDistance('ca', 'abc')).toBe(3);
    });
  });

  describe('when a limit is given', () => {
    it('returns the exact distance when it is within the limit', () => {
      expect(editDistance('trainuim2', 'trainium2', 3)).toBe(1);
      expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    });

    it('returns limit + 1 once the distance must exceed it', () => {
      expect(editDistance('banana', 'trainium2', 2)).toBe(3);
      expect(editDistance('abc', 'xyz', 1)).toBe(2);
      expect(editDistance('a', 'abcdef', 2)).toBe(3);
    });
  });
});

describe('typoAllowance', () => {
  describe('when names get longer', () => {
    it('allows 1 edit up to 3 characters, 2 up to 8 and 3 beyond', () => {
      expect([1, 3, 4, 8, 9, 20].map(typoAllowance)).toEqual([1, 1, 2, 2, 3, 3]);
    });
  });
});
