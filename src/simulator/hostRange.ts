import { CellRange, formatSheetRangeAddress, MAX_COLUMNS, MAX_ROWS, parseRangeAddress, rangeOrUndefined } from '../core';
import { apiValue, formulaText, valueType } from './cellContent';
import { displayText } from './displayText';
import { assertUnprotected, matrix, sheetOf, writeContents, writeNumberFormats } from './hostCells';
import { HostError } from './hostError';
import { cellPropertiesOf, setCellProperties } from './hostFills';
import { HostContext, HostObject, HostObjectOf, TypeDescriptor } from './hostTypes';
import { StoredCell } from './workbookModel';

type Range = HostObjectOf<'Range'>;

const range = (sheetId: string, rect: CellRange | undefined, method: string): Range => {
  // Excel reports a range pushed off the grid as InvalidArgument.
  if (rect === undefined) throw HostError.invalidArgument(method, `Range.${method}`);
  return { type: 'Range', sheetId, rect };
};

const integers = (args: readonly unknown[], count: number, method: string): number[] => {
  const numbers = args.slice(0, count);
  if (numbers.length < count || !numbers.every((value) => Number.isInteger(value))) throw HostError.invalidArgument(method, `Range.${method}`);
  return numbers as number[];
};

/** A range argument: another Range, or an address on the same sheet. */
function rectArgument(object: Range, argument: unknown, context: HostContext, method: string): CellRange {
  if (typeof argument === 'object' && argument !== null && (argument as HostObject).type === 'Range') {
    const other = argument as Range;
    if (other.sheetId !== object.sheetId) throw HostError.invalidArgument('anotherRange', `Range.${method}`);
    return other.rect;
  }
  if (typeof argument === 'string') {
    const parsed = parseRangeAddress(argument);
    if (parsed === undefined || (parsed.sheetName !== undefined && context.model.findSheet(parsed.sheetName)?.id !== object.sheetId)) throw HostError.invalidArgument('anotherRange', `Range.${method}`);
    return parsed.range;
  }
  throw HostError.invalidArgument('anotherRange', `Range.${method}`);
}

function intersection(a: CellRange, b: CellRange): CellRange | undefined {
  const top = Math.max(a.row, b.row);
  const left = Math.max(a.column, b.column);
  const bottom = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.min(a.column + a.columnCount, b.column + b.columnCount);
  return rangeOrUndefined(top, left, bottom - top, right - left);
}

function usedRange(object: Range, args: readonly unknown[], context: HostContext, orNull: boolean): Range | null {
  const used = context.model.usedRect(sheetOf(context, object.sheetId), args[0] === true);
  const overlap = used === undefined ? undefined : intersection(object.rect, used);
  if (overlap !== undefined) return { type: 'Range', sheetId: object.sheetId, rect: overlap };
  if (orNull) return null;
  throw HostError.of('ItemNotFound', 'Range.getUsedRange');
}

function cells<T>(object: Range, context: HostContext, read: (cell: StoredCell, row: number, column: number) => T): T[][] {
  return matrix(context, sheetOf(context, object.sheetId), object.rect, read);
}

export const RANGE: TypeDescriptor<Range> = {
  properties: {
    address: { since: 1, get: (object, context) => formatSheetRangeAddress(sheetOf(context, object.sheetId).name, object.rect) },
    addressLocal: { since: 1, get: (object, context) => formatSheetRangeAddress(sheetOf(context, object.sheetId).name, object.rect) },
    cellCount: { since: 1, get: ({ rect }) => rect.rowCount * rect.columnCount },
    columnCount: { since: 1, get: ({ rect }) => rect.columnCount },
    columnIndex: { since: 1, get: ({ rect }) => rect.column },
    rowCount: { since: 1, get: ({ rect }) => rect.rowCount },
    rowIndex: { since: 1, get: ({ rect }) => rect.row },
    isEntireColumn: { since: 7, get: ({ rect }) => rect.row === 0 && rect.rowCount === MAX_ROWS },
    isEntireRow: { since: 7, get: ({ rect }) => rect.column === 0 && rect.columnCount === MAX_COLUMNS },
    values: {
      since: 1,
      get: (object, context) => (context.takeNullValuesAnswer(formatSheetRangeAddress(sheetOf(context, object.sheetId).name, object.rect)) ? null : cells(object, context, apiValue)),
      set: (object, value, context) => writeContents(context, sheetOf(context, object.sheetId), object.rect, value, 'Range.values'),
    },
    formulas: {
      since: 1,
      get: (object, context) => cells(object, context, formulaText),
      set: (object, value, context) => writeContents(context, sheetOf(context, object.sheetId), object.rect, value, 'Range.formulas'),
    },
    numberFormat: {
      since: 1,
      get: (object, context) => cells(object, context, (cell) => cell.numberFormat ?? 'General'),
      set: (object, value, context) => writeNumberFormats(context, sheetOf(context, object.sheetId), object.rect, value),
    },
    text: {
      since: 1,
      get: (object, context) => {
        const sheet = sheetOf(context, object.sheetId);
        const { model, settings } = context;
        return cells(object, context, (cell, _row, column) => displayText(cell, { date1904: model.date1904, locale: settings.locale, columnWidth: model.columnWidth(sheet, column) }));
      },
    },
    valueTypes: { since: 1, get: (object, context) => cells(object, context, valueType) },
  },
  navigation: {
    format: { since: 1, get: ({ sheetId, rect }) => ({ type: 'RangeFormat', sheetId, rects: [rect] }) },
    worksheet: { since: 1, get: ({ sheetId }) => ({ type: 'Worksheet', sheetId }) },
  },
  methods: {
    GetCell: { since: 1, call: ({ sheetId, rect }, args) => { const [r, c] = integers(args, 2, 'GetCell'); return range(sheetId, rangeOrUndefined(rect.row + r, rect.column + c, 1, 1), 'GetCell'); } },
    GetRow: { since: 1, call: ({ sheetId, rect }, args) => { const [r] = integers(args, 1, 'GetRow'); return range(sheetId, r < rect.rowCount ? rangeOrUndefined(rect.row + r, rect.column, 1, rect.columnCount) : undefined, 'GetRow'); } },
    GetColumn: { since: 1, call: ({ sheetId, rect }, args) => { const [c] = integers(args, 1, 'GetColumn'); return range(sheetId, c < rect.columnCount ? rangeOrUndefined(rect.row, rect.column + c, rect.rowCount, 1) : undefined, 'GetColumn'); } },
    GetOffsetRange: { since: 1, call: ({ sheetId, rect }, args) => { const [r, c] = integers(args, 2, 'GetOffsetRange'); return range(sheetId, rangeOrUndefined(rect.row + r, rect.column + c, rect.rowCount, rect.columnCount), 'GetOffsetRange'); } },
    GetResizedRange: { since: 2, call: ({ sheetId, rect }, args) => { const [r, c] = integers(args, 2, 'GetResizedRange'); return range(sheetId, rangeOrUndefined(rect.row, rect.column, rect.rowCount + r, rect.columnCount + c), 'GetResizedRange'); } },
    GetEntireRow: { since: 1, call: ({ sheetId, rect }) => range(sheetId, rangeOrUndefined(rect.row, 0, rect.rowCount, MAX_COLUMNS), 'GetEntireRow') },
    GetEntireColumn: { since: 1, call: ({ sheetId, rect }) => range(sheetId, rangeOrUndefined(0, rect.column, MAX_ROWS, rect.columnCount), 'GetEntireColumn') },
    GetBoundingRect: {
      since: 1,
      call: (object, args, context) => {
        const other = rectArgument(object, args[0], context, 'GetBoundingRect');
        const top = Math.min(object.rect.row, other.row);
        const left = Math.min(object.rect.column, other.column);
        const bottom = Math.max(object.rect.row + object.rect.rowCount, other.row + other.rowCount);
        const right = Math.max(object.rect.column + object.rect.columnCount, other.column + other.columnCount);
        return range(object.sheetId, rangeOrUndefined(top, left, bottom - top, right - left), 'GetBoundingRect');
      },
    },
    GetIntersection: { since: 1, call: (object, args, context) => range(object.sheetId, intersection(object.rect, rectArgument(object, args[0], context, 'GetIntersection')), 'GetIntersection') },
    GetIntersectionOrNullObject: {
      since: 4,
      call: (object, args, context) => {
        const overlap = intersection(object.rect, rectArgument(object, args[0], context, 'GetIntersectionOrNullObject'));
        return overlap === undefined ? null : { type: 'Range', sheetId: object.sheetId, rect: overlap };
      },
    },
    GetUsedRange: { since: 1, call: (object, args, context) => usedRange(object, args, context, false) },
    GetUsedRangeOrNullObject: { since: 4, call: (object, args, context) => usedRange(object, args, context, true) },
    GetCellProperties: { since: 9, call: (object, args, context) => cellPropertiesOf(context, sheetOf(context, object.sheetId), object.rect, args[0]) },
    SetCellProperties: { since: 9, call: (object, args, context) => setCellProperties(context, sheetOf(context, object.sheetId), object.rect, args[0]) },
    Clear: { since: 1, call: (object, args, context) => clear(context, object, args[0] ?? 'All') },
    Select: { since: 1, call: (object, _args, context) => context.model.select(sheetOf(context, object.sheetId), [object.rect]) },
    // The client library checks a written array's size against the range before it splits big writes.
    _ValidateArraySize: {
      since: 3,
      call: ({ rect }, args) => {
        if (args[0] !== rect.rowCount || args[1] !== rect.columnCount) throw HostError.invalidArgument('values', 'Range.values');
      },
    },
  },
};

function clear(context: HostContext, object: Range, applyTo: unknown): void {
  if (applyTo !== 'All' && applyTo !== 'Formats' && applyTo !== 'Contents') throw HostError.apiNotFound(`Range.clear("${String(applyTo)}")`, 'the simulated host does not implement this kind of clearing');
  const sheet = sheetOf(context, object.sheetId);
  assertUnprotected(sheet, 'Range.clear');
  const stored: Array<[number, number]> = [];
  context.model.forEachStoredCell(sheet, object.rect, (_cell, row, column) => stored.push([row, column]));
  for (const [row, column] of stored) {
    const cell = context.model.cellAt(sheet, row, column);
    const keepContent = applyTo === 'Formats';
    const keepFormat = applyTo === 'Contents';
    context.model.putCell(sheet, row, column, {
      value: keepContent ? cell.value : '',
      ...(keepContent && cell.error !== undefined ? { error: cell.error } : {}),
      ...(keepContent && cell.formula !== undefined ? { formula: cell.formula } : {}),
      fill: keepFormat ? cell.fill : null,
      numberFormat: keepFormat ? cell.numberFormat : undefined,
    });
  }
  if (applyTo !== 'Formats') context.changes.push({ sheetId: sheet.id, rect: object.rect, changeType: 'RangeEdited' });
}

type Areas = HostObjectOf<'RangeAreas'>;

const areasAddress = (object: Areas, context: HostContext): string => {
  const name = sheetOf(context, object.sheetId).name;
  // The typings give "Sheet1!A1:B4, Sheet1!D1:D4" as the shape of RangeAreas.address.
  return object.rects.map((rect) => formatSheetRangeAddress(name, rect)).join(', ');
};

export const RANGE_AREAS: TypeDescriptor<Areas> = {
  properties: {
    address: { since: 9, get: areasAddress },
    addressLocal: { since: 9, get: areasAddress },
    areaCount: { since: 9, get: ({ rects }) => rects.length },
    cellCount: { since: 9, get: ({ rects }) => rects.reduce((sum, rect) => sum + rect.rowCount * rect.columnCount, 0) },
  },
  navigation: {
    format: { since: 9, get: ({ sheetId, rects }) => ({ type: 'RangeFormat', sheetId, rects }) },
    worksheet: { since: 9, get: ({ sheetId }) => ({ type: 'Worksheet', sheetId }) },
  },
  methods: {
    Select: { since: 18, call: (object, _args, context) => context.model.select(sheetOf(context, object.sheetId), object.rects) },
  },
};

