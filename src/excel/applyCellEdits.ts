import { CellEdit, cellText, CellValue, editsAroundFormulas, FormulaCell, LogEntry, RESOLUTION_LOG_SHEET, STATE_SHEET } from '../core';
import { PaintOutcome, PaintPlan, queuePaint, settledPaint } from './paintConflicts';
import { readFills } from './readFills';
import { toCellValue } from './readWorkbook';
import { addLogSheetIfMissing, probeLogSheet, queueLogRows } from './writeLogEntry';
import { addStateSheet } from './writeState';

export interface ChangedCell {
  readonly sheet: string;
  readonly address: string;
  readonly expected: CellValue;
  readonly actual: CellValue;
}

export interface ApplyRequest {
  readonly edits: readonly CellEdit[];
  /** Log entries, one row each: one for a resolution, one per edit of a levelling plan. */
  readonly entries: readonly LogEntry[];
  /** The paint of the check the edits lead to, planned from the last read with the edits in it; null when nothing changes colour. */
  readonly paint: PaintPlan | null;
}

export type ApplyOutcome =
  | {
      readonly ok: true;
      /** The edits with what Excel stored: their undo must find exactly that. */
      readonly stored: CellEdit[];
      /** The log rows as Excel stored them, and where (0-based). */
      readonly logRows: ReadonlyArray<{ readonly row: number; readonly column: number; readonly values: CellValue[] }>;
      readonly paint: PaintOutcome | null;
    }
  | { readonly ok: false; readonly reason: 'changed'; readonly changed: ChangedCell[] }
  | { readonly ok: false; readonly reason: 'formula'; readonly cell: FormulaCell }
  | { readonly ok: false; readonly reason: 'protected'; readonly sheet: string };

interface Target {
  readonly edit: CellEdit;
  readonly range: Excel.Range;
}

/**
 * Writes a resolution in two syncs. Sync 1 re-reads the cells it changes (values, formulas, formats),
 * which sheets are protected, where the log goes and the fills its paint will change. Nothing is written
 * when a cell no longer holds the value the resolution was computed from (a co-author's edit is kept),
 * when a sheet it writes is protected, or when a cell holds a formula it cannot follow. Sync 2 writes
 * the cells, the log row, the remembered fills and the paint in one request (one Ctrl+Z), and reads back
 * what Excel stored. Text is written so that it stays text.
 */
export async function applyCellEdits(context: Excel.RequestContext, request: ApplyRequest): Promise<ApplyOutcome> {
  const targets: Target[] = request.edits.map((edit) => ({ edit, range: context.workbook.worksheets.getItem(edit.sheet).getRange(edit.address).load('values,formulas,numberFormat') }));
  const worksheets = context.workbook.worksheets.load('items/name,items/protection/protected');
  const probe = probeLogSheet(context);
  // The fills read rides in this sync; readFills always syncs.
  const fills = await readFills(context, request.paint?.cellsToRead ?? []);

  const changed = targets.flatMap(({ edit, range }) => {
    const actual = toCellValue(range.values[0][0]);
    return sameValue(actual, edit.before) ? [] : [{ sheet: edit.sheet, address: edit.address, expected: edit.before, actual }];
  });
  if (changed.length > 0) return { ok: false, reason: 'changed', changed };
  const sheetsWritten = new Set([...request.edits.map((edit) => edit.sheet), RESOLUTION_LOG_SHEET, ...(request.paint === null ? [] : [request.paint.request.sheet, STATE_SHEET])]);
  const locked = worksheets.items.find((sheet) => sheetsWritten.has(sheet.name) && sheet.protection.protected);
  if (locked !== undefined) return { ok: false, reason: 'protected', sheet: locked.name };
  const formulas = targets.flatMap(({ edit, range }) => (isFormula(range.formulas[0][0]) ? [{ sheet: edit.sheet, address: edit.address, formula: String(range.formulas[0][0]) }] : []));
  const around = editsAroundFormulas(request.edits, formulas);
  if (!around.ok) return { ok: false, reason: 'formula', cell: around.cell };

  // Sheets are added first: when a co-author added one meanwhile, the add fails before anything is written.
  const logSheet = addLogSheetIfMissing(context, probe);
  const stateSheet = request.paint !== null && !request.paint.request.stateSheetExists ? addStateSheet(context) : undefined;
  for (const edit of around.edits) {
    const target = targets.find((candidate) => candidate.edit === edit) as Target;
    context.workbook.worksheets.getItem(edit.sheet).getRange(edit.address).values = [[writable(edit.after, String(target.range.numberFormat[0][0]))]];
  }
  const logRows = queueLogRows(probe, request.entries, logSheet);
  const paint = request.paint === null ? null : await queuePaint(context, request.paint, fills, stateSheet);
  const readBack = targets.map(({ edit }) => context.workbook.worksheets.getItem(edit.sheet).getRange(edit.address).load('values'));
  await context.sync();
  const stored = request.edits.map((edit, index) => ({ ...edit, after: toCellValue(readBack[index].values[0][0]) }));
  const placed = logRows.map(({ range }) => ({ row: range.rowIndex, column: range.columnIndex, values: range.values[0].map(toCellValue) }));
  return { ok: true, stored, logRows: placed, paint: paint === null ? null : settledPaint(paint) };
}

function isFormula(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('=');
}

/**
 * A value as it must be written so that Excel stores exactly it: text gets a leading apostrophe, which
 * Excel keeps out of the value, so "2026-05-11" or "512" stay text instead of becoming a date or a
 * number; in a Text-formatted cell Excel keeps text as written, so there it goes in as it is.
 */
export function writable(value: CellValue, numberFormat: string): string | number | boolean {
  if (value === null) return '';
  if (typeof value === 'object') return value.error;
  if (typeof value !== 'string') return value;
  return numberFormat === '@' ? value : `'${value}`;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return cellText(a) === cellText(b) && typeof a === typeof b;
}

