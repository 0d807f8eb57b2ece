import { CellRange, CellValue, formatRangeAddress } from '../core';
import {
  ANSWER_BUDGET_BYTES, checkedValues, isPayloadTooLarge, loadTableRanges, SheetInfo, storeRows, tableSnapshots, toWorkbookRead, WorkbookListing, WorkbookRead,
} from './readWorkbook';

/** Cells of the first chunk when nothing tells how heavy they are: 80 bytes a cell would still fit. */
const FIRST_CHUNK_CELLS = 50_000;
/** The sample of the first rows may be lighter than what follows: chunks are cut for cells this much heavier. */
const SAMPLE_MARGIN = 1.25;
/** Times a chunk is cut smaller after Excel refused its answer as too large. */
const MAX_RETRIES = 4;

interface Area {
  readonly sheet: SheetInfo;
  readonly range: CellRange;
}

/**
 * The read of a workbook whose values pass 5 MB: syncs of whole rows each answering about 4 MB, sized by
 * what the cells weigh (the active sheet's sample, then the answers so far). The active sheet's first
 * chunk rides with the sizes of the other sheets and the tables' ranges; an answer Excel still refuses as
 * too large is asked again in smaller chunks.
 */
export async function readInChunks(context: Excel.RequestContext, listing: WorkbookListing, stopIfCancelled: () => void): Promise<WorkbookRead> {
  const { sheets, tables, active } = listing;
  const activeSheet = active === undefined ? undefined : sheets.find((sheet) => sheet.id === active.sheetId);
  const others = sheets.filter((sheet) => sheet !== activeSheet);
  const loadSizes = () => others.map((sheet) => context.workbook.worksheets.getItem(sheet.id).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'));
  let used = loadSizes();
  let tableRanges = loadTableRanges(context, tables);
  const pending: Area[] = activeSheet === undefined || active === undefined ? [] : [{ sheet: activeSheet, range: active.range }];
  const rowsBySheet = new Map<string, CellValue[][]>(sheets.map((sheet) => [sheet.name, []]));
  let bytesPerCell = active?.bytesPerCell === undefined ? 0 : active.bytesPerCell * SAMPLE_MARGIN;
  let valueBytes = 0;
  let retries = 0;
  let sizesRead = false;
  while (!sizesRead || pending.length > 0) {
    stopIfCancelled();
    const cells = bytesPerCell === 0 ? FIRST_CHUNK_CELLS : Math.max(1, Math.floor(ANSWER_BUDGET_BYTES / bytesPerCell));
    const batch = takeBatch(pending, cells);
    const loaded = batch.map((chunk) => ({ chunk, range: context.workbook.worksheets.getItem(chunk.sheet.id).getRange(formatRangeAddress(chunk.range)).load('values') }));
    try {
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || retries++ >= MAX_RETRIES || batch.length === 0) throw error;
      pending.unshift(...batch);
      bytesPerCell = Math.max(bytesPerCell, ANSWER_BUDGET_BYTES / cells) * 2;
      // A refused answer loaded nothing: the sizes ride with the next try.
      if (!sizesRead) [used, tableRanges] = [loadSizes(), loadTableRanges(context, tables)];
      continue;
    }
    if (!sizesRead) {
      sizesRead = true;
      used.forEach((range, index) => {
        if (!range.isNullObject) pending.push({ sheet: others[index], range: { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount } });
      });
    }
    let batchBytes = 0;
    let batchCells = 0;
    for (const { chunk, range } of loaded) {
      batchBytes += storeRows(rowsBySheet.get(chunk.sheet.name) as CellValue[][], chunk.range, checkedValues(range.values, chunk.range, chunk.sheet.name));
      batchCells += chunk.range.rowCount * chunk.range.columnCount;
    }
    valueBytes += batchBytes;
    // The heaviest cells seen so far size the next sync, so no answer passes the budget.
    if (batchCells > 0) bytesPerCell = Math.max(bytesPerCell, batchBytes / batchCells);
  }
  return toWorkbookRead(sheets, rowsBySheet, tableSnapshots(tables, tableRanges), listing.date1904, valueBytes);
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
