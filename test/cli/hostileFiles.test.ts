/**
 * Hostile and odd .xlsx files, each with the answer a user gets: the exact one-line refusal (exit 2), or
 * exactly the cells Excel would show. Time and memory on them are measured by `npm run bench -- --reader`,
 * never asserted here.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readXlsxWorkbook } from '../../src/xlsx/readXlsxWorkbook';
import { makeTempDir, removeTempDir } from '../fixtures/buildWorkbooks';
import {
  bookingRow, DECLARATION, deflatedEntryZip, headerRow, hostileBytes, number, patchEntry, sharedStrings, text, utf16le, workbookPackage, worksheet,
} from '../xlsx/hostileWorkbooks';
import { checkJson, runInProcess } from './cliHarness';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET = 'xl/worksheets/sheet1.xml';
const oneSheet = (xml: string | Uint8Array) => hostileBytes({ sheets: [{ name: 'Allocations', xml }] });
const rowsOf = (bytes: Buffer) => readXlsxWorkbook(bytes).snapshot.sheets[0].rows;

/** A sheet part of 64 MiB that deflates about 1,000 to 1: spaces inside the worksheet element. */
function zipBomb(): Buffer {
  const parts = workbookPackage({ sheets: [{ name: 'Allocations', xml: '' }] }).map(([name, content]) => [name, Buffer.from(content)] as const);
  const open = `${DECLARATION}<worksheet xmlns="${MAIN}"><sheetData/>`;
  const sheet = Buffer.concat([Buffer.from(open), Buffer.alloc(64 * 1024 ** 2, 0x20), Buffer.from('</worksheet>')]);
  return deflatedEntryZip(parts.map(([name, content]) => [name, name === SHEET ? sheet : content] as const));
}

describe('hostile files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(() => removeTempDir(dir));

  async function refusal(bytes: Buffer, name: string): Promise<{ code: number; stderr: string; file: string }> {
    const file = path.join(dir, `${name}.xlsx`);
    await fs.writeFile(file, bytes);
    const run = await runInProcess([file]);
    expect(run.stdout).toBe('');
    return { code: run.code, stderr: run.stderr, file };
  }

  const unreadable = 'is not a readable .xlsx workbook:';
  const limited = "is refused by the reader's limits:";
  const entityBomb =
    `${DECLARATION}<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">` +
    `<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', '&lol3;')}</row></sheetData></worksheet>`;
  const refused: Array<[string, () => Buffer, string]> = [
    ['an entity bomb (billion laughs)', () => oneSheet(entityBomb), `${unreadable} its part ${SHEET} has a DOCTYPE (line 2, column 182), which workbook parts never have; its entities are not read`],
    [
      'an external entity (XXE)',
      () => oneSheet(`${DECLARATION}<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', '&xxe;')}</row></sheetData></worksheet>`),
      `${unreadable} its part ${SHEET} has a DOCTYPE (line 2, column 65), which workbook parts never have; its entities are not read`,
    ],
    [
      'an external DTD',
      () => oneSheet(`${DECLARATION}<!DOCTYPE worksheet SYSTEM "http://attacker.example/evil.dtd"><worksheet xmlns="${MAIN}"><sheetData/></worksheet>`),
      `${unreadable} its part ${SHEET} has a DOCTYPE (line 2, column 63), which workbook parts never have; its entities are not read`,
    ],
    ['an entity that no DTD declares', () => oneSheet(`<row r="1">${text('A1', '&xxe;')}</row>`), `${unreadable} its part ${SHEET} is not well-formed XML (line 2, column 214: undefined entity)`],
    ['a zip bomb (64 MiB of one byte)', zipBomb, `${limited} its part ${SHEET} is compressed more than 200 to 1, as zip bombs are`],
    ['a part that says it inflates to 3 GiB', () => patchEntry(oneSheet(`<row r="1">${number('A1', 1)}</row>`), SHEET, { size: 3 * 1024 ** 3 }), `${limited} its part ${SHEET} inflates to more than 2 GiB, more than the reader accepts for one part`],
    ['a part that inflates to more than it says', () => patchEntry(oneSheet(`<row r="1">${number('A1', 1)}</row>`), SHEET, { size: 10 }), `${unreadable} its part ${SHEET} is damaged (it inflates to more bytes than the archive says)`],
    ['a wrong CRC-32', () => patchEntry(oneSheet(`<row r="1">${number('A1', 1)}</row>`), SHEET, { crc: 0x12345678 }), `${unreadable} its part ${SHEET} is damaged (its CRC-32 does not match)`],
    ['a cell at ZZZZZZ4', () => oneSheet(`<row r="4">${number('ZZZZZZ4', 1)}</row>`), `${unreadable} its part ${SHEET} has a cell at ZZZZZZ4, which is not a cell of Excel's grid A1:XFD1048576`],
    ['a cell in row 2,000,000,000', () => oneSheet(`<row r="2000000000">${number('A2000000000', 1)}</row>`), `${unreadable} its part ${SHEET} has a row numbered 2000000000, outside Excel's rows 1 to 1048576`],
    ['a cell in row 1,048,577', () => oneSheet(`<row r="1048576">${number('A1048576', 1)}</row><row>${text('A1048577', 'x').replace(' r="A1048577"', '')}</row>`), `${unreadable} its part ${SHEET} has a row numbered 1048577, outside Excel's rows 1 to 1048576`],
    ['a sheet cut short', () => oneSheet(worksheet(`<row r="1">${number('A1', 1)}</row><row r="2">${number('A2', 2)}`).slice(0, -40)), `${unreadable} its part ${SHEET} is not well-formed XML (line 2, column 223: unclosed tag: row)`],
    ['a shared strings part that is referenced but missing', () => hostileBytes({ sharedStringsMissing: true, sheets: [{ name: 'Allocations', xml: `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` }] }), `${unreadable} xl/sharedStrings.xml is referenced but missing`],
    ['shared-string cells without a shared strings part', () => oneSheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`), `${unreadable} the cell A1 of sheet Allocations refers to a shared string, but the workbook has no shared strings part`],
    [
      'a shared string index past the part',
      () => hostileBytes({ sharedStrings: sharedStrings(['Provider']), sheets: [{ name: 'Allocations', xml: `<row r="1"><c r="B1" t="s"><v>3</v></c></row>` }] }),
      `${unreadable} the cell B1 of sheet Allocations refers to shared string 3, but xl/sharedStrings.xml has 1`,
    ],
    ['a part in windows-1252', () => oneSheet(worksheet(`<row r="1">${number('A1', 1)}</row>`).replace('UTF-8', 'windows-1252')), `${unreadable} its part ${SHEET} is declared as windows-1252; the reader reads UTF-8 and UTF-16 only`],
    ['a part that is not UTF-8', () => oneSheet(Buffer.concat([Buffer.from(worksheet('<row r="1"><c r="A1" t="inlineStr"><is><t>')), Buffer.from([0xe9]), Buffer.from('</t></is></c></row>')])), `${unreadable} its part ${SHEET} is not valid UTF-8`],
    ['an empty file', () => Buffer.alloc(0), `${unreadable} it is not a zip archive (the file is empty)`],
    ['a file cut short', () => oneSheet(`<row r="1">${number('A1', 1)}</row>`).subarray(0, 300), `${unreadable} it is not a zip archive (no end of central directory: not a zip, or cut short)`],
  ];

  it.each(refused)('refuses %s in one line with exit 2', async (name, build, expected) => {
    const { code, stderr, file } = await refusal(build(), name.replace(/\W+/g, '-'));
    expect({ code, stderr }).toEqual({ code: 2, stderr: `capacity-check: ${file} ${expected}\n` });
  });

  it('refuses a worksheet that the workbook lists but the archive lacks', async () => {
    const archiveWithout = workbookPackage({ sheets: [{ name: 'Allocations', xml: '' }] }).filter(([name]) => name !== SHEET);
    const bytes = deflatedEntryZip(archiveWithout.map(([name, content]) => [name, Buffer.from(content)] as const));
    const { code, stderr, file } = await refusal(bytes, 'missing-sheet');
    expect({ code, stderr }).toEqual({ code: 2, stderr: `capacity-check: ${file} ${unreadable} ${SHEET} is referenced but missing\n` });
  });

  describe('XML read as XML, not as text', () => {
    const bookings = (middle: string) => oneSheet(headerRow() + bookingRow(2, 'BK-1', 46126, 46130) + middle + bookingRow(4, 'BK-3', 46200, 46210));

    it('leaves a commented-out booking out: no phantom row, no phantom conflict', async () => {
      const file = path.join(dir, 'commented-row.xlsx');
      await fs.writeFile(file, bookings(`<!-- ${bookingRow(3, 'BK-2', 46126, 46130)} -->`));
      const { code, report } = await checkJson([file]);
      expect(code).toBe(0);
      expect(report.rows).toBe(2);
      expect(report.conflicts).toEqual([]);
    });

    it('reads every row after a comment holding </sheetData>', () => {
      expect(rowsOf(oneSheet(`<!-- </sheetData> --><row r="1">${number('A1', 1)}</row><row r="2">${number('A2', 2)}</row>`))).toEqual([[1], [2]]);
    });

    it('reads nothing inside a processing instruction and reads CDATA as text', () => {
      const rows = rowsOf(oneSheet(`<?capacity <row r="1">${number('A1', 9)}</row>?><row r="2"><c r="A2"><v><![CDATA[42]]></v></c><c r="B2" t="inlineStr"><is><t><![CDATA[a<b & c]]></t></is></c></row>`));
      expect(rows).toEqual([undefined, [42, 'a<b & c']]);
    });

    it('reads a cell whose attribute holds a ">"', () => {
      expect(rowsOf(oneSheet(`<row r="1"><c r="B1" x="a>b" t="inlineStr"><is><t>Trainium2</t></is></c></row>`))).toEqual([[null, 'Trainium2']]);
    });

    it('reads a literal CR LF as LF, as XML does, and _x000D_ as a CR', () => {
      expect(rowsOf(oneSheet(`<row r="1">${text('A1', 'two\r\nlines')}${text('B1', 'cr_x000D_here')}${text('C1', '_x005F_x000D_')}</row>`))).toEqual([['two\nlines', 'cr\rhere', '_x000D_']]);
    });

    it('reads time-only and date-time t="d" cells as serials', () => {
      const rows = rowsOf(oneSheet(`<row r="1"><c r="A1" t="d"><v>10:30:00</v></c><c r="B1" t="d"><v>2026-04-14T18:00:00Z</v></c><c r="C1" t="d"><v>T06:00</v></c><c r="D1" t="d"><v>soon</v></c></row>`));
      expect(rows).toEqual([[0.4375, 46126.75, 0.25, 'soon']]);
    });

    it('reads a UTF-16 sheet and a UTF-16 shared strings part', () => {
      const bytes = hostileBytes({
        sharedStrings: utf16le(sharedStrings(['Zoë', '東京']).replace('UTF-8', 'UTF-16')),
        sheets: [{ name: 'Allocations', xml: utf16le(worksheet(`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>0</v></c>${text('C1', 'ok🚀')}</row>`).replace('UTF-8', 'UTF-16')) }],
      });
      expect(rowsOf(bytes)).toEqual([['東京', 'Zoë', 'ok🚀']]);
    });

    it('reads a cell at XFD1048576, the last of the grid', () => {
      const rows = rowsOf(oneSheet(`<row r="1048576">${number('XFD1048576', 7)}</row>`));
      expect(rows.length).toBe(1_048_576);
      expect(rows[1_048_575]?.length).toBe(16_384);
      expect(rows[1_048_575]?.[16_383]).toBe(7);
    });
  });
});
