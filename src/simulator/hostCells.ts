import { CellRange } from '../core';
import { apiValue, contentFromWrite } from './cellContent';
import { evaluateFormula, FormulaValue } from './formulaEngine';
import { HostError } from './hostError';
import { HostContext } from './hostTypes';
import { keyCell, SheetModel, StoredCell, WorkbookModel } from './workbookModel';

/** The sheet an object stands for; ItemNotFound once it is gone. */
export function sheetOf(context: HostContext, sheetId: string): SheetModel {
  const sheet = context.model.sheetById(sheetId);
  if (sheet === undefined) throw HostError.of('ItemNotFound', 'Worksheet');
  return sheet;
}

/** Excel refuses every change to the cells of a protected sheet. */
export function assertUnprotected(sheet: SheetModel, location: string): void {
  if (sheet.protected) throw new HostError('AccessDenied', `The sheet "${sheet.name}" is protected: ${location} cannot change it.`, location);
}

export function forEachCell(rect: CellRange, visit: (row: number, column: number, r: number, c: number) => void): void {
  for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) visit(rect.row + r, rect.column + c, r, c);
}

/** Fails a read of more cells than Excel allows in one get operation. */
export function assertReadable(context: HostContext, cellCount: number): void {
  if (cellCount > context.settings.limits.cellsPerRead) throw HostError.of('RangeExceedsLimit');
}

/** A 2-D answer for a rectangle. */
export function matrix<T>(context: HostContext, sheet: SheetModel, rect: CellRange, read: (cell: StoredCell, row: number, column: number) => T): T[][] {
  assertReadable(context, rect.rowCount * rect.columnCount);
  const rows: T[][] = [];
  for (let r = 0; r < rect.rowCount; r++) {
    const row: T[] = [];
    for (let c = 0; c < rect.columnCount; c++) row.push(read(context.model.cellAt(sheet, rect.row + r, rect.column + c), rect.row + r, rect.column + c));
    rows.push(row);
  }
  return rows;
}

/**
 * A 2-D input for a rectangle: a scalar fills every cell (Excel accepts it, though the typings say any[][]);
 * an array must match the rectangle exactly, else InvalidArgument.
 */
export function gridOf(input: unknown, rect: CellRange, location: string): (r: number, c: number) => unknown {
  if (input === undefined) throw HostError.invalidArgument(location, location);
  if (!Array.isArray(input)) return () => input;
  const fits = input.length === rect.rowCount && input.every((row) => Array.isArray(row) && row.length === rect.columnCount);
  if (!fits) throw HostError.invalidArgument(location, location);
  return (r, c) => (input as unknown[][])[r][c];
}

/** `Range.values` or `Range.formulas` written: each element coerced as Excel coerces typed input; null leaves a cell alone. */
export function writeContents(context: HostContext, sheet: SheetModel, rect: CellRange, input: unknown, location: string): void {
  assertUnprotected(sheet, location);
  const grid = gridOf(input, rect, location);
  const model = context.model;
  let before: StoredCell | undefined;
  forEachCell(rect, (row, column, r, c) => {
    const cell = model.cellAt(sheet, row, column);
    const content = contentFromWrite(grid(r, c), location, cell.numberFormat, model.date1904);
    if (content === undefined) return;
    before = cell;
    model.putCell(sheet, row, column, {
      value: content.value,
      ...(content.error === undefined ? {} : { error: content.error }),
      ...(content.formula === undefined ? {} : { formula: content.formula }),
      fill: cell.fill,
      numberFormat: cell.numberFormat ?? content.impliedNumberFormat,
    });
  });
  const single = rect.rowCount === 1 && rect.columnCount === 1 && before !== undefined ? { before, after: model.cellAt(sheet, rect.row, rect.column) } : undefined;
  context.changes.push({ sheetId: sheet.id, rect, changeType: 'RangeEdited', ...(single === undefined ? {} : { single }) });
}

export function writeNumberFormats(context: HostContext, sheet: SheetModel, rect: CellRange, input: unknown): void {
  assertUnprotected(sheet, 'Range.numberFormat');
  const grid = gridOf(input, rect, 'Range.numberFormat');
  forEachCell(rect, (row, column, r, c) => {
    const format = grid(r, c);
    if (format === null) return;
    if (typeof format !== 'string') throw HostError.invalidArgument('numberFormat', 'Range.numberFormat');
    // '' resets the format to General (learn.microsoft.com "Blank and null values").
    context.model.putCell(sheet, row, column, { ...context.model.cellAt(sheet, row, column), numberFormat: format === '' ? undefined : format });
  });
}

const MAX_RECALCULATION_PASSES = 20;

/** Recalculates every formula cell until nothing changes, as Excel's automatic calculation does after an edit. */
export function recalculate(model: WorkbookModel): void {
  for (let pass = 0; pass < MAX_RECALCULATION_PASSES; pass++) {
    let changed = false;
    for (const sheet of model.sheets) {
      for (const key of [...sheet.formulaKeys]) {
        const { row, column } = keyCell(key);
        const cell = model.cellAt(sheet, row, column);
        const result = evaluateFormula(cell.formula as string, (sheetName, r, c) => readForFormula(model, sheetName === undefined ? sheet : model.findSheet(sheetName), r, c));
        // Functions the host cannot evaluate keep the result Excel cached; a new one shows #NAME? as Excel shows unknown names.
        const next = result === undefined ? (cell.value === '' && cell.error === undefined ? { error: '#NAME?' } : undefined) : result;
        if (next === undefined || sameResult(cell, next)) continue;
        const { value, error } = typeof next === 'object' ? { value: '' as const, error: next.error } : { value: next, error: undefined };
        model.putCell(sheet, row, column, { ...cell, value, ...(error === undefined ? { error: undefined } : { error }) });
        changed = true;
      }
    }
    if (!changed) return;
  }
}

function readForFormula(model: WorkbookModel, sheet: SheetModel | undefined, row: number, column: number): FormulaValue {
  if (sheet === undefined) return { error: '#REF!' };
  const cell = model.cellAt(sheet, row, column);
  return cell.error !== undefined ? { error: cell.error } : apiValue(cell);
}

function sameResult(cell: StoredCell, result: FormulaValue): boolean {
  if (typeof result === 'object') return cell.error === result.error;
  return cell.error === undefined && cell.value === result;
}
