import { CellRef, columnIndex, columnLetters } from '../core';

/** Excel on the web rejects `getRanges` addresses longer than this. */
export const MAX_ADDRESS_LENGTH = 8192;
/** Areas per `getRanges` call; calls with many more areas were reported to fail (office-js #5198). */
export const MAX_AREAS_PER_CALL = 400;

export interface CellRect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** A1 address of a rectangle: "G12" or "G12:J15". Rows are 1-based, columns 0-based. */
export function rectAddress(rect: CellRect): string {
  const first = `${columnLetters(rect.left)}${rect.top}`;
  return rect.top === rect.bottom && rect.left === rect.right ? first : `${first}:${columnLetters(rect.right)}${rect.bottom}`;
}

/**
 * Covers exactly the given cells with few rectangles: adjacent columns of a row join into a span,
 * and identical spans on consecutive rows join into a block.
 */
export function cellsToRects(cells: readonly CellRef[]): CellRect[] {
  const columnsByRow = new Map<number, number[]>();
  for (const { row, column } of cells) {
    const columns = columnsByRow.get(row);
    if (columns === undefined) columnsByRow.set(row, [column]);
    else columns.push(column);
  }
  const rects: CellRect[] = [];
  const open = new Map<string, CellRect>();
  for (const row of [...columnsByRow.keys()].sort((a, b) => a - b)) {
    const columns = [...new Set(columnsByRow.get(row))].sort((a, b) => a - b);
    const spans: Array<[number, number]> = [];
    for (const column of columns) {
      const last = spans[spans.length - 1];
      if (last !== undefined && last[1] === column - 1) last[1] = column;
      else spans.push([column, column]);
    }
    for (const [left, right] of spans) {
      const key = `${left}:${right}`;
      const previous = open.get(key);
      if (previous !== undefined && previous.bottom === row - 1) {
        open.set(key, { ...previous, bottom: row });
      } else {
        if (previous !== undefined) rects.push(previous);
        open.set(key, { top: row, bottom: row, left, right });
      }
    }
  }
  rects.push(...open.values());
  return rects.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** Address lists for `getRanges`, each within the length and area limits. */
export function chunkAddresses(addresses: readonly string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const address of addresses) {
    const added = address.length + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && (length + added > MAX_ADDRESS_LENGTH || current.length >= MAX_AREAS_PER_CALL)) {
      chunks.push(current.join(','));
      current = [];
      length = 0;
    }
    current.push(address);
    length += address.length + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) chunks.push(current.join(','));
  return chunks;
}

/** Every cell of the rectangle, row by row. */
export function rectCells(rect: CellRect): CellRef[] {
  const cells: CellRef[] = [];
  for (let row = rect.top; row <= rect.bottom; row++) for (let column = rect.left; column <= rect.right; column++) cells.push({ row, column });
  return cells;
}

/** Parses "G12" into a cell reference (1-based row, 0-based column); undefined if it is not one cell. */
export function parseCellAddress(address: string): CellRef | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (match === null) return undefined;
  return { row: Number(match[2]), column: columnIndex(match[1]) };
}
