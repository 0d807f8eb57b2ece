import { formatCellAddress, FormulaCell } from '../core';
import { SheetPart } from './findWorkbookParts';
import { scanSheetData } from './scanSheetData';
import { UnreadableArchive, ZipArchive } from './zipArchive';

/** The cells of a worksheet that hold formulas, as Excel shows them (`=E2+13`); a shared formula's later cells read `=` and its text is not derived. */
export function findFormulaCells(archive: ZipArchive, sheet: SheetPart): FormulaCell[] {
  const cells: FormulaCell[] = [];
  const scanned = scanSheetData(archive, sheet.path, {
    cell(cell) {
      if (cell.formula !== null) cells.push({ sheet: sheet.name, address: formatCellAddress({ row: cell.row - 1, column: cell.column - 1 }), formula: `=${cell.formula}` });
    },
  });
  if (scanned === undefined) throw new UnreadableArchive(`${sheet.path} is referenced but missing`);
  return cells;
}
