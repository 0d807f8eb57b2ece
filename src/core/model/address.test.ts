import {
  cellsToRanges, columnIndex, columnLetters, formatCellAddress, formatRangeAddress, formatSheetRangeAddress, MAX_COLUMNS, MAX_ROWS,
  parseCellAddress, parseRangeAddress, quoteSheetName, sheetCellAddress, splitAddressList,
} from './address';

describe('parseRangeAddress', () => {
  describe('when given a single cell', () => {
    it('reads A1 as the top-left cell', () => {
      expect(parseRangeAddress('A1')).toEqual({ range: { row: 0, column: 0, rowCount: 1, columnCount: 1 } });
    });

    it('reads two-letter columns and multi-digit rows', () => {
      expect(parseRangeAddress('AA10')?.range).toEqual({ row: 9, column: 26, rowCount: 1, columnCount: 1 });
    });

    it('ignores $ anchors and letter case', () => {
      expect(parseRangeAddress('$g$12')?.range).toEqual({ row: 11, column: 6, rowCount: 1, columnCount: 1 });
    });

    it('accepts the last cell of the grid and rejects one past it', () => {
      expect(parseRangeAddress('XFD1048576')?.range).toEqual({ row: MAX_ROWS - 1, column: MAX_COLUMNS - 1, rowCount: 1, columnCount: 1 });
      expect(parseRangeAddress('XFE1')).toBeUndefined();
      expect(parseRangeAddress('A1048577')).toBeUndefined();
      expect(parseRangeAddress('A0')).toBeUndefined();
    });
  });

  describe('when given a rectangle', () => {
    it('reads A1:L200', () => {
      expect(parseRangeAddress('A1:L200')?.range).toEqual({ row: 0, column: 0, rowCount: 200, columnCount: 12 });
    });

    it('normalizes reversed corners', () => {
      expect(parseRangeAddress('C5:A1')?.range).toEqual({ row: 0, column: 0, rowCount: 5, columnCount: 3 });
    });

    it('reads whole columns and whole rows', () => {
      expect(parseRangeAddress('G:G')?.range).toEqual({ row: 0, column: 6, rowCount: MAX_ROWS, columnCount: 1 });
      expect(parseRangeAddress('3:5')?.range).toEqual({ row: 2, column: 0, rowCount: 3, columnCount: MAX_COLUMNS });
    });
  });

  describe('when the address names its sheet', () => {
    it('splits a plain sheet name', () => {
      expect(parseRangeAddress('Allocations!A1:L200')).toEqual({
        sheetName: 'Allocations',
        range: { row: 0, column: 0, rowCount: 200, columnCount: 12 },
      });
    });

    it('unquotes a name with spaces', () => {
      expect(parseRangeAddress("'Resolution log'!B2")?.sheetName).toBe('Resolution log');
    });

    it("undoubles apostrophes inside a quoted name", () => {
      expect(parseRangeAddress("'Bob''s plan'!A1")?.sheetName).toBe("Bob's plan");
    });

    it('rejects an unquoted name with spaces', () => {
      expect(parseRangeAddress('Resolution log!A1')).toBeUndefined();
    });
  });

  describe('when the address is malformed', () => {
    it.each(['', 'A', '1', 'A1:', ':A1', 'A1:B2:C3', 'A1:C', '1A', "'unterminated!A1", 'Sheet1!'])('rejects %j', (text) => {
      expect(parseRangeAddress(text)).toBeUndefined();
    });
  });
});

/** The range an address names; the test fails on one that does not parse. */
function rangeOf(text: string) {
  const parsed = parseRangeAddress(text);
  if (parsed === undefined) throw new Error(`"${text}" did not parse`);
  return parsed;
}

describe('columnLetters and columnIndex', () => {
  it('round-trip across the one-, two- and three-letter boundaries', () => {
    for (const index of [0, 25, 26, 51, 52, 701, 702, MAX_COLUMNS - 1]) expect(columnIndex(columnLetters(index))).toBe(index);
    expect(columnLetters(26)).toBe('AA');
    expect(columnLetters(MAX_COLUMNS - 1)).toBe('XFD');
  });
});

describe('formatAddress', () => {
  it('spells cells, rectangles, whole columns and whole rows as Excel does', () => {
    expect(formatSheetRangeAddress('Allocations', rangeOf('A1:L200').range)).toBe('Allocations!A1:L200');
    expect(formatSheetRangeAddress('Allocations', rangeOf('G12').range)).toBe('Allocations!G12');
    expect(formatSheetRangeAddress('Allocations', rangeOf('G:H').range)).toBe('Allocations!G:H');
    expect(formatSheetRangeAddress('Allocations', rangeOf('3:3').range)).toBe('Allocations!3:3');
  });

  it('quotes sheet names Excel would quote', () => {
    expect(formatSheetRangeAddress('Resolution log', rangeOf('A1').range)).toBe("'Resolution log'!A1");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName('2025')).toBe("'2025'");
    expect(quoteSheetName('A1')).toBe("'A1'");
    expect(quoteSheetName('Sheet1')).toBe('Sheet1');
  });

  it('is undone by parsing', () => {
    for (const text of ['A1', 'B2:D9', 'G:G', '4:7']) expect(formatRangeAddress(rangeOf(text).range)).toBe(text);
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

describe('parseCellAddress', () => {
  it('reads a cell as 0-based row and column indexes', () => {
    expect(parseCellAddress('A1')).toEqual({ row: 0, column: 0 });
    expect(parseCellAddress('$G$12')).toEqual({ row: 11, column: 6 });
    expect(parseCellAddress('xfd1048576')).toEqual({ row: MAX_ROWS - 1, column: MAX_COLUMNS - 1 });
  });

  it.each(['', 'A', '12', 'A0', 'A01', 'XFE1', 'A1048577', 'A1:B2', 'Sheet1!A1', 'A1 ', 'ZZZZZZ4', 'A99999999'])('rejects %j', (text) => {
    expect(parseCellAddress(text)).toBeUndefined();
  });

  it('is the inverse of formatCellAddress', () => {
    for (const cell of [{ row: 0, column: 0 }, { row: 11, column: 6 }, { row: 999, column: 701 }]) expect(parseCellAddress(formatCellAddress(cell))).toEqual(cell);
  });
});

describe('sheetCellAddress', () => {
  it('names the cell on a sheet row as a user numbers it', () => {
    expect(sheetCellAddress(12, 6)).toBe('G12');
    expect(sheetCellAddress(12, 6)).toBe(formatCellAddress({ row: 11, column: 6 }));
  });
});

describe('cellsToRanges', () => {
  it('joins adjacent columns of a row, then equal spans of consecutive rows', () => {
    const cells = [{ row: 1, column: 2 }, { row: 1, column: 3 }, { row: 2, column: 2 }, { row: 2, column: 3 }, { row: 2, column: 5 }, { row: 4, column: 2 }];
    expect(cellsToRanges(cells).map(formatRangeAddress)).toEqual(['C2:D3', 'F3', 'C5']);
  });

  it('covers each cell once when cells repeat', () => {
    expect(cellsToRanges([{ row: 0, column: 0 }, { row: 0, column: 0 }]).map(formatRangeAddress)).toEqual(['A1']);
  });

  it('gives nothing for no cells', () => {
    expect(cellsToRanges([])).toEqual([]);
  });
});
