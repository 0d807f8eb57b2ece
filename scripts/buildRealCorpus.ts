/**
 * Writes test/fixtures/real/: .xlsx files saved by other programs than ExcelJS, for the reader's corpus
 * test (test/xlsx/corpus.test.ts), which compares each with ExcelJS's reading cell by cell.
 *
 *   npx tsx scripts/buildRealCorpus.ts            # every writer; LibreOffice's files need soffice
 *   npx tsx scripts/buildRealCorpus.ts --npm-only # leave LibreOffice's files as they are
 *
 * LibreOffice Calc (Debian's libreoffice-calc-nogui) re-saves workbooks built here with ExcelJS and CSV
 * files; xlsx-populate, write-excel-file, excel4node and SheetJS (the npm `xlsx` 0.18.5) write their own.
 * The data is seeded, so a run writes the same cells (LibreOffice stamps its own save time in docProps).
 * The files are committed: tests never run a writer, and pass on machines without LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { seededRandom } from './seededRandom';

export const CORPUS_DIR = path.join(__dirname, '..', 'test', 'fixtures', 'real');

type Cell = string | number | boolean | Date | null;
const MS_PER_DAY = 86_400_000;
const HEADER = ['ID', 'Lab', 'Team', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Notes'];
const LABS = ['Lab A', 'Northwind Labs', 'مختبر الأفق', '研究所', 'Zoë Ångström Lab', 'מעבדת גליל'];
const POOLS: ReadonlyArray<readonly [string, string, string]> = [
  ['AWS', 'us-east-1', 'Trainium2'], ['Google Cloud', 'us-east5', 'TPU v6e'], ['Microsoft Azure', 'eastus', 'MI300X'], ['CoreWeave', 'US-EAST-04', 'H100'],
];
const NOTES = ['', 'checkpoint every 2h', 'two\nlines', 'a & b < c > d', ' padded ', 'emoji 🚀 and 東京', 'quote "x" and \'y\'', '_x000D_ literal', 'tab\there'];

/** Seeded booking rows under HEADER: text, whole and fractional numbers, dates at midnight, empty cells. */
function bookingRows(count: number, seed: number): Cell[][] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const first = Date.UTC(2026, 3, 1) / MS_PER_DAY;
  return Array.from({ length: count }, (_, i) => {
    const [provider, region, silicon] = pick(POOLS);
    const start = first + Math.floor(random() * 90);
    return [
      `BK-${String(i + 1).padStart(4, '0')}`, pick(LABS), random() < 0.1 ? null : `Team ${1 + Math.floor(random() * 5)}`, provider, region, silicon,
      random() < 0.1 ? 96.5 : 64 * (1 + Math.floor(random() * 8)), new Date(start * MS_PER_DAY), new Date((start + 1 + Math.floor(random() * 20)) * MS_PER_DAY),
      random() < 0.1 ? 'cancelled' : 'confirmed', pick(NOTES) || null,
    ];
  });
}

const table = (rows: number, seed: number): Cell[][] => [HEADER, ...bookingRows(rows, seed)];

/** Every cell kind a planner's workbook has, in one small table: booleans, negatives, decimals, big numbers, long text. */
function typesTable(): Cell[][] {
  return [
    ['Kind', 'Value', 'Also'],
    ['true', true, false],
    ['negative', -42, -0.5],
    ['decimal', 3.14159, 1e-7],
    ['big', 123456789012, 2 ** 40],
    ['date', new Date(Date.UTC(1999, 11, 31)), new Date(Date.UTC(2026, 1, 28))],
    ['long', 'x'.repeat(2000), 'end'],
    ['blank next', null, 'after a blank'],
  ];
}

interface Source {
  readonly name: string;
  readonly sheets: ReadonlyArray<{ readonly name: string; readonly rows: Cell[][]; readonly state?: 'hidden'; readonly at?: [number, number] }>;
  /** An Excel table over the first sheet's rows (ExcelJS writes it; LibreOffice keeps it as a database range). */
  readonly withTable?: boolean;
  readonly date1904?: boolean;
  readonly formulas?: boolean;
  readonly merged?: boolean;
}

const SOURCES: readonly Source[] = [
  { name: 'bookings', sheets: [{ name: 'Allocations', rows: table(40, 1) }] },
  { name: 'large', sheets: [{ name: 'Allocations', rows: table(3000, 2) }] },
  { name: 'types', sheets: [{ name: 'Types', rows: typesTable() }] },
  { name: 'sheets', sheets: [{ name: 'Q1 plan', rows: table(10, 3) }, { name: 'Hidden state', rows: [['secret', 1]], state: 'hidden' }, { name: 'Q2 plan', rows: table(12, 4) }] },
  { name: 'offset', sheets: [{ name: 'Plan', rows: table(15, 5), at: [4, 3] }] },
  { name: 'sparse', sheets: [{ name: 'Sparse', rows: [['a'], [], [], [null, null, null, null, null, null, null, null, 'far'], ...Array.from({ length: 60 }, () => []), ['last', null, 9]] }] },
  { name: 'table', sheets: [{ name: 'Allocations', rows: table(20, 6) }], withTable: true },
  { name: 'formulas', sheets: [{ name: 'Allocations', rows: table(20, 7) }], formulas: true },
  { name: 'date1904', sheets: [{ name: 'Allocations', rows: table(10, 8) }], date1904: true },
  { name: 'merged', sheets: [{ name: 'Allocations', rows: [['Capacity plan — merged title'], [], ...table(12, 9)] }], merged: true },
];

async function viaExcelJs(source: Source, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  if (source.date1904) workbook.properties.date1904 = true;
  for (const sheet of source.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, sheet.state ? { state: sheet.state } : {});
    const [rowOffset, columnOffset] = sheet.at ?? [0, 0];
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = worksheet.getCell(r + 1 + rowOffset, c + 1 + columnOffset);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
      }),
    );
    if (source.formulas) {
      // Chips as a formula over the row's own cells, with its cached result as Excel saves it.
      for (let r = 2; r <= sheet.rows.length; r++) {
        const chips = sheet.rows[r - 1][6];
        if (typeof chips === 'number') worksheet.getCell(r, 12).value = { formula: `G${r}*2`, result: chips * 2 };
      }
      worksheet.getCell(1, 12).value = 'Doubled';
      worksheet.getCell(1, 13).value = { formula: 'NA()', result: { error: '#N/A' } };
    }
    if (source.merged) worksheet.mergeCells('A1:K1');
  }
  if (source.withTable) {
    const [header, ...rows] = source.sheets[0].rows;
    const worksheet = workbook.worksheets[0];
    worksheet.spliceRows(1, rows.length + 1);
    worksheet.addTable({ name: 'Bookings', ref: 'A1', headerRow: true, columns: header.map((name) => ({ name: String(name) })), rows });
  }
  await workbook.xlsx.writeFile(file);
}

/** LibreOffice Calc re-saving `input` (an .xlsx or .csv) as .xlsx into `outDir`. */
function libreOffice(input: string, outDir: string, profile: string): void {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, input], { stdio: 'pipe', timeout: 120_000 });
}

async function libreOfficeFiles(): Promise<string[]> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'corpus-lo-'));
  const profile = path.join(work, 'profile');
  const written: string[] = [];
  try {
    for (const source of SOURCES) {
      const input = path.join(work, `libreoffice-${source.name}.xlsx`);
      await viaExcelJs(source, input);
      const out = path.join(work, 'out');
      libreOffice(input, out, profile);
      written.push(await keep(path.join(out, path.basename(input)), path.basename(input)));
    }
    const csv = path.join(work, 'libreoffice-from-csv.csv');
    const csvRows = table(25, 10).map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? '' : `"${String(cell).replace(/"/g, '""')}"`)).join(','));
    await fs.writeFile(csv, `${csvRows.join('\r\n')}\r\n`);
    libreOffice(csv, path.join(work, 'out'), profile);
    written.push(await keep(path.join(work, 'out', 'libreoffice-from-csv.xlsx'), 'libreoffice-from-csv.xlsx'));
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
  return written;
}

async function keep(from: string, name: string): Promise<string> {
  const target = path.join(CORPUS_DIR, name);
  await fs.copyFile(from, target);
  return target;
}

/* The npm writers have no type declarations of their own (or awkward ones): the little of each used here. */
interface PopulateCell { value(value: Cell): PopulateCell; style(name: string, value: unknown): PopulateCell }
interface PopulateSheet { name(name: string): PopulateSheet; cell(row: number, column: number): PopulateCell; hidden(hidden: boolean): PopulateSheet }
interface PopulateWorkbook { sheet(index: number): PopulateSheet; addSheet(name: string): PopulateSheet; toFileAsync(file: string): Promise<void> }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const XlsxPopulate = require('xlsx-populate') as { fromBlankAsync(): Promise<PopulateWorkbook> };

async function xlsxPopulateFile(source: Source, file: string): Promise<void> {
  const workbook = await XlsxPopulate.fromBlankAsync();
  source.sheets.forEach((sheet, index) => {
    const target = index === 0 ? workbook.sheet(0).name(sheet.name) : workbook.addSheet(sheet.name);
    if (sheet.state === 'hidden') target.hidden(true);
    const [rowOffset, columnOffset] = sheet.at ?? [0, 0];
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = target.cell(r + 1 + rowOffset, c + 1 + columnOffset).value(value);
        if (value instanceof Date) cell.style('numberFormat', 'yyyy-mm-dd');
      }),
    );
  });
  await workbook.toFileAsync(file);
}

interface WriteCell { value: Cell; type?: unknown; format?: string }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeXlsxFile = (require('write-excel-file/node') as { default: (sheets: unknown) => { toFile(file: string): Promise<void> } }).default;

async function writeExcelFile(source: Source, file: string): Promise<void> {
  const toCell = (value: Cell): WriteCell | null => {
    if (value === null) return null;
    if (value instanceof Date) return { value, type: Date, format: 'yyyy-mm-dd' };
    return { value, type: typeof value === 'number' ? Number : typeof value === 'boolean' ? Boolean : String };
  };
  await writeXlsxFile(source.sheets.map((sheet) => ({ data: sheet.rows.map((row) => row.map(toCell)), sheet: sheet.name }))).toFile(file);
}

interface Excel4NodeCell { string(value: string): void; number(value: number): void; bool(value: boolean): void; date(value: Date): Excel4NodeCell; style(style: unknown): void }
interface Excel4NodeSheet { cell(row: number, column: number): Excel4NodeCell }
interface Excel4NodeWorkbook { addWorksheet(name: string, options?: unknown): Excel4NodeSheet; createStyle(style: unknown): unknown; writeToBuffer(): Promise<Buffer> }
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel4node = require('excel4node') as { Workbook: new (options?: unknown) => Excel4NodeWorkbook };

async function excel4nodeFile(source: Source, file: string): Promise<void> {
  const workbook = new excel4node.Workbook({ dateFormat: 'yyyy-mm-dd' });
  for (const sheet of source.sheets) {
    const target = workbook.addWorksheet(sheet.name, sheet.state === 'hidden' ? { hidden: true } : undefined);
    const [rowOffset, columnOffset] = sheet.at ?? [0, 0];
    sheet.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = target.cell(r + 1 + rowOffset, c + 1 + columnOffset);
        if (typeof value === 'string') cell.string(value);
        else if (typeof value === 'number') cell.number(value);
        else if (typeof value === 'boolean') cell.bool(value);
        else cell.date(value);
      }),
    );
  }
  await fs.writeFile(file, await workbook.writeToBuffer());
}

async function sheetJsFile(source: Source, file: string, sharedStrings: boolean): Promise<void> {
  const XLSX = await import('xlsx');
  const workbook = XLSX.utils.book_new();
  for (const sheet of source.sheets) {
    const [rowOffset, columnOffset] = sheet.at ?? [0, 0];
    const worksheet = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(worksheet, sheet.rows, { cellDates: true, dateNF: 'yyyy-mm-dd', origin: { r: rowOffset, c: columnOffset } });
    XLSX.utils.book_append_sheet(workbook, worksheet, sheet.name);
  }
  workbook.Workbook = { Sheets: source.sheets.map((sheet) => ({ Hidden: sheet.state === 'hidden' ? 1 : 0 })) };
  XLSX.writeFile(workbook, file, { bookSST: sharedStrings, compression: true, cellDates: false });
}

/** The sources each npm writer saves: the ones its API can express. */
const NPM_SOURCES = ['bookings', 'types', 'sheets', 'offset', 'sparse', 'large'];

async function npmFiles(): Promise<string[]> {
  const written: string[] = [];
  for (const source of SOURCES.filter((candidate) => NPM_SOURCES.includes(candidate.name))) {
    const at = (writer: string) => path.join(CORPUS_DIR, `${writer}-${source.name}.xlsx`);
    await xlsxPopulateFile(source, at('xlsx-populate'));
    await writeExcelFile(source, at('write-excel-file'));
    await excel4nodeFile(source, at('excel4node'));
    await sheetJsFile(source, at('sheetjs'), source.name !== 'types');
    written.push(...['xlsx-populate', 'write-excel-file', 'excel4node', 'sheetjs'].map(at));
  }
  return written;
}

async function main(): Promise<void> {
  await fs.mkdir(CORPUS_DIR, { recursive: true });
  const written = [...(process.argv.includes('--npm-only') ? [] : await libreOfficeFiles()), ...(await npmFiles())];
  process.stdout.write(`Wrote ${written.length} files to ${path.relative(process.cwd(), CORPUS_DIR)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`buildRealCorpus: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
