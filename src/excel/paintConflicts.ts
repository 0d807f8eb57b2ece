import { CellRef } from '../core';
import { CellFill, FillMemory, memoryKey, serializeFillMemory, STATE_COLUMNS, STATE_SHEET } from './fillMemory';
import { CellRect, cellsToRects, chunkAddresses, parseCellAddress, rectAddress } from './rangeAddresses';

export const CONFLICT_COLOR = '#FFFF00';
/** Cells whose fill is read per sync: about 2 MB of answer. */
const FILL_READS_PER_SYNC = 25_000;
/** State rows written per sync: about 2 MB of request. */
const STATE_ROWS_PER_SYNC = 40_000;

export interface PaintRequest {
  /** Sheet holding the cells to paint (the allocation table). */
  readonly sheet: string;
  /** Every cell that should be yellow now. */
  readonly targets: readonly CellRef[];
  readonly memory: FillMemory;
  /** Whether the state sheet exists, and how many rows it holds, so stale rows are blanked. */
  readonly stateSheetExists: boolean;
  readonly stateRows: number;
  /** The fingerprint of a row of `sheet`, remembered with each cell painted on it. */
  readonly fingerprintOfRow?: (row: number) => string;
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
  const targetKeys = new Map(request.targets.map((cell) => [memoryKey(sheet, rectAddress({ top: cell.row, bottom: cell.row, left: cell.column, right: cell.column })), cell]));
  const toPaint = [...targetKeys].filter(([key]) => !memory.has(key)).map(([, cell]) => ({ sheet, cell }));
  const toRelease = [...memory.values()].filter((entry) => !targetKeys.has(memoryKey(entry.sheet, entry.address)));
  if (toPaint.length === 0 && toRelease.length === 0) return { memory, painted: 0, restored: 0, leftAlone: 0 };

  const releaseCells = toRelease.map((entry) => ({ sheet: entry.sheet, cell: parseCellAddress(entry.address) })).filter(
    (item): item is { sheet: string; cell: CellRef } => item.cell !== undefined,
  );
  const current = await readFills(context, [...toPaint, ...releaseCells]);

  const next: FillMemory = new Map(memory);
  const paintNow: CellRef[] = [];
  for (const { cell } of toPaint) {
    const address = cellKeyAddress(cell);
    next.set(memoryKey(sheet, address), { sheet, address, original: current.get(memoryKey(sheet, address)) ?? null, fingerprint: request.fingerprintOfRow?.(cell.row) ?? '' });
    paintNow.push(cell);
  }
  const restoreBySheet = new Map<string, Array<{ cell: CellRef; fill: CellFill }>>();
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
  for (const address of chunkAddresses(cellsToRects(paintNow).map(rectAddress))) worksheet.getRanges(address).format.fill.color = CONFLICT_COLOR;
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
    .filter((item): item is { sheet: string; cell: CellRef } => item.cell !== undefined);
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

function cellKeyAddress(cell: CellRef): string {
  return rectAddress({ top: cell.row, bottom: cell.row, left: cell.column, right: cell.column });
}

/** Current fill of each cell, keyed by sheet!address, read with one getCellProperties per rectangle. */
async function readFills(context: Excel.RequestContext, cells: ReadonlyArray<{ sheet: string; cell: CellRef }>): Promise<Map<string, CellFill>> {
  const bySheet = new Map<string, CellRef[]>();
  for (const { sheet, cell } of cells) {
    const list = bySheet.get(sheet) ?? [];
    list.push(cell);
    bySheet.set(sheet, list);
  }
  const results: Array<{ sheet: string; top: number; left: number; properties: OfficeExtension.ClientResult<Excel.CellProperties[][]> }> = [];
  let queuedCells = 0;
  for (const [sheet, list] of bySheet) {
    const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
    for (const rect of cellsToRects(list).flatMap((whole) => splitRows(whole, FILL_READS_PER_SYNC))) {
      const properties = worksheet.getRange(rectAddress(rect)).getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      results.push({ sheet, top: rect.top, left: rect.left, properties });
      queuedCells += (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      // Keeps each answer well under Excel on the web's 5 MB; a typical check needs one sync.
      if (queuedCells >= FILL_READS_PER_SYNC) {
        await context.sync();
        queuedCells = 0;
      }
    }
  }
  if (queuedCells > 0) await context.sync();
  const fills = new Map<string, CellFill>();
  for (const { sheet, top, left, properties } of results) {
    properties.value.forEach((row, r) =>
      row.forEach((cell, c) => {
        const fill = cell.format?.fill;
        // Some builds report no pattern for both "no fill" and white (office-js #4900); tintAndShade is null only for no fill.
        const pattern = fill?.pattern ?? (fill?.tintAndShade === null || fill?.tintAndShade === undefined ? 'None' : 'Solid');
        const own: CellFill = pattern === 'None' || fill?.color === undefined ? null : { color: fill.color.toUpperCase(), pattern };
        fills.set(memoryKey(sheet, cellKeyAddress({ row: top + r, column: left + c })), own);
      }),
    );
  }
  return fills;
}

/** The rectangle cut into bands of whole rows holding at most `maxCells` cells each. */
function splitRows(rect: CellRect, maxCells: number): CellRect[] {
  const width = rect.right - rect.left + 1;
  const rowsPerBand = Math.max(1, Math.floor(maxCells / width));
  const bands: CellRect[] = [];
  for (let top = rect.top; top <= rect.bottom; top += rowsPerBand) bands.push({ ...rect, top, bottom: Math.min(rect.bottom, top + rowsPerBand - 1) });
  return bands;
}

/** Gives cells their own fills back: "no fill" by clearing (never white, which hides gridlines), solid colours per colour, other patterns cell by cell. */
function queueRestores(worksheet: Excel.Worksheet, cells: ReadonlyArray<{ cell: CellRef; fill: CellFill }>): void {
  const byFill = new Map<string, CellRef[]>();
  const patterned: Array<{ cell: CellRef; fill: NonNullable<CellFill> }> = [];
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
    for (const address of chunkAddresses(cellsToRects(list).map(rectAddress))) {
      const areas = worksheet.getRanges(address);
      if (color === '') areas.format.fill.clear();
      else areas.format.fill.color = color;
    }
  }
  for (const { cell, fill } of patterned) {
    worksheet.getRange(cellKeyAddress(cell)).setCellProperties([[{ format: { fill: { color: fill.color, pattern: fill.pattern as Excel.FillPattern } } }]]);
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
  for (let top = 1; top <= height; top += STATE_ROWS_PER_SYNC) {
    const bottom = Math.min(height, top + STATE_ROWS_PER_SYNC - 1);
    const values = Array.from({ length: bottom - top + 1 }, (_, index) => rows[top - 1 + index] ?? blank);
    worksheet.getRange(rectAddress({ top, bottom, left: 0, right: STATE_COLUMNS - 1 })).values = values;
    // The last block rides with the paint in the caller's sync.
    if (bottom < height) await context.sync();
  }
}
