import { CellAddress, CellFill, CellRange, cellsToRanges, formatCellAddress, formatRangeAddress, memoryKey } from '../core';

/** Cells whose fill one sync reads: each answers about 70 bytes, so about 3.5 MB, under Excel on the web's 5 MB. */
const FILL_READS_PER_SYNC = 50_000;
/** What one getCellProperties call adds to a request besides its address: its object paths, the library's _KeepReference and instantiations (about 535 bytes measured, each action listing the paths it last uses). */
const CALL_BYTES = 600;
/** Request bytes of calls per sync: scattered cells make many calls, and the request passes 5 MB before the answer does. */
const CALL_BYTES_PER_SYNC = 3_500_000;

type Properties = OfficeExtension.ClientResult<Excel.CellProperties[][]>;

/**
 * Current fill of each cell, keyed by sheet!address, read with one getCellProperties per rectangle:
 * colour, pattern (which tells "no fill" from white) and tint (theme colours carry one). One sync
 * unless there are more than FILL_READS_PER_SYNC cells or calls of more than CALL_BYTES_PER_SYNC; loads
 * queued before the call ride in the first.
 */
export async function readFills(context: Excel.RequestContext, cells: ReadonlyArray<{ sheet: string; cell: CellAddress }>): Promise<Map<string, CellFill>> {
  const bySheet = new Map<string, CellAddress[]>();
  for (const { sheet, cell } of cells) {
    const list = bySheet.get(sheet) ?? [];
    list.push(cell);
    bySheet.set(sheet, list);
  }
  const results: Array<{ sheet: string; range: CellRange; properties: Properties }> = [];
  let queuedCells = 0;
  let queuedBytes = 0;
  for (const [sheet, list] of bySheet) {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
    for (const range of cellsToRanges(list).flatMap((whole) => splitRows(whole, FILL_READS_PER_SYNC))) {
      const address = formatRangeAddress(range);
      const properties = worksheet.getRange(address).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      results.push({ sheet, range, properties });
      queuedCells += range.rowCount * range.columnCount;
      queuedBytes += CALL_BYTES + address.length;
      if (queuedCells >= FILL_READS_PER_SYNC || queuedBytes >= CALL_BYTES_PER_SYNC) {
        await context.sync();
        queuedCells = 0;
        queuedBytes = 0;
      }
    }
  }
  // Always a last sync, so loads the caller queued before ride in it; an empty one costs no request.
  if (queuedCells > 0 || queuedBytes > 0 || results.length === 0) await context.sync();
  const fills = new Map<string, CellFill>();
  for (const { sheet, range, properties } of results) {
    properties.value.forEach((row, r) =>
      row.forEach((cell, c) => fills.set(memoryKey(sheet, formatCellAddress({ row: range.row + r, column: range.column + c })), fillOf(cell.format?.fill))),
    );
  }
  return fills;
}

function fillOf(fill: Excel.CellPropertiesFill | undefined): CellFill {
  // Some builds report no pattern for both "no fill" and white (office-js #4900); tintAndShade is null only for no fill.
  const pattern = fill?.pattern ?? (fill?.tintAndShade === null || fill?.tintAndShade === undefined ? 'None' : 'Solid');
  if (pattern === 'None' || fill?.color === undefined) return null;
  const tint = fill.tintAndShade ?? 0;
  return { color: fill.color.toUpperCase(), pattern, ...(tint === 0 ? {} : { tintAndShade: tint }) };
}

/** The range cut into bands of whole rows holding at most `maxCells` cells each. */
function splitRows(range: CellRange, maxCells: number): CellRange[] {
  const rowsPerBand = Math.max(1, Math.floor(maxCells / range.columnCount));
  const bands: CellRange[] = [];
  const end = range.row + range.rowCount;
  for (let row = range.row; row < end; row += rowsPerBand) bands.push({ ...range, row, rowCount: Math.min(end - row, rowsPerBand) });
  return bands;
}
