import {
  CellAddress, CellFill, CellRange, cellsToRanges, FillMemory, formatCellAddress, formatRangeAddress, memoryKey, parseCellAddress, serializeFillMemory,
  STATE_COLUMNS, STATE_SHEET,
} from '../core';
import { chunkAddresses } from './rangeAddresses';

export const CONFLICT_COLOR = '#FFFF00';
/** Cells whose fill is read per sync: about 2 MB of answer. */
const FILL_READS_PER_SYNC = 25_000;
/** State rows written per sync: about 2 MB of request. */
const STATE_ROWS_PER_SYNC = 40_000;

export interface PaintRequest {
  /** Sheet holding the cells to paint (the allocation table). */
  readonly sheet: string;
  /** Every cell that should be yellow now. */
  readonly targets: readonly CellAddress[];
  readonly memory: FillMemory;
  /** Whether the state sheet exists, and how many rows it holds, so stale rows are blanked. */
  readonly stateSheetExists: boolean;
  readonly stateRows: number;
  /** The fingerprint of a sheet row of `sheet`, remembered with each cell painted on it. */
  readonly fingerprintOfRow?: (sheetRow: number) => string;
}

export interface PaintOutcome {
  readonly memory: FillMemory;
  /** Cells newly filled yellow. */
  readonly painted: number;
  /** Cells given back their own fill. */
  readonly restored: number;
  /** Cells whose conflict ended but which the user had recoloured, so were left as they are. */
  readonly leftAlone: number;
}

const isConflictYellow = (fill: CellFill): boolean => fill !== null && fill.pattern === 'Solid' && fill.color.toUpperCase() === CONFLICT_COLOR;

/**
 * Makes the conflict cells yellow and gives every cell whose conflict ended its own fill back, in
 * two syncs (none when nothing changed): read the current fills of the cells about to change, then
 * write fills and the remembered originals together. Cells the user recoloured are never repainted.
 */
export async function paintConflicts(context: Excel.RequestContext, request: PaintRequest): Promise<PaintOutcome> {
  const { sheet, memory } = request;
  const targetKeys = new Map(request.targets.map((cell) => [memoryKey(sheet, formatCellAddress(cell)), cell]));
  const toPaint = [...targetKeys].filter(([key]) => !memory.has(key)).map(([, cell]) => ({ sheet, cell }));
  const toRelease = [...memory.values()].filter((entry) => !targetKeys.has(memoryKey(entry.sheet, entry.address)));
  if (toPaint.length === 0 && toRelease.length === 0) return { memory, painted: 0, restored: 0, leftAlone: 0 };

  const releaseCells = toRelease.map((entry) => ({ sheet: entry.sheet, cell: parseCellAddress(entry.address) })).filter(
    (item): item is { sheet: string; cell: CellAddress } => item.cell !== undefined,
  );
  const current = await readFills(context, [...toPaint, ...releaseCells]);

  const next: FillMemory = new Map(memory);
  const paintNow: CellAddress[] = [];
  for (const { cell } of toPaint) {
    const address = formatCellAddress(cell);
    next.set(memoryKey(sheet, address), { sheet, address, original: current.get(memoryKey(sheet, address)) ?? null, fingerprint: request.fingerprintOfRow?.(cell.row + 1) ?? '' });
    paintNow.push(cell);
  }
  const restoreBySheet = new Map<string, Array<{ cell: CellAddress; fill: CellFill }>>();
  let leftAlone = 0;
  for (const entry of toRelease) {
    next.delete(memoryKey(entry.sheet, entry.address));
    const cell = parseCellAddress(entry.address);
    const now = current.get(memoryKey(entry.sheet, entry.address));
    // A cell that is no longer yellow was recoloured by someone: their colour stays.
    if (cell === undefined || now === undefined || !isConflictYellow(now)) {
      leftAlone++;
      continue;
    }
    const list = restoreBySheet.get(entry.sheet) ?? [];
    list.push({ cell, fill: entry.original });
    restoreBySheet.set(entry.sheet, list);
  }

  // The memory is written before the paint, so no cell is ever yellow without its own fill remembered.
  await writeState(context, next, request);
  const worksheet = context.workbook.worksheets.getItem(sheet);
  for (const address of chunkAddresses(cellsToRanges(paintNow).map(formatRangeAddress))) worksheet.getRanges(address).format.fill.color = CONFLICT_COLOR;
  let restored = 0;
  for (const [sheetName, cells] of restoreBySheet) {
    restored += cells.length;
    queueRestores(context.workbook.worksheets.getItem(sheetName), cells);
  }
  try {
    await context.sync();
  } catch (error) {
    await reconcileMemory(context, memory, next, request);
    throw error;
  }
  return { memory: next, painted: paintNow.length, restored, leftAlone };
}

/**
 * After a paint failed part-way: remember exactly the cells that are yellow now, so the next check
 * restores what was painted and paints what was not. New entries whose cell never turned yellow are
 * dropped; released entries whose cell is still yellow are kept.
 */
async function reconcileMemory(context: Excel.RequestContext, before: FillMemory, attempted: FillMemory, request: PaintRequest): Promise<void> {
  const changed = [...new Set([...before.keys(), ...attempted.keys()])].filter((key) => before.get(key) !== attempted.get(key));
  const cells = changed
    .map((key) => (attempted.get(key) ?? before.get(key))!)
    .map((entry) => ({ sheet: entry.sheet, cell: parseCellAddress(entry.address) }))
    .filter((item): item is { sheet: string; cell: CellAddress } => item.cell !== undefined);
  const current = await readFills(context, cells);
  const settled: FillMemory = new Map(attempted);
  for (const key of changed) {
    const yellow = isConflictYellow(current.get(key) ?? null);
    const entry = attempted.get(key) ?? before.get(key);
    if (entry === undefined) continue;
    if (yellow) settled.set(key, entry);
    else settled.delete(key);
  }
  await writeState(context, settled, { ...request, stateSheetExists: true, stateRows: Math.max(request.stateRows, attempted.size) });
  await context.sync();
}

/** Current fill of each cell, keyed by sheet!address, read with one getCellProperties per rectangle. */
async function readFills(context: Excel.RequestContext, cells: ReadonlyArray<{ sheet: string; cell: CellAddress }>): Promise<Map<string, CellFill>> {
  const bySheet = new Map<string, CellAddress[]>();
  for (const { sheet, cell } of cells) {
    const list = bySheet.get(sheet) ?? [];
    list.push(cell);
    bySheet.set(sheet, list);
  }
  const results: Array<{ sheet: string; range: CellRange; properties: OfficeExtension.ClientResult<Excel.CellProperties[][]> }> = [];
  let queuedCells = 0;
  for (const [sheet, list] of bySheet) {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
    for (const range of cellsToRanges(list).flatMap((whole) => splitRows(whole, FILL_READS_PER_SYNC))) {
      const properties = worksheet.getRange(formatRangeAddress(range)).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      results.push({ sheet, range, properties });
      queuedCells += range.rowCount * range.columnCount;
      // Keeps each answer well under Excel on the web's 5 MB; a typical check needs one sync.
      if (queuedCells >= FILL_READS_PER_SYNC) {
        await context.sync();
        queuedCells = 0;
      }
    }
  }
  if (queuedCells > 0) await context.sync();
  const fills = new Map<string, CellFill>();
  for (const { sheet, range, properties } of results) {
    properties.value.forEach((row, r) =>
      row.forEach((cell, c) => {
        const fill = cell.format?.fill;
        // Some builds report no pattern for both "no fill" and white (office-js #4900); tintAndShade is null only for no fill.
        const pattern = fill?.pattern ?? (fill?.tintAndShade === null || fill?.tintAndShade === undefined ? 'None' : 'Solid');
        const own: CellFill = pattern === 'None' || fill?.color === undefined ? null : { color: fill.color.toUpperCase(), pattern };
        fills.set(memoryKey(sheet, formatCellAddress({ row: range.row + r, column: range.column + c })), own);
      }),
    );
  }
  return fills;
}

/** The range cut into bands of whole rows holding at most `maxCells` cells each. */
function splitRows(range: CellRange, maxCells: number): CellRange[] {
  const rowsPerBand = Math.max(1, Math.floor(maxCells / range.columnCount));
  const bands: CellRange[] = [];
  const end = range.row + range.rowCount;
  for (let row = range.row; row < end; row += rowsPerBand) bands.push({ ...range, row, rowCount: Math.min(end - row, rowsPerBand) });
  return bands;
}

/** Gives cells their own fills back: "no fill" by clearing (never white, which hides gridlines), solid colours per colour, other patterns cell by cell. */
function queueRestores(worksheet: Excel.Worksheet, cells: ReadonlyArray<{ cell: CellAddress; fill: CellFill }>): void {
  const byFill = new Map<string, CellAddress[]>();
  const patterned: Array<{ cell: CellAddress; fill: NonNullable<CellFill> }> = [];
  for (const { cell, fill } of cells) {
    if (fill !== null && fill.pattern !== 'Solid') {
      patterned.push({ cell, fill });
      continue;
    }
    const key = fill === null ? '' : fill.color;
    const list = byFill.get(key) ?? [];
    list.push(cell);
    byFill.set(key, list);
  }
  for (const [color, list] of byFill) {
    for (const address of chunkAddresses(cellsToRanges(list).map(formatRangeAddress))) {
      const areas = worksheet.getRanges(address);
      if (color === '') areas.format.fill.clear();
      else areas.format.fill.color = color;
    }
  }
  for (const { cell, fill } of patterned) {
    worksheet.getRange(formatCellAddress(cell)).setCellProperties([[{ format: { fill: { color: fill.color, pattern: fill.pattern as Excel.FillPattern } } }]]);
  }
}

/**
 * Rewrites the state sheet with the memory, blanking rows left from a longer one. Rows beyond the
 * first STATE_ROWS_PER_SYNC go out in syncs of their own, so no request passes Excel on the web's 5 MB.
 */
async function writeState(context: Excel.RequestContext, memory: FillMemory, request: PaintRequest): Promise<void> {
  const rows = serializeFillMemory(memory);
  const height = Math.max(rows.length, request.stateRows);
  if (height === 0) return;
  let worksheet: Excel.Worksheet;
  if (request.stateSheetExists) worksheet = context.workbook.worksheets.getItem(STATE_SHEET);
  else {
    worksheet = context.workbook.worksheets.add(STATE_SHEET);
    worksheet.visibility = 'VeryHidden';
  }
  const blank = new Array<string>(STATE_COLUMNS).fill('');
  for (let row = 0; row < height; row += STATE_ROWS_PER_SYNC) {
    const rowCount = Math.min(height - row, STATE_ROWS_PER_SYNC);
    const values = Array.from({ length: rowCount }, (_, index) => rows[row + index] ?? blank);
    worksheet.getRange(formatRangeAddress({ row, column: 0, rowCount, columnCount: STATE_COLUMNS })).values = values;
    // The last block rides with the paint in the caller's sync.
    if (row + rowCount < height) await context.sync();
  }
}
