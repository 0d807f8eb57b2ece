import { normalizeHeader, normalizeName } from './normalizeName';

describe('normalizeName', () => {
  describe('when names differ only in case, spaces, hyphens or underscores', () => {
    it.each([['Trainium 2'], ['trainium-2'], ['TRAINIUM_2'], ['  Trainium2 '], ['Trai nium\t2']])('gives %p the key of Trainium2', (text) => {
      expect(normalizeName(text)).toBe(normalizeName('Trainium2'));
    });

    it('matches region spellings such as US_EAST_1 and us-east-1', () => {
      expect(normalizeName('US_EAST_1')).toBe(normalizeName('us-east-1'));
    });
  });

  describe('when names differ in letters, digits or other punctuation', () => {
    it('keeps them apart', () => {
      expect(normalizeName('Trainium2')).not.toBe(normalizeName('Trainium1'));
      expect(normalizeName('TPU v5p')).not.toBe(normalizeName('TPU v5e'));
      expect(normalizeName('A100 (80GB)')).not.toBe(normalizeName('A100 80GB'));
    });
  });

  describe('when the text is blank', () => {
    it('gives the empty key', () => {
      expect(normalizeName(' - _ ')).toBe('');
    });
  });
});

describe('normalizeHeader', () => {
  describe('when headers differ in case, spaces or any punctuation', () => {
    it.each([
      ['TFLOP/s', 'TFLOPS'],
      ['# chips', 'Chips'],
      ['Start_Date', 'start date'],
      ['Booking-ID', 'booking id'],
      ['Peak TFLOPS:', 'peak tflops'],
    ])('gives %p the key of %p', (header, same) => {
      expect(normalizeHeader(header)).toBe(normalizeHeader(same));
    });
  });

  describe('when the header has letters beyond ASCII', () => {
    it('keeps them', () => {
      expect(normalizeHeader('Région')).toBe('région');
    });
  });
});
