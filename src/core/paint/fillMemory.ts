import { formatCellAddress, parseCellAddress } from '../model/address';
import { cellText, SnapshotRow } from '../model/snapshot';
import { BookingField, TableLayout } from '../tables/tableLayout';

/** Very hidden sheet where the add-in remembers fills it replaced, so they survive closing the file and reach co-authors. */
export const STATE_SHEET = 'CapacityCheck state';

/**
 * A cell's own fill before it was painted; null means no fill (restored with `fill.clear()`). A theme
 * colour picked from Excel's palette is its base colour lightened or darkened by `tintAndShade` (-1 to 1).
 */
export type CellFill = { readonly color: string; readonly pattern: string; readonly tintAndShade?: number } | null;

export interface RememberedFill {
  readonly sheet: string;
  /** A1 address of one cell. */
  readonly address: string;
  readonly original: CellFill;
  /** Whose the cell's row was when it was painted (`rowFingerprint`), to find the row again after rows move; '' when unknown. */
  readonly fingerprint: string;
}

export type FillMemory = Map<string, RememberedFill>;

export const memoryKey = (sheet: string, address: string): string => `${sheet}!${address}`;

const FILL_KIND = 'fill';

/** Remembered fills from the state sheet's rows: kind, sheet, address, colour, pattern, row fingerprint, tint (absent in older rows). */
export function parseFillMemory(rows: readonly SnapshotRow[]): FillMemory {
  const memory: FillMemory = new Map();
  for (const row of rows) {
    if (row == null || cellText(row[0]) !== FILL_KIND) continue;
    const sheet = cellText(row[1]);
    const address = cellText(row[2]);
    if (sheet === '' || address === '') continue;
    const color = cellText(row[3]);
    const pattern = cellText(row[4]);
    const tint = typeof row[6] === 'number' ? row[6] : Number(cellText(row[6]) || 0);
    const original: CellFill = color === '' || pattern === '' || pattern === 'None' ? null : { color, pattern, ...(tint === 0 || !Number.isFinite(tint) ? {} : { tintAndShade: tint }) };
    memory.set(memoryKey(sheet, address), { sheet, address, original, fingerprint: cellText(row[5]) });
  }
  return memory;
}

/** Rows for the state sheet: kind, sheet, address, colour, pattern, row fingerprint, tint (as text, so every cell is text). */
export function serializeFillMemory(memory: FillMemory): string[][] {
  return [...memory.values()].map((entry) => [
    FILL_KIND, entry.sheet, entry.address, entry.original?.color ?? '', entry.original?.pattern ?? 'None', entry.fingerprint, String(entry.original?.tintAndShade ?? 0),
  ]);
}

export const STATE_COLUMNS = 7;

/** Columns that say whose a row is and that no resolution rewrites (never its pool, dates or chips). */
export const FINGERPRINT_FIELDS: readonly BookingField[] = ['id', 'lab', 'team', 'workload', 'owner', 'priority', 'notes'];

/** The 0-based columns of the table's fingerprint fields, those it has. */
export function fingerprintColumns(layout: TableLayout): number[] {
  return FINGERPRINT_FIELDS.map((field) => layout.columns[field]?.index).filter((index): index is number => index !== undefined);
}

/**
 * What identifies a booking's row whatever a resolution changes: the text of its fingerprint columns.
 * '' when the table has none of those columns or they are all empty.
 */
export function rowFingerprint(cells: SnapshotRow, columns: readonly number[]): string {
  if (cells == null || columns.length === 0) return '';
  const texts = columns.map((column) => cellText(cells[column]));
  return texts.every((text) => text === '') ? '' : JSON.stringify(texts);
}

/**
 * The memory with each entry of `sheet` moved to the row its fingerprint now sits on, when rows were
 * inserted or deleted since it was painted (by anyone, with or without the add-in): the nearest row
 * with the same fingerprint, or dropped when that row is gone. Entries whose row still matches stay.
 * `rows` are the sheet's rows (`rows[0]` is row 1).
 */
export function reanchorMemory(memory: FillMemory, sheet: string, rows: readonly SnapshotRow[], columns: readonly number[]): FillMemory {
  const fingerprintAt = (row: number) => rowFingerprint(rows[row], columns);
  const moved = [...memory.values()].filter((entry) => {
    const cell = parseCellAddress(entry.address);
    return entry.sheet === sheet && entry.fingerprint !== '' && cell !== undefined && fingerprintAt(cell.row) !== entry.fingerprint;
  });
  if (moved.length === 0) return memory;
  const rowsByFingerprint = new Map<string, number[]>();
  rows.forEach((_, row) => {
    const fingerprint = fingerprintAt(row);
    if (fingerprint === '') return;
    const list = rowsByFingerprint.get(fingerprint) ?? [];
    list.push(row);
    rowsByFingerprint.set(fingerprint, list);
  });
  const next: FillMemory = new Map(memory);
  for (const entry of moved) next.delete(memoryKey(entry.sheet, entry.address));
  for (const entry of moved) {
    const cell = parseCellAddress(entry.address) as { row: number; column: number };
    const candidates = rowsByFingerprint.get(entry.fingerprint) ?? [];
    if (candidates.length === 0) continue;
    const nearest = candidates.reduce((best, row) => (Math.abs(row - cell.row) < Math.abs(best - cell.row) ? row : best));
    const address = formatCellAddress({ row: nearest, column: cell.column });
    if (!next.has(memoryKey(sheet, address))) next.set(memoryKey(sheet, address), { ...entry, address });
  }
  return next;
}
