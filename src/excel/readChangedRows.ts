import { CellValue, columnLetters, MAX_COLUMNS, MAX_ROWS, parseRangeAddress, SnapshotRow } from '../core';
import { ANSWER_BUDGET_BYTES, checkedValues, SheetInfo, toCellValue, WorkbookRead } from './readWorkbook';

/** An edit reported by `onChanged`, as the live check collects them. */
export interface SheetChange {
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: string;
}

/** More changed rows than this re-reads the whole workbook instead (fewer when rows are heavy: see patchedRowsBudget). */
const MAX_PATCHED_ROWS = 20_000;
/** More separate edits than this too: each is a read of its own, about 600 bytes of request. */
const MAX_BANDS = 2_000;

/** The rows one answer can bring back under ANSWER_BUDGET_BYTES, from what the rows of the last read weighed. */
function patchedRowsBudget(previous: WorkbookRead): number {
  const rows = previous.snapshot.sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  const bytesPerRow = previous.valueBytes / Math.max(1, rows);
  return Math.min(MAX_PATCHED_ROWS, Math.floor(ANSWER_BUDGET_BYTES / Math.max(1, bytesPerRow)));
}

/**
 * The previous read with only the edited rows read again, in one sync; null when the edits are of a kind
 * that needs a whole read (rows or columns inserted or deleted, whole columns, sheets it does not know),
 * or too many to come back in one answer under 5 MB.
 */
export async function readChangedRows(context: Excel.RequestContext, previous: WorkbookRead, changes: readonly SheetChange[]): Promise<WorkbookRead | null> {
  const bands: Array<{ sheet: SheetInfo; top: number; bottom: number; width: number }> = [];
  const maxRows = patchedRowsBudget(previous);
  let rowCount = 0;
  if (changes.length > MAX_BANDS) return null;
  for (const change of changes) {
    const sheet = previous.sheets.find((candidate) => candidate.id === change.worksheetId);
    const edited = parseRangeAddress(change.address)?.range;
    // Whole columns (or whole rows, whose width the event does not bound) need a whole read.
    if (sheet === undefined || change.changeType !== 'RangeEdited' || edited === undefined || edited.rowCount === MAX_ROWS) return null;
    const top = edited.row + 1;
    const bottom = edited.row + edited.rowCount;
    const known = previous.snapshot.sheets.find((candidate) => candidate.name === sheet.name)?.rows ?? [];
    const width = Math.max(columnCountOf(known), edited.columnCount === MAX_COLUMNS ? 0 : edited.column + edited.columnCount);
    rowCount += bottom - top + 1;
    if (rowCount > maxRows) return null;
    bands.push({ sheet, top, bottom, width });
  }
  const loaded = bands.map((band) => {
    const address = `A${band.top}:${columnLetters(band.width - 1)}${band.bottom}`;
    return { band, range: context.workbook.worksheets.getItem(band.sheet.id).getRange(address).load('values') };
  });
  await context.sync();
  const rowsBySheet = new Map(previous.snapshot.sheets.map((sheet) => [sheet.name, [...sheet.rows] as Array<CellValue[] | undefined>]));
  for (const { band, range } of loaded) {
    const rows = rowsBySheet.get(band.sheet.name);
    if (rows === undefined) continue;
    const area = { row: band.top - 1, column: 0, rowCount: band.bottom - band.top + 1, columnCount: band.width };
    checkedValues(range.values, area, band.sheet.name).forEach((values, offset) => {
      rows[band.top - 1 + offset] = values.map(toCellValue);
    });
  }
  const sheets = previous.snapshot.sheets.map((sheet) => ({ ...sheet, rows: rowsBySheet.get(sheet.name) ?? sheet.rows }));
  return { snapshot: { ...previous.snapshot, sheets }, sheets: previous.sheets, valueBytes: previous.valueBytes };
}

function columnCountOf(rows: readonly SnapshotRow[]): number {
  let width = 0;
  for (const row of rows) if (row != null && row.length > width) width = row.length;
  return width;
}
