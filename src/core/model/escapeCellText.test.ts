import { escapeCellText } from './escapeCellText';

describe('escapeCellText', () => {
  describe.each([['='], ['+'], ['-'], ['@'], ['\t'], ['\r']])('when text starts with %j', (start) => {
    it('prefixes an apostrophe so the cell keeps it as text', () => {
      expect(escapeCellText(`${start}SUM(A1:A9)`)).toBe(`'${start}SUM(A1:A9)`);
    });
  });

  it('leaves ordinary text, and those characters later in the text, alone', () => {
    expect(escapeCellText('Both teams agree = fine')).toBe('Both teams agree = fine');
    expect(escapeCellText('2026-04-14')).toBe('2026-04-14');
    expect(escapeCellText('')).toBe('');
  });
});
