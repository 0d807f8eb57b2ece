import { cellText, CellValue } from '../core';

/** Very hidden sheet where the add-in remembers fills it replaced, so they survive closing the file and reach co-authors. */
export const STATE_SHEET = 'CapacityCheck state';

/** A cell's own fill before it was painted; null means no fill (restored with `fill.clear()`). */
export type CellFill = { readonly color: string; readonly pattern: string } | null;

export interface RememberedFill {
  readonly sheet: string;
  /** A1 address of one cell. */
  readonly address: string;
  readonly original: CellFill;
  /** Who the cell's row belongs to when it was painted (`rowFingerprint`), to find the row again after rows move; '' when unknown. */
  readonly fingerprint: string;
}

export type FillMemory = Map<string, RememberedFill>;

export const memoryKey = (sheet: string, address: string): string => `${sheet}!${address}`;

const FILL_KIND = 'fill';

/** Remembered fills from the state sheet's rows: kind, sheet, address, colour, pattern, row fingerprint. */
export function parseFillMemory(rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>): FillMemory {
  const memory: FillMemory = new Map();
  for (const row of rows) {
    if (row === undefined || cellText(row[0]) !== FILL_KIND) continue;
    const sheet = cellText(row[1]);
    const address = cellText(row[2]);
    if (sheet === '' || address === '') continue;
    const color = cellText(row[3]);
    const pattern = cellText(row[4]);
    const original: CellFill = color === '' || pattern === '' || pattern === 'None' ? null : { color, pattern };
    memory.set(memoryKey(sheet, address), { sheet, address, original, fingerprint: cellText(row[5]) });
  }
  return memory;
}

/** Rows for the state sheet: kind, sheet, address, colour, pattern, row fingerprint. */
export function serializeFillMemory(memory: FillMemory): string[][] {
  return [...memory.values()].map((entry) => [FILL_KIND, entry.sheet, entry.address, entry.original?.color ?? '', entry.original?.pattern ?? 'None', entry.fingerprint]);
}

export const STATE_COLUMNS = 6;

/**
 * What identifies a booking's row whatever a resolution changes: the text of its ID, Lab, Team, Workload,
 * Owner, Priority and Notes cells (never its pool, dates or chips, which resolutions rewrite). '' when the
 * table has none of those columns or they are all empty.
 */
export function rowFingerprint(cells: ReadonlyArray<CellValue> | undefined, columns: readonly number[]): string {
  if (cells === undefined || columns.length === 0) return '';
  const texts = columns.map((column) => cellText(cells[column]));
  return texts.every((text) => text === '') ? '' : JSON.stringify(texts);
}

/**
 * The memory with each entry of `sheet` moved to the row its fingerprint now sits on, when rows were
 * inserted or deleted since it was painted (by anyone, with or without the add-in): the nearest row
 * with the same fingerprint, or dropped when that row is gone. Entries whose row still matches stay.
 */
export function reanchorMemory(
  memory: FillMemory, sheet: string, rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>, fingerprintColumns: readonly number[],
): FillMemory {
  const fingerprintAt = (row: number) => rowFingerprint(rows[row - 1], fingerprintColumns);
  const moved = [...memory.values()].filter((entry) => {
    if (entry.sheet !== sheet || entry.fingerprint === '') return false;
    const row = Number(/\d+$/.exec(entry.address)?.[0]);
    return fingerprintAt(row) !== entry.fingerprint;
  });
  if (moved.length === 0) return memory;
  const rowsByFingerprint = new Map<string, number[]>();
  rows.forEach((_, index) => {
    const fingerprint = fingerprintAt(index + 1);
    if (fingerprint === '') return;
    const list = rowsByFingerprint.get(fingerprint) ?? [];
    list.push(index + 1);
    rowsByFingerprint.set(fingerprint, list);
  });
  const next: FillMemory = new Map(memory);
  for (const entry of moved) next.delete(memoryKey(entry.sheet, entry.address));
  for (const entry of moved) {
    const [, column, rowText] = /^([A-Z]+)(\d+)$/.exec(entry.address) ?? [];
    const candidates = rowsByFingerprint.get(entry.fingerprint) ?? [];
    if (column === undefined || candidates.length === 0) continue;
    const oldRow = Number(rowText);
    const nearest = candidates.reduce((best, row) => (Math.abs(row - oldRow) < Math.abs(best - oldRow) ? row : best));
    const address = `${column}${nearest}`;
    if (!next.has(memoryKey(sheet, address))) next.set(memoryKey(sheet, address), { ...entry, address });
  }
  return next;
}
