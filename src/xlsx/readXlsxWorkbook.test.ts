import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { SAMPLE_PATH } from '../../scripts/generateSample';
import * as fixtures from '../../test/fixtures/buildWorkbooks';
import { inlineRow, rawWorkbookBytes } from '../../test/fixtures/rawXlsx';
import { hostileBytes, worksheet } from '../../test/xlsx/hostileWorkbooks';
import { CellValue, WorkbookSnapshot } from '../core';
import { snapshotFromExcelJs } from './snapshotFromExcelJs';
import { readXlsxWorkbook } from './readXlsxWorkbook';
import { UnreadableArchive, ZipArchive } from './zipArchive';

/** Rows as plain arrays with trailing empty cells dropped and empty rows as undefined: what both readers must agree on. */
function comparable(snapshot: WorkbookSnapshot) {
  return {
    date1904: snapshot.date1904,
    sheets: snapshot.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility ?? 'visible',
      rows: Array.from({ length: sheet.rows.length }, (_, index) => {
        const cells: Array<CellValue | undefined> = [...(sheet.rows[index] ?? [])];
        while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === undefined)) cells.pop();
        return cells.length === 0 ? undefined : cells.map((cell) => cell ?? null);
      }).filter((_, index, all) => all.slice(index).some((row) => row !== undefined)),
    })),
  };
}

async function viaExcelJs(file: string): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return snapshotFromExcelJs(workbook);
}

const cellsOf = (bytes: Buffer, sheet = 0) => readXlsxWorkbook(bytes).snapshot.sheets[sheet].rows;

describe('readXlsxWorkbook', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fixtures.makeTempDir();
  });
  afterAll(() => fixtures.removeTempDir(dir));

  describe('compared with reading through ExcelJS (the slow reference)', () => {
    const builders: Array<[string, (dir: string) => Promise<string>]> = [
      ['synonyms and a merged title', fixtures.buildSynonymsWorkbook],
      ['text dates', fixtures.buildTextDatesWorkbook],
      ['the 1904 date system', fixtures.build1904Workbook],
      ['formulas and error values', fixtures.buildFormulasWorkbook],
      ['hidden rows, unicode and a long note', fixtures.buildMessyCellsWorkbook],
      ['a header only', fixtures.buildHeaderOnlyWorkbook],
      ['a Capacity sheet', fixtures.buildCapacityWorkbook],
      ['shared styles', fixtures.buildSharedStylesWorkbook],
      ['white fills', fixtures.buildWhiteFillWorkbook],
      ['a resolution log', (at) => fixtures.buildResolutionLogWorkbook(at, [{ conflict: 'C-12345678', action: 'accept', reason: 'fine & dandy' }])],
      ['a large sheet', async (at) => (await fixtures.buildLargeWorkbook(at, 1500)).path],
      ['the bundled sample', async () => SAMPLE_PATH],
    ];
    it.each(builders)('reads the same values from a workbook with %s', async (_, build) => {
      const file = await build(dir);
      const fast = readXlsxWorkbook(await fs.readFile(file)).snapshot;
      expect(comparable(fast)).toEqual(comparable(await viaExcelJs(file)));
    });
  });

  it('reads the cell types Excel writes: inline strings, booleans, errors, formula text and ISO dates', () => {
    const rows = cellsOf(rawWorkbookBytes({
      sheets: [{
        name: 'Allocations',
        rows:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Start</t></is></c><c r="B1" t="b"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c>' +
          '<c r="D1" t="str"><f>"Trn"&amp;"2"</f><v>Trn2</v></c><c r="E1" t="d"><v>2026-04-14T00:00:00</v></c><c r="F1"><v>46126</v></c>' +
          '<c r="G1" s="0"/><c r="H1" t="n"><v>1.5E3</v></c></row>',
      }],
    }));
    expect(rows[0]).toEqual(['Start', true, { error: '#N/A' }, 'Trn2', 46126, 46126, null, 1500]);
  });

  it('reads ISO date cells as serials of the 1904 system in a 1904 workbook', () => {
    const rows = cellsOf(rawWorkbookBytes({ date1904: true, sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="d"><v>2026-04-14</v></c></row>' }] }));
    expect(rows[0]).toEqual([46126 - 1462]);
  });

  it('reads shared strings: entities, rich text runs, no phonetic guides, _xHHHH_ escapes', () => {
    const rows = cellsOf(rawWorkbookBytes({
      sharedStrings: ['<t>Lab &amp; Co &#x41;&#66;</t>', '<r><rPr><b/></rPr><t>Trai</t></r><r><t xml:space="preserve">nium2 </t></r>', '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>', '<t>line_x000D_break</t>', '<t/>'],
      sheets: [{ name: 'S', rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>' }],
    }));
    expect(rows[0]).toEqual(['Lab & Co AB', 'Trainium2 ', '東京', 'line\rbreak', '']);
  });

  it('places cells and rows without addresses after the previous ones, as Excel does', () => {
    const rows = cellsOf(rawWorkbookBytes({
      sheets: [{ name: 'S', rows: '<row><c><v>1</v></c><c r="D1"><v>4</v></c><c><v>5</v></c></row><row r="3"><c><v>31</v></c></row><row><c r="B4"><v>42</v></c></row>' }],
    }));
    expect(rows).toEqual([[1, null, null, 4, 5], undefined, [31], [null, 42]]);
  });

  it('reads a workbook whose elements carry a namespace prefix (x:c), as the Open XML SDK writes them', () => {
    const snapshot = readXlsxWorkbook(rawWorkbookBytes({ prefix: 'x', sheets: [{ name: 'Plan', rows: inlineRow(1, ['Provider', 'Region'], 'x') + '<x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row>' }] })).snapshot;
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(['Plan']);
    expect(snapshot.sheets[0].rows).toEqual([['Provider', 'Region'], [7]]);
  });

  it('finds sheets through relationships: tab order, absolute targets, any file name, hidden states', () => {
    const snapshot = readXlsxWorkbook(rawWorkbookBytes({
      absoluteTargets: true,
      sheets: [
        { name: 'Second file first', file: 'zz.xml', rows: inlineRow(1, ['b']) },
        { name: 'Hidden', file: 'sheet1.xml', state: 'hidden', rows: inlineRow(1, ['a']) },
        { name: 'Add-in state', state: 'veryHidden', rows: inlineRow(1, ['c']) },
      ],
    })).snapshot;
    expect(snapshot.sheets.map((sheet) => [sheet.name, sheet.visibility, sheet.rows[0]?.[0]])).toEqual([
      ['Second file first', 'visible', 'b'],
      ['Hidden', 'hidden', 'a'],
      ['Add-in state', 'veryHidden', 'c'],
    ]);
  });

  it('finds the workbook without package relationships', () => {
    expect(cellsOf(rawWorkbookBytes({ withoutPackageRels: true, sheets: [{ name: 'S', rows: inlineRow(1, ['x']) }] }))).toEqual([['x']]);
  });

  describe('tables', () => {
    const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
    const tablePart = (attributes: string, columns: readonly string[]) =>
      `<?xml version="1.0" encoding="UTF-8"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${attributes}>` +
      `<tableColumns count="${columns.length}">${columns.map((name, index) => `<tableColumn id="${index + 1}" name="${name}"/>`).join('')}</tableColumns></table>`;
    const withTables = (parts: Record<string, string>, ids: readonly string[]) =>
      hostileBytes({
        sheets: [{
          name: 'Plan',
          xml: worksheet(inlineRow(2, ['ID', 'Chips']), `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`),
          rels: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
            `<Relationship Id="rT2" Type="${TABLE_REL}" Target="../tables/table2.xml"/><Relationship Id="rT1" Type="${TABLE_REL}" Target="/xl/tables/table1.xml"/></Relationships>`,
        }],
        parts,
      });

    it('reads each table of a sheet in the order its <tableParts> lists them, by the name users see', () => {
      const bytes = withTables({
        'xl/tables/table1.xml': tablePart('id="1" name="Table1" displayName="Bookings" ref="A2:B10" totalsRowCount="1"', ['ID', 'Chips']),
        'xl/tables/table2.xml': tablePart('id="2" name="Table2" displayName="Pools" ref="D1:E4" headerRowCount="0" totalsRowShown="0"', ['Two_x000a_lines', 'Block &amp; zone']),
      }, ['rT2', 'rT1']);
      expect(readXlsxWorkbook(bytes).snapshot.sheets[0].tables).toEqual([
        { name: 'Pools', range: { row: 0, column: 3, rowCount: 4, columnCount: 2 }, hasHeaderRow: false, hasTotalsRow: false, columns: ['Two\nlines', 'Block & zone'] },
        { name: 'Bookings', range: { row: 1, column: 0, rowCount: 9, columnCount: 2 }, hasHeaderRow: true, hasTotalsRow: true, columns: ['ID', 'Chips'] },
      ]);
    });

    it('refuses a table that is referenced but missing, and one without a range', () => {
      expect(() => readXlsxWorkbook(withTables({}, ['rT1']))).toThrow('xl/tables/table1.xml is referenced but missing');
      const rangeless = withTables({ 'xl/tables/table1.xml': tablePart('id="1" name="T" displayName="T"', ['ID']) }, ['rT1']);
      expect(() => readXlsxWorkbook(rangeless)).toThrow('its table T (xl/tables/table1.xml) has the range "", which is not a range of cells');
    });

    it('reads the same tables as ExcelJS from a workbook ExcelJS wrote', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Plan');
      sheet.addTable({ name: 'Bookings', ref: 'B2', headerRow: true, totalsRow: true, columns: [{ name: 'ID' }, { name: 'Chips', totalsRowFunction: 'sum' }], rows: [['a', 1], ['b', 2]] });
      sheet.addTable({ name: 'Pools', ref: 'F2', columns: [{ name: 'Pool' }], rows: [['p1']] });
      const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
      const reference = new ExcelJS.Workbook();
      await reference.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const tables = readXlsxWorkbook(bytes).snapshot.sheets[0].tables;
      expect(tables).toEqual(snapshotFromExcelJs(reference).sheets[0].tables);
      expect(tables?.map((table) => [table.name, table.range, table.hasTotalsRow])).toEqual([
        ['Bookings', { row: 1, column: 1, rowCount: 4, columnCount: 2 }, true],
        ['Pools', { row: 1, column: 5, rowCount: 2, columnCount: 1 }, false],
      ]);
    });
  });

  describe('when the bytes are not a workbook', () => {
    it.each([
      ['text', Buffer.from('Provider,Region\nAWS,us-east-1\n'), /not a zip archive/],
      ['an empty file', Buffer.alloc(0), /not a zip archive/],
    ])('refuses %s', (_, bytes, message) => {
      expect(() => readXlsxWorkbook(bytes)).toThrow(UnreadableArchive);
      expect(() => readXlsxWorkbook(bytes)).toThrow(message);
    });

    it('refuses a zip without a workbook part', () => {
      const archive = ZipArchive.empty();
      archive.write('word/document.xml', '<w:document/>');
      expect(() => readXlsxWorkbook(archive.toBuffer())).toThrow('it is a Word document');
    });

    it('refuses a workbook cut short', async () => {
      const whole = await fs.readFile(await fixtures.buildSynonymsWorkbook(dir, 'cut.xlsx'));
      expect(() => readXlsxWorkbook(whole.subarray(0, whole.length - 100))).toThrow(UnreadableArchive);
    });
  });
});
