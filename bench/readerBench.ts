/**
 * `npm run bench -- --reader [--quick] [--old-reader DIR]`: the `.xlsx` reader's time and peak memory on
 * large workbooks (200,000 rows, and Excel's maximum of 1,048,576) and on hostile files, beside the old
 * reader's figures (the regex reader before the streaming one, measured on the same machine and files).
 *
 * Every file is read in a process of its own by the reader as tsc compiles it (as the CLI's bin ships
 * it), so each peak RSS is that file's alone. `--old-reader DIR` measures another compiled build too
 * (DIR holds its xlsx/readXlsxWorkbook.js, e.g. a `dist/` of an older commit). Nothing here is a test:
 * bounds are reported, never enforced. Workbooks are cached in the temp folder between runs.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
import { buildLargeWorkbook } from '../test/fixtures/buildWorkbooks';
import {
  bookingRow, DECLARATION, deflatedEntryZip, headerRow, hostileBytes, number, patchEntry, sharedStrings, text, utf16le, workbookPackage, worksheet,
} from '../test/xlsx/hostileWorkbooks';
import { generateWorkbook } from './generateWorkbook';

const ROOT = path.resolve(__dirname, '..');
const SEED = 20260414;
/** Excel's last row: a header and 1,048,575 bookings. */
const EXCEL_MAX_BOOKINGS = 1_048_575;
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** What one measuring process prints: time, peak memory, and what it read or the one line it refused with. */
export interface ReaderSample {
  readonly ms: number;
  readonly peakMiB: number;
  readonly cells?: number;
  readonly sheets?: number;
  readonly refusal?: string;
}
type Outcome = ReaderSample | { readonly timedOut: number } | { readonly failed: string };

/**
 * The old (regex) reader, measured with `--old-reader` on a build of commit 36534de on this machine
 * (2026-12-03, Node 20.20.2, 2 cores shared with other sessions, load 1.7–3.6), for runs without it.
 */
const OLD_READER: Readonly<Record<string, string>> = {
  'bench 200,000 rows': '4.08 s, 598 MiB',
  'large 200,000 rows (16 columns)': '6.25 s, 792 MiB',
  'bench 1,048,576 rows': '30.98 s, 2,700 MiB',
  '5,000 sheets': '16.67 s',
  '20,000 sheets': '280.78 s',
  'zip bomb (5 GB sheet)': '132.17 s, 4,218 MiB, then "The encoded data was not valid for encoding utf-8"',
  'cell at ZZZZZZ4': 'read the cell into column A',
  'cell in row 2,000,000,000': '87.14 s, then read',
  'entity bomb (billion laughs)': 'read "&c;" as text',
  'external entity (XXE)': 'read "&e;" as text',
  'commented-out booking': '24 cells: the commented-out row read as a booking',
  'comment holding </sheetData>': '0 cells: the sheet lost',
  'sheet cut short': 'read the part before the cut, silently',
  'wrong CRC-32': 'read, unchecked',
  'UTF-16 sheet': '0 cells',
  'missing sharedStrings': '0 cells',
  'shared strings, no part': '0 cells',
  'shared strings, index past the part': '0 cells',
};

/** A generated capacity workbook (the bench's generator, 12 columns) written as .xlsx by ExcelJS's streaming writer. */
export async function writeBenchWorkbook(bookings: number, file: string): Promise<void> {
  const { snapshot } = generateWorkbook({ rows: bookings, seed: SEED });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = writer.addWorksheet(snapshot.sheets[0].name);
  for (const row of snapshot.sheets[0].rows) {
    sheet.addRow((row ?? []).map((cell) => (cell !== null && typeof cell === 'object' ? { error: cell.error } : cell)) as ExcelJS.CellValue[]).commit();
  }
  sheet.commit();
  await writer.commit();
}

/** A zip bomb as the colleague met it: a few MB that inflate to a 5 GB sheet of spaces. */
async function writeZipBomb(file: string): Promise<void> {
  const sheet = await deflateStream([Buffer.from(`${DECLARATION}<worksheet xmlns="${MAIN}"><sheetData/>`)], 5 * 1000 ** 3, Buffer.from('</worksheet>'));
  const parts = workbookPackage({ sheets: [{ name: 'Allocations', xml: '' }] }).filter(([name]) => name !== 'xl/worksheets/sheet1.xml');
  const small = deflatedEntryZip(parts.map(([name, content]) => [name, Buffer.from(content)] as const));
  fs.writeFileSync(file, appendDeflatedEntry(small, 'xl/worksheets/sheet1.xml', sheet.compressed, sheet.crc, sheet.size));
}

/** Deflates head + `spaces` spaces + tail as a stream, never holding the inflated text. */
function deflateStream(head: Buffer[], spaces: number, tail: Buffer): Promise<{ compressed: Buffer; crc: number; size: number }> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    let crc = 0;
    let size = 0;
    deflate.on('data', (chunk: Buffer) => out.push(chunk));
    deflate.on('end', () => resolve({ compressed: Buffer.concat(out), crc: crc >>> 0, size }));
    deflate.on('error', reject);
    const block = Buffer.alloc(64 * 1024 ** 2, 0x20);
    const write = (chunk: Buffer) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
      return deflate.write(chunk);
    };
    head.forEach(write);
    let left = spaces;
    const pump = () => {
      while (left > 0) {
        const chunk = left >= block.length ? block : block.subarray(0, left);
        left -= chunk.length;
        if (!write(chunk)) return void deflate.once('drain', pump);
      }
      write(tail);
      deflate.end();
    };
    pump();
  });
}

/** `zip` with one more deflated entry whose size may pass 4 GiB (a zip64 extra field then holds it). */
function appendDeflatedEntry(zip: Buffer, name: string, data: Buffer, crc: number, size: number): Buffer {
  const endAt = zip.length - 22;
  const count = zip.readUInt16LE(endAt + 10);
  const directorySize = zip.readUInt32LE(endAt + 12);
  const directoryAt = zip.readUInt32LE(endAt + 16);
  const nameBytes = Buffer.from(name);
  const extra = Buffer.alloc(20);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(16, 2);
  extra.writeBigUInt64LE(BigInt(size), 4);
  extra.writeBigUInt64LE(BigInt(data.length), 12);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(extra.length, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  local.copy(central, 8, 6, 30);
  central.writeUInt32LE(directoryAt, 42);
  const newDirectoryAt = directoryAt + local.length + nameBytes.length + extra.length + data.length;
  const end = Buffer.from(zip.subarray(endAt));
  end.writeUInt16LE(count + 1, 8);
  end.writeUInt16LE(count + 1, 10);
  end.writeUInt32LE(directorySize + central.length + nameBytes.length + extra.length, 12);
  end.writeUInt32LE(newDirectoryAt, 16);
  return Buffer.concat([zip.subarray(0, directoryAt), local, nameBytes, extra, data, zip.subarray(directoryAt, directoryAt + directorySize), central, nameBytes, extra, end]);
}

interface BenchFile {
  readonly label: string;
  /** Writes the file, unless the cache has it. */
  readonly build: (file: string) => Promise<void> | void;
  readonly quick: boolean;
}

const sheetOf = (xml: string | Uint8Array) => hostileBytes({ sheets: [{ name: 'Allocations', xml }] });
const manySheets = (count: number) => hostileBytes({ sheets: Array.from({ length: count }, (_, i) => ({ name: `S${i + 1}`, xml: `<row r="1">${number('A1', i)}</row>` })) });
const write = (bytes: Buffer) => (file: string) => fs.writeFileSync(file, bytes);

const FILES: readonly BenchFile[] = [
  { label: 'bench 200,000 rows', build: (file) => writeBenchWorkbook(200_000, file), quick: true },
  { label: 'large 200,000 rows (16 columns)', build: async (file) => void (await buildLargeWorkbook(path.dirname(file), 200_000, path.basename(file))), quick: false },
  { label: 'bench 1,048,576 rows', build: (file) => writeBenchWorkbook(EXCEL_MAX_BOOKINGS, file), quick: false },
  { label: '5,000 sheets', build: (file) => write(manySheets(5_000))(file), quick: true },
  { label: '20,000 sheets', build: (file) => write(manySheets(20_000))(file), quick: false },
  { label: 'zip bomb (5 GB sheet)', build: writeZipBomb, quick: false },
  { label: 'cell at ZZZZZZ4', build: write(sheetOf(`<row r="4">${number('ZZZZZZ4', 1)}</row>`)), quick: true },
  { label: 'cell in row 2,000,000,000', build: write(sheetOf(`<row r="2000000000">${number('A2000000000', 1)}</row>`)), quick: true },
  {
    label: 'entity bomb (billion laughs)',
    build: write(sheetOf(`${DECLARATION}<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', '&c;')}</row></sheetData></worksheet>`)),
    quick: true,
  },
  { label: 'external entity (XXE)', build: write(sheetOf(`${DECLARATION}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet xmlns="${MAIN}"><sheetData><row r="1">${text('A1', '&e;')}</row></sheetData></worksheet>`)), quick: true },
  { label: 'commented-out booking', build: write(sheetOf(headerRow() + `<!-- ${bookingRow(2, 'BK-0', 46126, 46130)} -->` + bookingRow(3, 'BK-1', 46126, 46130))), quick: true },
  { label: 'comment holding </sheetData>', build: write(sheetOf(`<!-- </sheetData> --><row r="1">${number('A1', 1)}</row>`)), quick: true },
  { label: 'sheet cut short', build: write(sheetOf(worksheet(`<row r="1">${number('A1', 1)}</row><row r="2">${number('A2', 2)}`).slice(0, -40))), quick: true },
  { label: 'wrong CRC-32', build: write(patchEntry(sheetOf(`<row r="1">${number('A1', 1)}</row>`), 'xl/worksheets/sheet1.xml', { crc: 0x12345678 })), quick: true },
  { label: 'UTF-16 sheet', build: write(sheetOf(utf16le(worksheet(`<row r="1">${text('A1', 'Zoë')}</row>`).replace('UTF-8', 'UTF-16')))), quick: true },
  { label: 'missing sharedStrings', build: write(hostileBytes({ sharedStringsMissing: true, sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] })), quick: true },
  { label: 'shared strings, no part', build: write(hostileBytes({ sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] })), quick: true },
  { label: 'shared strings, index past the part', build: write(hostileBytes({ sharedStrings: sharedStrings(['a']), sheets: [{ name: 'S', xml: '<row r="1"><c r="A1" t="s"><v>5</v></c></row>' }] })), quick: true },
];

/** Compiles this file and the reader with tsc into a temporary folder; returns the compiled bench and reader. */
function compile(log: (message: string) => void): { script: string; reader: string } {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reader-'));
  log('compiling the reader with tsc…');
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const sources = [path.join(__dirname, 'readerBench.ts'), path.join(ROOT, 'src', 'xlsx', 'readXlsxWorkbook.ts')];
  const build = spawnSync(process.execPath, [tsc, '--outDir', out, '--rootDir', ROOT, '--module', 'commonjs', '--target', 'ES2022', '--esModuleInterop', '--skipLibCheck', '--noCheck', ...sources], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsc could not compile the reader:\n${build.stdout}${build.stderr}`);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  return { script: path.join(out, 'bench', 'readerBench.js'), reader: path.join(out, 'src', 'xlsx', 'readXlsxWorkbook.js') };
}

/** Reads `file` with the reader module at `readerModule` (compiled JavaScript) and prints a `ReaderSample`. */
function measureInThisProcess(readerModule: string, file: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readXlsxWorkbook } = require(readerModule) as typeof import('../src/xlsx/readXlsxWorkbook');
  const bytes = fs.readFileSync(file);
  const started = performance.now();
  let sample: Omit<ReaderSample, 'peakMiB'>;
  try {
    const { snapshot } = readXlsxWorkbook(bytes);
    let cells = 0;
    for (const sheet of snapshot.sheets) for (const row of sheet.rows) cells += row?.length ?? 0;
    sample = { ms: performance.now() - started, cells, sheets: snapshot.sheets.length };
  } catch (error) {
    sample = { ms: performance.now() - started, refusal: String((error as Error).message ?? error).split('\n')[0] };
  }
  process.stdout.write(`${JSON.stringify({ ...sample, peakMiB: peakRssMiB() })}\n`);
}

/**
 * This process's high-water RSS. Linux's VmHWM starts afresh at exec; getrusage's maxRSS does not (a child
 * spawned by a large parent reports the parent's size), so it is only the fallback elsewhere.
 */
function peakRssMiB(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Math.round(Number(kib) / 1024);
  } catch {
    // Not Linux.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** Runs the measurement in a fresh process, ended after `timeoutMs` (reported as a time-out, not a sample). */
function measureReader(script: string, readerModule: string, file: string, timeoutMs: number): Outcome {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--max-old-space-size=8192', script, '--measure', readerModule, file], { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 1 << 20 });
  if ((child.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') return { timedOut: performance.now() - started };
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ReaderSample;
  } catch {
    const reason = child.stderr.split('\n').find((text) => /error|memory/i.test(text)) ?? `exit ${child.status} ${child.signal ?? ''}`;
    return { failed: reason.trim().slice(0, 120) };
  }
}

function describeOutcome(outcome: Outcome): string {
  if ('timedOut' in outcome) return `stopped after ${(outcome.timedOut / 1000).toFixed(0)} s`;
  if ('failed' in outcome) return `crashed: ${outcome.failed}`;
  const what = outcome.refusal !== undefined ? `refused: ${outcome.refusal.slice(0, 90)}` : `${outcome.cells?.toLocaleString('en-US')} cells, ${outcome.sheets} sheets`;
  return `${formatSeconds(outcome.ms).padStart(8)} ${String(outcome.peakMiB).padStart(6)} MiB  ${what}`;
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

export interface ReaderBenchOptions {
  readonly quick: boolean;
  /** A compiled older build to measure beside this one (its folder holding xlsx/readXlsxWorkbook.js). */
  readonly oldReader?: string;
  readonly log: (message: string) => void;
}

/** Measures every file (the quick ones with `quick`) and prints the table; resolves to its lines. */
export async function runReaderBench(options: ReaderBenchOptions): Promise<string[]> {
  const { script, reader } = compile(options.log);
  const cache = path.join(os.tmpdir(), `capacity-reader-bench-${SEED}`);
  fs.mkdirSync(cache, { recursive: true });
  const lines = ['Reader: readXlsxWorkbook on one file per process (time of the read alone; peak = process high-water RSS).', ''];
  for (const entry of FILES.filter((candidate) => candidate.quick || !options.quick)) {
    const file = path.join(cache, `${entry.label.replace(/[^\w]+/g, '-')}.xlsx`);
    if (!fs.existsSync(file)) {
      options.log(`writing ${entry.label}…`);
      await entry.build(file);
    }
    options.log(`reading ${entry.label}…`);
    const outcome = measureReader(script, reader, file, 300_000);
    lines.push(`  ${entry.label.padEnd(36)} ${(fs.statSync(file).size / 1024 ** 2).toFixed(1).padStart(6)} MB  new: ${describeOutcome(outcome)}`);
    if (options.oldReader !== undefined) {
      lines.push(`  ${''.padEnd(46)} old: ${describeOutcome(measureReader(script, path.resolve(options.oldReader, 'xlsx', 'readXlsxWorkbook.js'), file, 300_000))}`);
    } else if (OLD_READER[entry.label] !== undefined) {
      lines.push(`  ${''.padEnd(46)} old: ${OLD_READER[entry.label]}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return lines;
}

if (require.main === module && process.argv[2] === '--measure') measureInThisProcess(path.resolve(process.argv[3]), process.argv[4]);
