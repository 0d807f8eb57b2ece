import { CellAddress, CellFill, cellsToRanges, FillMemory, formatCellAddress, formatRangeAddress, memoryKey, parseCellAddress, RememberedFill } from '../core';
import { readFills } from './readFills';
import { chunkAddresses } from './rangeAddresses';
import { StateRows } from './stateLayout';
import { findStateSheet, writeState } from './writeState';

export const CONFLICT_COLOR = '#FFFF00';
/** Bytes of the object paths and actions of one getRanges(…).format.fill call, besides its address. */
const PAINT_CALL_BYTES = 600;
/** A generous share of restore calls per cell given back (cells of one colour share a call). */
const RESTORE_BYTES_PER_CELL = 40;

export interface PaintRequest {
  /** Sheet holding the cells to paint (the allocation table). */
  readonly sheet: string;
  /** Every cell that should be yellow now. */
  readonly targets: readonly CellAddress[];
  readonly memory: FillMemory;
  /** Whether the state sheet exists, and its rows as read, so only the rows that change are written. */
  readonly stateSheetExists: boolean;
  readonly stateRows: StateRows;
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
  /** What the state sheet holds after the paint. */
  readonly stateRows: StateRows;
  /** The id of the state sheet when this paint added it. */
  readonly stateSheetId?: string;
}

/** A paint queued, not yet synced: its outcome, and the state sheet it adds (whose id the sync loads). */
export interface QueuedPaint {
  readonly outcome: PaintOutcome;
  readonly addedStateSheet?: Excel.Worksheet;
}

/** The outcome of a queued paint once synced. */
export function settledPaint({ outcome, addedStateSheet }: QueuedPaint): PaintOutcome {
  return addedStateSheet === undefined ? outcome : { ...outcome, stateSheetId: addedStateSheet.id };
}

/** What a paint changes: cells to turn yellow, remembered cells to give back, and the cells whose fill it must read first. */
export interface PaintPlan {
  readonly request: PaintRequest;
  readonly toPaint: ReadonlyArray<{ sheet: string; cell: CellAddress }>;
  readonly toRelease: readonly RememberedFill[];
  readonly cellsToRead: ReadonlyArray<{ sheet: string; cell: CellAddress }>;
}

export const isConflictYellow = (fill: CellFill): boolean =>
  fill !== null && fill.pattern === 'Solid' && fill.color.toUpperCase() === CONFLICT_COLOR && (fill.tintAndShade ?? 0) === 0;

/** The paint a request needs, or null when every cell already is as it should be. */
export function planPaint(request: PaintRequest): PaintPlan | null {
  const { sheet, memory } = request;
  const targetKeys = new Map(request.targets.map((cell) => [memoryKey(sheet, formatCellAddress(cell)), cell]));
  const toPaint = [...targetKeys].filter(([key]) => !memory.has(key)).map(([, cell]) => ({ sheet, cell }));
  const toRelease = [...memory.values()].filter((entry) => !targetKeys.has(memoryKey(entry.sheet, entry.address)));
  if (toPaint.length === 0 && toRelease.length === 0) return null;
  const releaseCells = toRelease.flatMap((entry) => {
    const cell = parseCellAddress(entry.address);
    return cell === undefined ? [] : [{ sheet: entry.sheet, cell }];
  });
  return { request, toPaint, toRelease, cellsToRead: [...toPaint, ...releaseCells] };
}

/**
 * Makes the conflict cells yellow and gives every cell whose conflict ended its own fill back, in two
 * syncs (none when nothing changed): read the current fills of the cells about to change, then write the
 * remembered originals and the fills in one request, which one Ctrl+Z undoes. Cells someone recoloured
 * while yellow keep their colour.
 */
export async function paintConflicts(context: Excel.RequestContext, request: PaintRequest): Promise<PaintOutcome> {
  const plan = planPaint(request);
  if (plan === null) return unpainted(request);
  const current = await readFills(context, plan.cellsToRead);
  const queued = await queuePaint(context, plan, current);
  try {
    await context.sync();
  } catch (error) {
    await reconcileMemory(context, request.memory, queued.outcome, request);
    throw error;
  }
  return settledPaint(queued);
}

/** The outcome of a request that paints nothing: memory and state sheet as they were. */
export function unpainted(request: PaintRequest): PaintOutcome {
  return { memory: request.memory, painted: 0, restored: 0, leftAlone: 0, stateRows: request.stateRows };
}

/**
 * Queues the paint of a plan, the fills it read in hand: the state sheet's rows first, so no cell is ever
 * yellow without its own fill remembered, then the fills. Blocks of state too big for one request go
 * out in syncs of their own; the last rides with the paint in the caller's sync.
 */
export async function queuePaint(context: Excel.RequestContext, plan: PaintPlan, current: ReadonlyMap<string, CellFill>, stateSheet?: Excel.Worksheet): Promise<QueuedPaint> {
  const { request } = plan;
  const next: FillMemory = new Map(request.memory);
  const paintNow: CellAddress[] = [];
  for (const { sheet, cell } of plan.toPaint) {
    const address = formatCellAddress(cell);
    next.set(memoryKey(sheet, address), { sheet, address, original: current.get(memoryKey(sheet, address)) ?? null, fingerprint: request.fingerprintOfRow?.(cell.row + 1) ?? '' });
    paintNow.push(cell);
  }
  const restoreBySheet = new Map<string, Array<{ cell: CellAddress; fill: CellFill }>>();
  let leftAlone = 0;
  for (const entry of plan.toRelease) {
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
  const paintAddresses = chunkAddresses(cellsToRanges(paintNow).map(formatRangeAddress));
  const restoreCells = [...restoreBySheet.values()].reduce((sum, cells) => sum + cells.length, 0);
  // The paint rides with the state's last block: its addresses, and about as much again for restores.
  const reserveBytes = paintAddresses.reduce((sum, address) => sum + address.length + PAINT_CALL_BYTES, 0) + restoreCells * RESTORE_BYTES_PER_CELL;
  const state = await writeState(context, next, request, { sheet: stateSheet, reserveBytes });
  const worksheet = context.workbook.worksheets.getItem(request.sheet);
  for (const address of paintAddresses) worksheet.getRanges(address).format.fill.color = CONFLICT_COLOR;
  let restored = 0;
  for (const [sheetName, cells] of restoreBySheet) {
    restored += cells.length;
    queueRestores(context.workbook.worksheets.getItem(sheetName), cells);
  }
  return { outcome: { memory: next, painted: paintNow.length, restored, leftAlone, stateRows: state.rows }, addedStateSheet: state.added };
}

/**
 * After a paint failed part-way: remember exactly the cells that are yellow now, so the next check
 * restores what was painted and paints what was not. New entries whose cell never turned yellow are
 * dropped; released entries whose cell is still yellow are kept.
 */
async function reconcileMemory(context: Excel.RequestContext, before: FillMemory, tried: PaintOutcome, request: PaintRequest): Promise<void> {
  const attempted = tried.memory;
  const changed = [...new Set([...before.keys(), ...attempted.keys()])].filter((key) => before.get(key) !== attempted.get(key));
  const cells = changed
    .map((key) => (attempted.get(key) ?? before.get(key))!)
    .flatMap((entry) => {
      const cell = parseCellAddress(entry.address);
      return cell === undefined ? [] : [{ sheet: entry.sheet, cell }];
    });
  const current = await readFills(context, cells);
  const settled: FillMemory = new Map(attempted);
  for (const key of changed) {
    const entry = attempted.get(key) ?? before.get(key);
    if (entry === undefined) continue;
    if (isConflictYellow(current.get(key) ?? null)) settled.set(key, entry);
    else settled.delete(key);
  }
  const exists = await stateSheetExists(context, request);
  // What the sheet holds is the old rows or the attempted ones: rewrite every row of the longer.
  const rows = tried.stateRows.length >= request.stateRows.length ? tried.stateRows : request.stateRows;
  await writeState(context, settled, { stateSheetExists: exists, stateRows: rows }, { rewrite: true });
  await context.sync();
}

/** Whether the state sheet is there now: a failed paint may have failed before or after adding it. */
async function stateSheetExists(context: Excel.RequestContext, request: PaintRequest): Promise<boolean> {
  if (request.stateSheetExists) return true;
  const sheet = findStateSheet(context);
  await context.sync();
  return !sheet.isNullObject;
}

/**
 * Gives cells their own fills back: "no fill" by clearing (never white, which hides gridlines), solid
 * colours per colour and tint (the tint written after the colour, which resets it), other patterns cell by cell.
 */
function queueRestores(worksheet: Excel.Worksheet, cells: ReadonlyArray<{ cell: CellAddress; fill: CellFill }>): void {
  const bySolidFill = new Map<string, { fill: CellFill; cells: CellAddress[] }>();
  const patterned: Array<{ cell: CellAddress; fill: NonNullable<CellFill> }> = [];
  for (const { cell, fill } of cells) {
    if (fill !== null && fill.pattern !== 'Solid') {
      patterned.push({ cell, fill });
      continue;
    }
    const key = fill === null ? '' : `${fill.color}|${fill.tintAndShade ?? 0}`;
    const group = bySolidFill.get(key) ?? { fill, cells: [] };
    group.cells.push(cell);
    bySolidFill.set(key, group);
  }
  for (const { fill, cells: group } of bySolidFill.values()) {
    for (const address of chunkAddresses(cellsToRanges(group).map(formatRangeAddress))) {
      const areas = worksheet.getRanges(address).format.fill;
      if (fill === null) areas.clear();
      else {
        areas.color = fill.color;
        if ((fill.tintAndShade ?? 0) !== 0) areas.tintAndShade = fill.tintAndShade as number;
      }
    }
  }
  for (const { cell, fill } of patterned) {
    const format = { fill: { color: fill.color, pattern: fill.pattern as Excel.FillPattern, tintAndShade: fill.tintAndShade ?? 0 } };
    worksheet.getRange(formatCellAddress(cell)).setCellProperties([[{ format }]]);
  }
}
