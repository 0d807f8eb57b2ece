/**
 * The reader against ExcelJS on files other programs wrote (test/fixtures/real/, made by
 * scripts/buildRealCorpus.ts with LibreOffice Calc, xlsx-populate, write-excel-file, excel4node and
 * SheetJS): every sheet, cell by cell, and every table. Then each is annotated, and the copy must read the
 * same with only the painted cells' fills changed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { CellValue, formatCellAddress, WorkbookSnapshot } from '../../src/core';
import { paintXlsx } from '../../src/xlsx/paintXlsx';
import { readXlsxWorkbook } from '../../src/xlsx/readXlsxWorkbook';
import { snapshotFromExcelJs } from '../../src/xlsx/snapshotFromExcelJs';
import { ZipArchive } from '../../src/xlsx/zipArchive';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'real');
const WRITERS = ['excel4node', 'libreoffice', 'sheetjs', 'write-excel-file', 'xlsx-populate'];
const FILES = readdirSync(CORPUS).filter((name) => name.endsWith('.xlsx')).sort();

/** Rows with trailing empty cells and trailing empty rows dropped: what both readers must agree on. */
function comparable(snapshot: WorkbookSnapshot) {
  return {
    date1904: snapshot.date1904,
    sheets: snapshot.sheets.map((sheet) => {
      const rows = Array.from({ length: sheet.rows.length }, (_, index) => {
        const cells: Array<CellValue | undefined> = [...(sheet.rows[index] ?? [])];
        while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === undefined)) cells.pop();
        return cells.length === 0 ? undefined : cells.map((cell) => cell ?? null);
      });
      while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.pop();
      // ExcelJS cannot tell a table's header row when the file leaves headerRowCount at its default.
      const tables = (sheet.tables ?? []).map(({ hasHeaderRow: _, ...table }) => table);
      return { name: sheet.name, visibility: sheet.visibility ?? 'visible', rows, tables };
    }),
  };
}

type Comparable = ReturnType<typeof comparable>;

/** Where ExcelJS, not the file, is wrong: each fixed in its reading, so every other cell still compares. */
const EXCELJS_MISREADS: Readonly<Record<string, { readonly why: string; fix(reading: Comparable): void }>> = {
  'libreoffice-date1904.xlsx': {
    why: 'ExcelJS takes only date1904="1"; LibreOffice writes date1904="true", which Excel reads as the 1904 system',
    fix: (reading) => Object.assign(reading, { date1904: true }),
  },
  'libreoffice-types.xlsx': {
    why: 'ExcelJS drops the cached FALSE of a formula cell (C2 is =FALSE()); Excel shows FALSE',
    fix: (reading) => {
      (reading.sheets[0].rows[1] as CellValue[])[2] = false;
    },
  },
};

async function viaExcelJs(bytes: Buffer): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return snapshotFromExcelJs(workbook);
}

describe('the corpus of files from other writers', () => {
  it('has a few dozen files from LibreOffice and four npm writers', () => {
    const writers = new Set(FILES.map((name) => WRITERS.find((writer) => name.startsWith(`${writer}-`))));
    expect(FILES.length).toBeGreaterThanOrEqual(30);
    expect([...writers].sort()).toEqual(WRITERS);
  });

  it.each(FILES)('%s reads cell for cell as ExcelJS reads it', async (name) => {
    const bytes = readFileSync(path.join(CORPUS, name));
    const reference = comparable(await viaExcelJs(bytes));
    const ours = comparable(readXlsxWorkbook(bytes).snapshot);
    const misread = EXCELJS_MISREADS[name];
    if (misread !== undefined) {
      // The difference is there (else the entry is stale), and it is the only one.
      expect(ours).not.toEqual(reference);
      misread.fix(reference);
    }
    expect(ours).toEqual(reference);
  });

  it.each(FILES)('%s annotated reads the same, only the painted cells filled and only the sheet and styles changed', async (name) => {
    const bytes = readFileSync(path.join(CORPUS, name));
    const { archive, parts, snapshot } = readXlsxWorkbook(bytes);
    const sheet = snapshot.sheets[0];
    // The CLI paints cells of rows that hold bookings: here the first filled cell of the first and the last row.
    const filled = sheet.rows.flatMap((row, index) => (row == null ? [] : [{ row: index, column: row.findIndex((cell) => cell !== null) }]));
    const cells = [filled[0], { ...filled[filled.length - 1], column: filled[filled.length - 1].column + 1 }];
    const painted = paintXlsx(archive, parts, sheet.name, cells);
    expect(comparable(readXlsxWorkbook(painted).snapshot)).toEqual(comparable(snapshot));
    const before = ZipArchive.fromBuffer(bytes);
    const after = ZipArchive.fromBuffer(painted);
    const changed = after.names.filter((part) => !before.read(part)?.equals(after.read(part) ?? Buffer.alloc(0)));
    expect(changed.sort()).toEqual([parts.sheets[0].path, parts.stylesPath ?? 'xl/styles.xml', ...(parts.stylesPath === undefined ? ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels'] : [])].sort());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(painted as unknown as ExcelJS.Buffer);
    const fill = (address: string) => {
      const value = workbook.worksheets[0].getCell(address).fill as ExcelJS.FillPattern | undefined;
      return value?.type === 'pattern' && value.pattern === 'solid' ? value.fgColor?.argb : undefined;
    };
    expect(cells.map((cell) => fill(formatCellAddress(cell)))).toEqual(['FFFFFF00', 'FFFFFF00']);
  });
});
