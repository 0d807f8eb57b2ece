import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { runCapacityCheck } from '../../src/cli/capacityCheck';

export const PROJECT_ROOT = path.join(__dirname, '..', '..');
export const CLI_ENTRY = path.join(PROJECT_ROOT, 'src', 'cli', 'capacityCheck.ts');
/** tsx's loader by URL, so the CLI also runs from a working directory outside the project. */
export const TSX_LOADER = pathToFileURL(require.resolve('tsx', { paths: [PROJECT_ROOT] })).href;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI called in this process with captured, non-terminal streams. */
export async function runInProcess(args: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCapacityCheck(args, {
    stdout: { isTTY: false, write: (text: string | Uint8Array) => ((stdout += String(text)), true) },
    stderr: { isTTY: false, write: (text: string | Uint8Array) => ((stderr += String(text)), true) },
  } as Parameters<typeof runCapacityCheck>[1]);
  return { code, stdout, stderr };
}

/** The CLI as a user runs it: `node` on the TypeScript entry through tsx, in its own process. */
export function runSubprocess(args: readonly string[], cwd = PROJECT_ROOT): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX_LOADER, CLI_ENTRY, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

export interface JsonIssue {
  sheet: string;
  row: number;
  column: string;
  cell: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
  suggestion?: string;
}

export interface JsonConflict {
  id: string;
  provider: string;
  region: string;
  silicon: string;
  block: string;
  start: string;
  end: string;
  rows: number[];
  bookedChips: number | null;
  capacityChips: number | null;
  excessChips: number | null;
  accepted: boolean;
  acceptedReason?: string;
}

export interface JsonReport {
  sheet: string;
  capacitySheet: string | null;
  rows: number;
  summary: { errors: number; warnings: number; conflicts: number; acceptedConflicts: number };
  issues: JsonIssue[];
  conflicts: JsonConflict[];
}

/** Runs `--json` in process and parses stdout, which must be exactly one JSON document. */
export async function checkJson(args: readonly string[]): Promise<{ code: number; report: JsonReport; stderr: string }> {
  const run = await runInProcess([...args, '--json']);
  if (run.stdout === '') throw new Error(`no JSON on stdout (exit ${run.code}): ${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

/** Conflicts as `rows@start..end`, the way the tests state what they expect. */
export function conflictKeys(report: JsonReport): string[] {
  return report.conflicts.map((conflict) => `${conflict.rows.join('+')}@${conflict.start}..${conflict.end}`).sort();
}

/** Codes of the issues on one row, with their severity (`error:invalid-date`). */
export function issuesOfRow(report: JsonReport, row: number): string[] {
  return report.issues.filter((issue) => issue.row === row).map((issue) => `${issue.severity}:${issue.code}`);
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await fs.readFile(file)).digest('hex');
}

export interface CellState {
  readonly value: string;
  readonly fill: string;
  /** Style without its fill: font, border, number format, alignment, protection. */
  readonly rest: string;
}

const stableJson = (value: unknown): string => JSON.stringify(value ?? null, (_, item) => (item instanceof Date ? item.toISOString() : item));

/** Every cell of every sheet, read back with ExcelJS, by `Sheet!A1`. */
export async function readCells(file: string): Promise<Map<string, CellState>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const cells = new Map<string, CellState>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { fill, ...rest } = cell.style ?? {};
        cells.set(`${sheet.name}!${cell.address}`, { value: stableJson(cell.value), fill: stableJson(fill), rest: stableJson(rest) });
      });
    });
  }
  return cells;
}

/** The ARGB of a solid fill, or null for no fill. */
export function fillColour(state: CellState | undefined): string | null {
  if (state === undefined) return null;
  const fill = JSON.parse(state.fill) as ExcelJS.FillPattern | null;
  if (fill === null || fill.type !== 'pattern' || fill.pattern === 'none') return null;
  return fill.fgColor?.argb ?? `other:${JSON.stringify(fill.fgColor)}`;
}

/**
 * Compares an annotated copy with its original cell by cell: `painted` cells (`Sheet!A1`) must be yellow
 * with their value and the rest of their style kept; every other cell must be exactly as it was.
 * Returns one line per difference, so a failing test shows them all.
 */
export async function differencesAfterPainting(original: string, copy: string, painted: ReadonlySet<string>): Promise<string[]> {
  const before = await readCells(original);
  const after = await readCells(copy);
  const problems: string[] = [];
  for (const address of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(address) ?? { value: 'null', fill: 'null', rest: '{}' };
    const b = after.get(address) ?? { value: 'null', fill: 'null', rest: '{}' };
    if (a.value !== b.value) problems.push(`${address}: value ${a.value} became ${b.value}`);
    if (painted.has(address)) {
      if (fillColour(b) !== 'FFFFFF00') problems.push(`${address}: should be yellow, is ${b.fill}`);
      if (!keepsRestOfStyle(a.rest, b.rest)) problems.push(`${address}: style ${a.rest} became ${b.rest}`);
    } else if (a.fill !== b.fill || a.rest !== b.rest) {
      problems.push(`${address}: fill ${a.fill} / style ${a.rest} became ${b.fill} / ${b.rest}`);
    }
  }
  for (const address of painted) if (!after.has(address)) problems.push(`${address}: should be yellow, is missing`);
  return problems;
}

/** Alignment as LibreOffice spells out the default one. */
const DEFAULT_ALIGNMENT = { horizontal: 'general', vertical: 'bottom', wrapText: false, shrinkToFit: false, indent: 0, textRotation: 0 };

/**
 * Whether a painted cell kept its font, border, number format and alignment. ExcelJS reads the workbook's
 * default format (index 0) as `{}` but its painted copy with the default spelled out (its font, and from
 * LibreOffice the General number format and the default alignment too), so a cell that had the default
 * only must have gained nothing else.
 */
function keepsRestOfStyle(before: string, after: string): boolean {
  if (before === after) return true;
  if (before !== '{}') return false;
  const { font, border, numFmt, alignment, ...others } = JSON.parse(after) as Partial<ExcelJS.Style>;
  const defaultAlignment = alignment === undefined || JSON.stringify(alignment) === JSON.stringify(DEFAULT_ALIGNMENT);
  return font !== undefined && Object.keys(border ?? {}).length === 0 && (numFmt === undefined || numFmt === 'General') && defaultAlignment && Object.keys(others).length === 0;
}

/** `Sheet!C5`-style addresses of the given columns on the given rows. */
export function cellsOf(sheet: string, columns: string, rows: readonly number[]): Set<string> {
  return new Set(rows.flatMap((row) => [...columns].map((column) => `${sheet}!${column}${row}`)));
}
