import { cellText, CellValue } from '../core/snapshot';

/** Very hidden sheet where the add-in remembers fills it replaced, so they survive closing the file and reach co-authors. */
export const STATE_SHEET = 'CapacityCheck state';

/** A cell's own fill before it was painted; null means no fill (restored with `fill.clear()`). */
export type CellFill = { readonly color: string; readonly pattern: string } | null;

export interface RememberedFill {
  readonly sheet: string;
  /** A1 address of one cell. */
  readonly address: string;
  readonly original: CellFill;
}

export type FillMemory = Map<string, RememberedFill>;

export const memoryKey = (sheet: string, address: string): string => `${sheet}!${address}`;

const FILL_KIND = 'fill';

/** Remembered fills from the state sheet's rows: kind, sheet, address, colour, pattern. */
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
    memory.set(memoryKey(sheet, address), { sheet, address, original });
  }
  return memory;
}

/** Rows for the state sheet: kind, sheet, address, colour, pattern. */
export function serializeFillMemory(memory: FillMemory): string[][] {
  return [...memory.values()].map((entry) => [FILL_KIND, entry.sheet, entry.address, entry.original?.color ?? '', entry.original?.pattern ?? 'None']);
}

export const STATE_COLUMNS = 5;
