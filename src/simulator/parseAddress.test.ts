import {
  MAX_COLUMNS,
  MAX_ROWS,
  columnIndexOrUndefined,
  columnLetters,
  formatAddress,
  formatRect,
  parseAddress,
  parseAddressOrUndefined,
  quoteSheetName,
  splitAddressList,
} from './parseAddress';

describe('parseAddressOrUndefined', () => {
  describe('when given a single cell', () => {
    it('reads A1 as the top-left cell', () => {
      expect(parseAddressOrUndefined('A1')).toEqual({ rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } });
    });

    it('reads two-letter columns and multi-digit rows', () => {
      expect(parseAddressOrUndefined('AA10')?.rect).toEqual({ row: 9, column: 26, rowCount: 1, columnCount: 1 });
    });

    it('ignores $ anchors and letter case', () => {
      expect(parseAddressOrUndefined('$g$12')?.rect).toEqual({ row: 11, column: 6, rowCount: 1, columnCount: 1 });
    });

    it('accepts the last cell of the grid and rejects one past it', () => {
      expect(parseAddressOrUndefined('XFD1048576')?.rect).toEqual({ row: MAX_ROWS - 1, column: MAX_COLUMNS - 1, rowCount: 1, columnCount: 1 });
      expect(parseAddressOrUndefined('XFE1')).toBeUndefined();
      expect(parseAddressOrUndefined('A1048577')).toBeUndefined();
      expect(parseAddressOrUndefined('A0')).toBeUndefined();
    });
  });

  describe('when given a rectangle', () => {
    it('reads A1:L200', () => {
      expect(parseAddressOrUndefined('A1:L200')?.rect).toEqual({ row: 0, column: 0, rowCount: 200, columnCount: 12 });
    });

    it('normalizes reversed corners', () => {
      expect(parseAddressOrUndefined('C5:A1')?.rect).toEqual({ row: 0, column: 0, rowCount: 5, columnCount: 3 });
    });

    it('reads whole columns and whole rows', () => {
      expect(parseAddressOrUndefined('G:G')?.rect).toEqual({ row: 0, column: 6, rowCount: MAX_ROWS, columnCount: 1 });
      expect(parseAddressOrUndefined('3:5')?.rect).toEqual({ row: 2, column: 0, rowCount: 3, columnCount: MAX_COLUMNS });
    });
  });

  describe('when the address names its sheet', () => {
    it('splits a plain sheet name', () => {
      expect(parseAddressOrUndefined('Allocations!A1:L200')).toEqual({
        sheetName: 'Allocations',
        rect: { row: 0, column: 0, rowCount: 200, columnCount: 12 },
      });
    });

    it('unquotes a name with spaces', () => {
      expect(parseAddressOrUndefined("'Resolution log'!B2")?.sheetName).toBe('Resolution log');
    });

    it("undoubles apostrophes inside a quoted name", () => {
      expect(parseAddressOrUndefined("'Bob''s plan'!A1")?.sheetName).toBe("Bob's plan");
    });

    it('rejects an unquoted name with spaces', () => {
      expect(parseAddressOrUndefined('Resolution log!A1')).toBeUndefined();
    });
  });

  describe('when the address is malformed', () => {
    it.each(['', 'A', '1', 'A1:', ':A1', 'A1:B2:C3', 'A1:C', '1A', "'unterminated!A1", 'Sheet1!'])('rejects %j', (text) => {
      expect(parseAddressOrUndefined(text)).toBeUndefined();
    });

    it('makes parseAddress throw InvalidArgument', () => {
      expect(() => parseAddress('nonsense')).toThrow(expect.objectContaining({ code: 'InvalidArgument' }));
    });
  });
});

describe('columnLetters and columnIndexOrUndefined', () => {
  it('round-trip across the one-, two- and three-letter boundaries', () => {
    for (const index of [0, 25, 26, 51, 52, 701, 702, MAX_COLUMNS - 1]) expect(columnIndexOrUndefined(columnLetters(index))).toBe(index);
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(MAX_COLUMNS - 1)).toBe('XFD');
  });
});

describe('formatAddress', () => {
  it('spells cells, rectangles, whole columns and whole rows as Excel does', () => {
    expect(formatAddress('Allocations', parseAddress('A1:L200').rect)).toBe('Allocations!A1:L200');
    expect(formatAddress('Allocations', parseAddress('G12').rect)).toBe('Allocations!G12');
    expect(formatAddress('Allocations', parseAddress('G:H').rect)).toBe('Allocations!G:H');
    expect(formatAddress('Allocations', parseAddress('3:3').rect)).toBe('Allocations!3:3');
  });

  it('quotes sheet names Excel would quote', () => {
    expect(formatAddress('Resolution log', parseAddress('A1').rect)).toBe("'Resolution log'!A1");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('2025')).toBe("'2025'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
  });

  it('is undone by parsing', () => {
    for (const text of ['A1', 'B2:D9', 'G:G', '4:7']) expect(formatRect(parseAddress(text).rect)).toBe(text);
  });
});

describe('splitAddressList', () => {
  it('splits on commas and semicolons, trimming spaces', () => {
    expect(splitAddressList('A1:A3, C5;E7:F9')).toEqual(['A1:A3', 'C5', 'E7:F9']);
  });

  it('keeps separators inside quoted sheet names', () => {
    expect(splitAddressList("'a,b'!A1, C2")).toEqual(["'a,b'!A1", 'C2']);
  });
});
