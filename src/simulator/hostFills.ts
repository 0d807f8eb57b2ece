import { CellRange, formatSheetRangeAddress } from '../core';
import { assertUnprotected, forEachCell, matrix, sheetOf } from './hostCells';
import { HostError } from './hostError';
import { HostContext, HostObjectOf, TypeDescriptor } from './hostTypes';
import { normalizeColorOrUndefined } from './normalizeColor';
import { CellFill, SheetModel, StoredCell } from './workbookModel';

/** "No Fill" reads as '#FFFFFF', exactly like a white fill (office-js issue #6218). */
export const NO_FILL_COLOR = '#FFFFFF';

type Fill = HostObjectOf<'RangeFill'>;

/** What Excel reports for the fill of some cells: a property whose cells differ reads null. */
interface FillSummary {
  readonly color: string | null;
  readonly pattern: string | null;
  /** null for "No Fill" (Microsoft's answer in office-js issue #4900). */
  readonly tintAndShade: number | null;
}

function fillSummary(context: HostContext, object: Fill): FillSummary {
  const sheet = sheetOf(context, object.sheetId);
  let cellCount = 0;
  const fills: Array<CellFill> = [];
  for (const rect of object.rects) {
    cellCount += rect.rowCount * rect.columnCount;
    context.model.forEachStoredCell(sheet, rect, (cell) => {
      if (cell.fill !== null) fills.push(cell.fill);
    });
  }
  const unfilled = cellCount - fills.length;
  const uniform = <T>(values: T[]): T | null => (values.every((value) => value === values[0]) ? values[0] : null);
  const colors = [...fills.map((fill) => fill.color), ...(unfilled > 0 ? [NO_FILL_COLOR] : [])];
  const patterns = [...fills.map((fill) => fill.pattern), ...(unfilled > 0 ? ['None'] : [])];
  return {
    color: uniform(colors),
    pattern: uniform(patterns),
    tintAndShade: unfilled > 0 ? null : uniform(fills.map((fill) => fill.tintAndShade)),
  };
}

/** Changes the fill of every cell of the areas; `next` gets the cell's current fill. */
function updateFills(context: HostContext, object: Fill, location: string, next: (fill: CellFill | null) => CellFill | null): void {
  const sheet = sheetOf(context, object.sheetId);
  assertUnprotected(sheet, location);
  for (const rect of object.rects) {
    if (next(null) === null) {
      // Only stored cells can have a fill; visiting the rest would cost a whole column's worth of lookups.
      const filled: Array<[number, number, StoredCell]> = [];
      context.model.forEachStoredCell(sheet, rect, (cell, row, column) => filled.push([row, column, cell]));
      for (const [row, column, cell] of filled) context.model.putCell(sheet, row, column, { ...cell, fill: next(cell.fill) });
      continue;
    }
    forEachCell(rect, (row, column) => {
      const cell = context.model.cellAt(sheet, row, column);
      context.model.putCell(sheet, row, column, { ...cell, fill: next(cell.fill) });
    });
  }
}

/** A colour written through the API; '' resets it (learn.microsoft.com "Blank and null values"), others must be #RRGGBB or an HTML name. */
function colorOf(value: unknown, location: string): string | null {
  if (value === '') return null;
  const color = normalizeColorOrUndefined(value);
  if (color === undefined) throw HostError.invalidArgument('color', location);
  return color;
}

function tintOf(value: unknown, location: string): number {
  if (typeof value !== 'number' || value < -1 || value > 1) throw HostError.invalidArgument('tintAndShade', location);
  return value;
}

/** Excel measures column widths in points; the model keeps pixels (96 per inch, 72 points per inch). */
const PIXELS_PER_POINT = 96 / 72;

export const RANGE_FORMAT: TypeDescriptor<HostObjectOf<'RangeFormat'>> = {
  navigation: { fill: { since: 1, get: ({ sheetId, rects }) => ({ type: 'RangeFill', sheetId, rects }) } },
  properties: {
    columnWidth: {
      since: 2,
      // The width of the first column when every column of the range has it, else null, as Excel answers.
      get: ({ sheetId, rects }, context) => {
        const sheet = sheetOf(context, sheetId);
        const widths = rects.flatMap((rect) => Array.from({ length: Math.min(rect.columnCount, 256) }, (_, offset) => context.model.columnWidth(sheet, rect.column + offset)));
        return widths.every((width) => width === widths[0]) ? widths[0] / PIXELS_PER_POINT : null;
      },
      set: ({ sheetId, rects }, value, context) => {
        if (typeof value !== 'number' || !(value >= 0) || value > 255 * 7.5) throw HostError.invalidArgument('columnWidth', 'RangeFormat.columnWidth');
        const sheet = sheetOf(context, sheetId);
        assertUnprotected(sheet, 'RangeFormat.columnWidth');
        for (const rect of rects) for (let column = rect.column; column < rect.column + rect.columnCount; column++) sheet.columnWidths.set(column, value * PIXELS_PER_POINT);
      },
    },
  },
};

export const RANGE_FILL: TypeDescriptor<Fill> = {
  properties: {
    color: {
      since: 1,
      get: (object, context) => fillSummary(context, object).color,
      // A new colour is solid and untinted.
      set: (object, value, context) => {
        const color = colorOf(value, 'RangeFill.color');
        updateFills(context, object, 'RangeFill.color', () => (color === null ? null : { color, pattern: 'Solid', tintAndShade: 0 }));
      },
    },
    pattern: {
      since: 9,
      get: (object, context) => fillSummary(context, object).pattern,
      set: (object, value, context) => {
        if (typeof value !== 'string') throw HostError.invalidArgument('pattern', 'RangeFill.pattern');
        updateFills(context, object, 'RangeFill.pattern', (fill) => (value === 'None' ? null : { color: fill?.color ?? '#000000', pattern: value, tintAndShade: fill?.tintAndShade ?? 0 }));
      },
    },
    tintAndShade: {
      since: 9,
      get: (object, context) => fillSummary(context, object).tintAndShade,
      set: (object, value, context) => {
        const tint = tintOf(value, 'RangeFill.tintAndShade');
        updateFills(context, object, 'RangeFill.tintAndShade', (fill) => ({ color: fill?.color ?? NO_FILL_COLOR, pattern: fill?.pattern ?? 'Solid', tintAndShade: tint }));
      },
    },
  },
  methods: {
    // Back to "No Fill"; unlike painting white, this keeps the gridlines (office-js issue #2349).
    Clear: { since: 1, call: (object, _args, context) => updateFills(context, object, 'RangeFill.clear', () => null) },
  },
};

const CELL_PROPERTY_SHAPE = { address: true, addressLocal: true, format: { fill: { color: true, pattern: true, tintAndShade: true } } } as const;

/** Refuses options the host does not answer, naming them, rather than leaving them out. */
function checkShape(options: unknown, shape: unknown, path: string): void {
  if (typeof options !== 'object' || options === null) throw HostError.invalidArgument('cellPropertiesLoadOptions', 'Range.getCellProperties');
  for (const [key, inner] of Object.entries(options)) {
    const expected = (shape as Record<string, unknown>)[key];
    if (expected === undefined) throw HostError.apiNotFound(`Range.getCellProperties ${path}${key}`, 'the simulated host does not answer this cell property');
    if (expected !== true) checkShape(inner, expected, `${path}${key}.`);
  }
}

type Selection = { address?: boolean; addressLocal?: boolean; format?: { fill?: { color?: boolean; pattern?: boolean; tintAndShade?: boolean } } };

/** `Range.getCellProperties` (ExcelApi 1.9): per cell, only what was asked for. */
export function cellPropertiesOf(context: HostContext, sheet: SheetModel, rect: CellRange, options: unknown): unknown[][] {
  checkShape(options, CELL_PROPERTY_SHAPE, '');
  const wanted = options as Selection;
  return matrix(context, sheet, rect, (cell, row, column) => {
    const properties: Record<string, unknown> = {};
    const address = formatSheetRangeAddress(sheet.name, { row, column, rowCount: 1, columnCount: 1 });
    if (wanted.address === true) properties.address = address;
    if (wanted.addressLocal === true) properties.addressLocal = address;
    const fillWanted = wanted.format?.fill;
    if (fillWanted !== undefined) {
      const fill: Record<string, unknown> = {};
      if (fillWanted.color === true) fill.color = cell.fill?.color ?? NO_FILL_COLOR;
      if (fillWanted.pattern === true) fill.pattern = cell.fill?.pattern ?? 'None';
      if (fillWanted.tintAndShade === true) fill.tintAndShade = cell.fill?.tintAndShade ?? null;
      properties.format = { fill };
    }
    return properties;
  });
}

/** `Range.setCellProperties` (ExcelApi 1.9): fills only; the array must match the range; null entries leave cells alone. */
export function setCellProperties(context: HostContext, sheet: SheetModel, rect: CellRange, data: unknown): void {
  assertUnprotected(sheet, 'Range.setCellProperties');
  const fits = Array.isArray(data) && data.length === rect.rowCount && data.every((row) => Array.isArray(row) && row.length === rect.columnCount);
  if (!fits) throw HostError.invalidArgument('cellPropertiesData', 'Range.setCellProperties');
  forEachCell(rect, (row, column, r, c) => {
    const entry = (data as unknown[][])[r][c] as { format?: { fill?: Record<string, unknown> } } | null;
    if (entry === null || entry === undefined) return;
    for (const key of Object.keys(entry)) if (key !== 'format') throw HostError.apiNotFound(`Range.setCellProperties ${key}`, 'the simulated host sets fills only');
    const fill = entry.format?.fill;
    for (const key of Object.keys(entry.format ?? {})) if (key !== 'fill') throw HostError.apiNotFound(`Range.setCellProperties format.${key}`, 'the simulated host sets fills only');
    if (fill === undefined) return;
    for (const key of Object.keys(fill)) if (!['color', 'pattern', 'tintAndShade'].includes(key)) throw HostError.apiNotFound(`Range.setCellProperties format.fill.${key}`, 'the simulated host sets fill colour, pattern and tint only');
    const cell = context.model.cellAt(sheet, row, column);
    const color = fill.color === undefined ? cell.fill?.color ?? NO_FILL_COLOR : colorOf(fill.color, 'Range.setCellProperties');
    const pattern = typeof fill.pattern === 'string' ? fill.pattern : cell.fill?.pattern ?? 'Solid';
    const tintAndShade = fill.tintAndShade === undefined ? (fill.color === undefined ? cell.fill?.tintAndShade ?? 0 : 0) : tintOf(fill.tintAndShade, 'Range.setCellProperties');
    context.model.putCell(sheet, row, column, { ...cell, fill: pattern === 'None' || color === null ? null : { color, pattern, tintAndShade } });
  });
}
