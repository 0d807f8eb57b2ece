/**
 * The reader's limits on inputs too large to build in the quick loop: many sheets (read, in linear time as
 * the bench shows), and each limit of READER_LIMITS just past its value, refused with its sentence.
 */
import { randomBytes } from 'node:crypto';
import { readXlsxWorkbook } from '../../src/xlsx/readXlsxWorkbook';
import { READER_LIMITS } from '../../src/xlsx/readerLimits';
import { ReaderLimitExceeded } from '../../src/xlsx/zipArchive';
import { DECLARATION, deflatedEntryZip, hostileBytes, number, text, workbookPackage, worksheet } from './hostileWorkbooks';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('reader limits', () => {
  it.each([5_000, 20_000])('reads all %i sheets of a workbook, in tab order', (count) => {
    const bytes = hostileBytes({ sheets: Array.from({ length: count }, (_, i) => ({ name: `S${i + 1}`, xml: `<row r="1">${number('A1', i + 1)}</row>` })) });
    const { sheets } = readXlsxWorkbook(bytes).snapshot;
    expect(sheets.length).toBe(count);
    expect(sheets.every((sheet, i) => sheet.name === `S${i + 1}` && sheet.rows[0]?.[0] === i + 1)).toBe(true);
  });

  it(`refuses more than ${READER_LIMITS.maxSheets} worksheets`, () => {
    // Every sheet of the list points at the one sheet part: the list alone passes the limit.
    const count = READER_LIMITS.maxSheets + 1;
    const parts = workbookPackage({ sheets: [{ name: 'S', xml: '' }] }).map(([name, content]) => {
      if (name === 'xl/workbook.xml') {
        const sheets = Array.from({ length: count }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
        return [name, `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`] as const;
      }
      if (name === 'xl/_rels/workbook.xml.rels') {
        const rels = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`).join('');
        return [name, `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`] as const;
      }
      return [name, content] as const;
    });
    const bytes = deflatedEntryZip(parts.map(([name, content]) => [name, Buffer.from(content)] as const));
    expect(() => readXlsxWorkbook(bytes)).toThrow(new ReaderLimitExceeded(`it has more than ${READER_LIMITS.maxSheets} worksheets, more than the reader accepts`));
  });

  it(`refuses more than ${READER_LIMITS.maxEntries} zip entries before reading any`, () => {
    const entries = Array.from({ length: READER_LIMITS.maxEntries + 1 }, (_, i) => [`media/${i}.bin`, Buffer.alloc(0)] as const);
    expect(() => readXlsxWorkbook(deflatedEntryZip(entries))).toThrow(new ReaderLimitExceeded(`it has ${READER_LIMITS.maxEntries + 1} zip entries, more than the ${READER_LIMITS.maxEntries} the reader accepts`));
  });

  it('reads a cell text of the longest length accepted, and refuses one character more', () => {
    const cell = (length: number) => hostileBytes({ sheets: [{ name: 'S', xml: `<row r="1">${text('A1', 'x'.repeat(length))}</row>` }] });
    expect(readXlsxWorkbook(cell(READER_LIMITS.maxStringLength)).snapshot.sheets[0].rows[0]?.[0]).toHaveLength(READER_LIMITS.maxStringLength);
    expect(() => readXlsxWorkbook(cell(READER_LIMITS.maxStringLength + 1))).toThrow(
      new ReaderLimitExceeded(`the cell A1 of sheet S has a text of ${READER_LIMITS.maxStringLength + 1} characters, more than the ${READER_LIMITS.maxStringLength} the reader accepts in a cell`),
    );
  });

  it('refuses a comment longer than any piece of markup a workbook holds', () => {
    // Random text, so that the part does not deflate like a zip bomb.
    const comment = randomBytes((READER_LIMITS.maxTokenChars * 3) / 4 + 3).toString('base64');
    const bytes = hostileBytes({ sheets: [{ name: 'S', xml: worksheet(`<!--${comment}-->`) }] });
    expect(() => readXlsxWorkbook(bytes)).toThrow(/^its part xl\/worksheets\/sheet1\.xml has a piece of markup or text longer than 16777216 characters \(line 2, column \d+\)$/);
  });

  it('refuses rows that reach far enough right to pass the cell slots of the snapshot', () => {
    const rows = Math.floor(READER_LIMITS.maxCellSlots / 16_384) + 1;
    const bytes = hostileBytes({ sheets: [{ name: 'S', xml: Array.from({ length: rows }, (_, i) => `<row r="${i + 1}">${number(`XFD${i + 1}`, 1)}</row>`).join('') }] });
    expect(() => readXlsxWorkbook(bytes)).toThrow(new ReaderLimitExceeded(`its sheets hold more than ${READER_LIMITS.maxCellSlots} cells (each row counted to its last cell)`));
  });
});
