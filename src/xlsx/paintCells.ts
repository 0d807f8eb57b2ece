import type { Fill, Worksheet } from 'exceljs';
import { CellRef } from '../core/paintTargets';

export const CONFLICT_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };

/**
 * Fills the cells with `fill`, leaving every other property of their style as it was.
 * ExcelJS shares one style object between cells read with the same style, so each painted
 * cell gets a style object of its own instead of having the shared one changed.
 */
export function paintCells(worksheet: Worksheet, cells: readonly CellRef[], fill: Fill = CONFLICT_FILL): void {
  for (const { row, column } of cells) {
    const cell = worksheet.getCell(row, column + 1);
    cell.style = { ...cell.style, fill };
  }
}
