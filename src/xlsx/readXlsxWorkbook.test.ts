import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { SAMPLE_PATH } from '../../scripts/generateSample';
import * as fixtures from '../../test/fixtures/buildWorkbooks';
import { inlineRow, rawWorkbookBytes } from '../../test/fixtures/rawXlsx';
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
