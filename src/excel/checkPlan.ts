import {
  CellEdit, cellText, CellValue, CheckOptions, CheckOutcome, checkWorkbook, conflictCells, fingerprintColumns, LogEntry, logRowValues, parseCellAddress,
  parseFillMemory, reanchorMemory, RESOLUTION_LOG_COLUMNS, RESOLUTION_LOG_SHEET, rowFingerprint, SheetSnapshot, SnapshotRow, STATE_SHEET,
} from '../core';
import { PaintRequest } from './paintConflicts';
import { StateRows } from './stateLayout';
import { WorkbookRead } from './readWorkbook';

/** A check of a read, in plain data: the core's outcome and the paint it asks for. */
export interface CheckPlan {
  readonly outcome: CheckOutcome;
  readonly paint: PaintRequest;
}

/**
 * The core's check of a read, and the paint that brings the sheet in line with it: remembered fills are
 * parsed from the state sheet and re-anchored to their bookings' rows (rows may have moved), and the
 * conflict cells are the targets. A workbook that cannot be checked paints nothing and gives every
 * remembered fill back.
 */
export function planCheck(read: WorkbookRead, options: CheckOptions | undefined): CheckPlan {
  const outcome = checkWorkbook(read.snapshot, options);
  const stateSheet = read.snapshot.sheets.find((sheet) => sheet.name === STATE_SHEET);
  const memory = parseFillMemory(stateSheet?.rows ?? []);
  const base = { memory, stateSheetExists: stateSheet !== undefined, stateRows: stateSheet?.rows ?? [] };
  if (!outcome.ok) return { outcome, paint: { ...base, sheet: '', targets: [] } };
  const { allocation } = outcome.report;
  const allocationRows = read.snapshot.sheets.find((sheet) => sheet.name === allocation.sheetName)?.rows ?? [];
  const columns = fingerprintColumns(allocation);
  return {
    outcome,
    paint: {
      ...base,
      // Rows inserted or deleted since the last paint move the remembered cells with their bookings.
      memory: reanchorMemory(memory, allocation.sheetName, allocationRows, columns),
      sheet: allocation.sheetName,
      targets: conflictCells(outcome.report),
      fingerprintOfRow: (sheetRow) => rowFingerprint(allocationRows[sheetRow - 1], columns),
    },
  };
}

/** The read as it is after a paint: the state sheet holds the rows the paint wrote (and, when the paint added it, has its id). */
export function withState(read: WorkbookRead, stateRows: StateRows, stateSheetId?: string): WorkbookRead {
  const rows = stateRows.some((row) => row != null && row.some((cell) => cellText(cell) !== '')) ? stateRows : [];
  const exists = read.snapshot.sheets.some((sheet) => sheet.name === STATE_SHEET);
  const sheets = exists
    ? read.snapshot.sheets.map((sheet) => (sheet.name === STATE_SHEET ? { ...sheet, rows } : sheet))
    : rows.length === 0
      ? read.snapshot.sheets
      : [...read.snapshot.sheets, { name: STATE_SHEET, visibility: 'veryHidden' as const, rows }];
  const known = stateSheetId === undefined || read.sheets.some((sheet) => sheet.id === stateSheetId);
  const infos = known ? read.sheets : [...read.sheets, { id: stateSheetId, name: STATE_SHEET, visibility: 'veryHidden' as const, protected: false }];
  return { ...read, snapshot: { ...read.snapshot, sheets }, sheets: infos };
}

/** Where a log row lands in a read, and what it holds. */
export interface PlacedRow {
  readonly row: number;
  readonly column: number;
  readonly values: readonly CellValue[];
}

/**
 * The read with cells and log rows in it: what the workbook holds after a resolution, to check it in
 * memory. Without `logRows`, the entries go under the log's last row (the log and its header made when missing).
 */
export function patchRead(read: WorkbookRead, edits: readonly CellEdit[], entries: readonly LogEntry[], logRows?: readonly PlacedRow[]): WorkbookRead {
  const log = read.snapshot.sheets.find((sheet) => sheet.name === RESOLUTION_LOG_SHEET);
  const first = log === undefined ? 1 : Math.max(1, log.rows.length);
  const placedRows = logRows ?? entries.map((entry, index) => ({ row: first + index, column: 0, values: logRowValues(entry) }));
  const sheets: SheetSnapshot[] = read.snapshot.sheets.map((sheet) => {
    const mine = edits.filter((edit) => edit.sheet === sheet.name);
    if (mine.length === 0 && sheet !== log) return sheet;
    const rows = [...sheet.rows];
    for (const edit of mine) setCell(rows, edit.address, edit.after);
    if (sheet === log) for (const placed of placedRows) placeRow(rows, placed);
    return { ...sheet, rows };
  });
  if (log === undefined) {
    const rows: Array<CellValue[] | undefined> = [[...RESOLUTION_LOG_COLUMNS]];
    for (const placed of placedRows) placeRow(rows, placed);
    sheets.push({ name: RESOLUTION_LOG_SHEET, visibility: 'visible', rows, tables: [] });
  }
  return { ...read, snapshot: { ...read.snapshot, sheets } };
}

function setCell(rows: SnapshotRow[], address: string, value: CellValue): void {
  const cell = parseCellAddress(address);
  if (cell === undefined) return;
  const row = [...(rows[cell.row] ?? [])];
  while (row.length < cell.column) row.push(null);
  row[cell.column] = value;
  rows[cell.row] = row;
}

function placeRow(rows: SnapshotRow[], placed: PlacedRow): void {
  rows[placed.row] = [...new Array<CellValue>(placed.column).fill(null), ...placed.values];
}
