import { CellRange, CellValue, formatRangeAddress } from '../core';
import { ANSWER_BUDGET_BYTES, checkedValues, ListedTable, loadTableRanges, SheetInfo, storeRows, tableSnapshots, toWorkbookRead, WorkbookRead } from './readWorkbook';

/** Cells of the first chunk, before the answers tell how many bytes a cell takes: 80 bytes a cell would still fit. */
const FIRST_CHUNK_CELLS = 50_000;

interface Area {
  readonly sheet: SheetInfo;
  readonly range: CellRange;
}

/**
 * The read of a workbook whose values pass 5 MB: one sync for the used ranges' sizes and the tables'
 * ranges, then syncs of whole rows each answering about 4 MB, sized by what the answers so far weighed.
 */
export async function readInChunks(
  context: Excel.RequestContext,
  sheets: readonly SheetInfo[],
  tables: readonly ListedTable[],
  date1904: boolean,
  stopIfCancelled: () => void,
): Promise<WorkbookRead> {
  const used = sheets.map((sheet) => context.workbook.worksheets.getItem(sheet.id).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  const tableRanges = loadTableRanges(context, tables);
  stopIfCancelled();
  await context.sync();
  const areas: Area[] = [];
  used.forEach((range, index) => {
    if (!range.isNullObject) areas.push({ sheet: sheets[index], range: { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount } });
  });
  const rowsBySheet = new Map<string, CellValue[][]>(sheets.map((sheet) => [sheet.name, []]));
  // The heaviest cells seen so far size the next sync, so no answer passes the budget.
  let bytesPerCell = 0;
  let valueBytes = 0;
  const pending = [...areas];
  while (pending.length > 0) {
    stopIfCancelled();
    const batch = takeBatch(pending, bytesPerCell === 0 ? FIRST_CHUNK_CELLS : Math.max(1, Math.floor(ANSWER_BUDGET_BYTES / bytesPerCell)));
    const loaded = batch.map((chunk) => ({ chunk, range: context.workbook.worksheets.getItem(chunk.sheet.id).getRange(formatRangeAddress(chunk.range)).load('values') }));
    await context.sync();
    let batchBytes = 0;
    let batchCells = 0;
    for (const { chunk, range } of loaded) {
      batchBytes += storeRows(rowsBySheet.get(chunk.sheet.name) as CellValue[][], chunk.range, checkedValues(range.values, chunk.range, chunk.sheet.name));
      batchCells += chunk.range.rowCount * chunk.range.columnCount;
    }
    valueBytes += batchBytes;
    bytesPerCell = Math.max(bytesPerCell, batchBytes / Math.max(1, batchCells));
  }
  return toWorkbookRead(sheets, rowsBySheet, tableSnapshots(tables, tableRanges), date1904, valueBytes);
}

/** Takes whole rows from the pending areas until `cells` cells; what is left of an area stays pending. */
function takeBatch(pending: Area[], cells: number): Area[] {
  const batch: Area[] = [];
  let left = cells;
  while (pending.length > 0 && left > 0) {
    const area = pending[0];
    const rows = Math.max(1, Math.min(area.range.rowCount, Math.floor(left / area.range.columnCount)));
    if (rows < area.range.rowCount && batch.length > 0 && left < area.range.columnCount) break;
    batch.push({ sheet: area.sheet, range: { ...area.range, rowCount: rows } });
    left -= rows * area.range.columnCount;
    if (rows === area.range.rowCount) pending.shift();
    else pending[0] = { sheet: area.sheet, range: { ...area.range, row: area.range.row + rows, rowCount: area.range.rowCount - rows } };
  }
  return batch;
}
