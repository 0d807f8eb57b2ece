import { apiValue, contentFromApiValue, displayText, formulaText, valueType } from './cellContent';
import { CellRange, formatSheetRangeAddress, MAX_COLUMNS, MAX_ROWS, rangeOrUndefined } from '../core';
import { ProxyOrigin, ScalarReader, SimulatedClientObject, SimulatedClientResult } from './simulatedClientObject';
import { SimulatedOfficeError } from './simulatedOfficeError';
import { SimulatedRangeFormat, cellFillSummary, fillFromApiColor } from './simulatedRangeFormat';
import type { SimulatedRequestContext, SyncSession } from './simulatedRequestContext';
import { SimulatedWorksheet } from './simulatedWorksheet';
import { SheetModel, StoredCell } from './workbookModel';

/** Where a Range proxy points once a sync has resolved it. */
export interface ResolvedRange {
  readonly sheet: SheetModel;
  readonly rect: CellRange;
}

/** Finds a range at sync time; null makes a null object (the *OrNullObject methods). */
export type RangeResolver = (session: SyncSession) => ResolvedRange | null;

/** The subset of `Excel.CellPropertiesLoadOptions` the simulator answers. */
export interface CellPropertiesSelection {
  readonly address?: boolean;
  readonly addressLocal?: boolean;
  readonly hidden?: boolean;
  readonly format?: { readonly fill?: { readonly color?: boolean; readonly pattern?: boolean; readonly tintAndShade?: boolean } };
}

/** One cell of `getCellProperties`' answer, holding only what was asked for. */
export interface SimulatedCellProperties {
  address?: string;
  addressLocal?: string;
  hidden?: boolean;
  format?: { fill?: { color?: string; pattern?: string; tintAndShade?: number | null } };
}

/** One cell of a `setCellProperties` argument; only the fill is modelled. */
export interface SimulatedSettableCellProperties {
  readonly format?: { readonly fill?: { readonly color?: string; readonly pattern?: string } };
}

export type ClearApplyTo = 'All' | 'Formats' | 'Contents';

/** Fails a read of more cells than Excel allows in one get operation. */
export function assertReadable(session: SyncSession, cellCount: number): void {
  if (cellCount > session.limits.cellsPerRead) throw SimulatedOfficeError.of('RangeExceedsLimit');
}

function matrix<T>(session: SyncSession, { sheet, rect }: ResolvedRange, read: (cell: StoredCell) => T): T[][] {
  assertReadable(session, rect.rowCount * rect.columnCount);
  const rows: T[][] = [];
  for (let r = 0; r < rect.rowCount; r++) {
    const row: T[] = [];
    for (let c = 0; c < rect.columnCount; c++) row.push(read(session.model.cellAt(sheet, rect.row + r, rect.column + c)));
    rows.push(row);
  }
  return rows;
}

/** Range scalars as a sync reads them; also used for the items of `RangeAreas.areas`. */
export const RANGE_PROPERTIES: Readonly<Record<string, (session: SyncSession, range: ResolvedRange) => unknown>> = {
  address: (_session, { sheet, rect }) => formatSheetRangeAddress(sheet.name, rect),
  addressLocal: (_session, { sheet, rect }) => formatSheetRangeAddress(sheet.name, rect),
  cellCount: (_session, { rect }) => rect.rowCount * rect.columnCount,
  columnCount: (_session, { rect }) => rect.columnCount,
  columnIndex: (_session, { rect }) => rect.column,
  rowCount: (_session, { rect }) => rect.rowCount,
  rowIndex: (_session, { rect }) => rect.row,
  values: (session, range) => matrix(session, range, apiValue),
  valueTypes: (session, range) => matrix(session, range, valueType),
  text: (session, range) => matrix(session, range, (cell) => displayText(cell, session.model.date1904)),
  numberFormat: (session, range) => matrix(session, range, (cell) => cell.numberFormat ?? 'General'),
  formulas: (session, range) => matrix(session, range, formulaText),
};

/**
 * A 2-D input for a rectangle: a scalar fills every cell (Office.js accepts it at runtime, though the
 * typings say any[][]); an array must match the rectangle exactly, else InvalidArgument.
 */
function gridOf(input: unknown, rect: CellRange, location: string): (row: number, column: number) => unknown {
  if (input === null || input === undefined) throw SimulatedOfficeError.invalidArgument(location, location);
  if (!Array.isArray(input)) return () => input;
  const fits = input.length === rect.rowCount && input.every((row) => Array.isArray(row) && row.length === rect.columnCount);
  if (!fits) throw SimulatedOfficeError.invalidArgument(location, location);
  return (row, column) => (input as unknown[][])[row][column];
}

function selectCellProperties(options: unknown): CellPropertiesSelection {
  const allowed: Record<string, unknown> = { address: true, addressLocal: true, hidden: true, format: { fill: { color: true, pattern: true, tintAndShade: true } } };
  const check = (value: unknown, shape: unknown, path: string): void => {
    if (typeof value !== 'object' || value === null) throw SimulatedOfficeError.invalidArgument('cellPropertiesLoadOptions', 'Range.getCellProperties');
    for (const [key, inner] of Object.entries(value)) {
      const expected = (shape as Record<string, unknown>)[key];
      if (expected === undefined) throw SimulatedOfficeError.notSimulated(`getCellProperties ${path}${key}`);
      if (expected !== true) check(inner, expected, `${path}${key}.`);
    }
  };
  check(options, allowed, '');
  return options as CellPropertiesSelection;
}

function checkSettableCellProperties(data: unknown): void {
  if (!Array.isArray(data)) return;
  for (const row of data) {
    if (!Array.isArray(row)) continue;
    for (const cell of row as unknown[]) {
      if (cell === null || cell === undefined) continue;
      for (const key of Object.keys(cell)) if (key !== 'format') throw SimulatedOfficeError.notSimulated(`setCellProperties ${key}`);
      const format = (cell as SimulatedSettableCellProperties).format ?? {};
      for (const key of Object.keys(format)) if (key !== 'fill') throw SimulatedOfficeError.notSimulated(`setCellProperties format.${key}`);
      for (const key of Object.keys(format.fill ?? {})) {
        if (key !== 'color' && key !== 'pattern') throw SimulatedOfficeError.notSimulated(`setCellProperties format.fill.${key}`);
      }
    }
  }
}

/** `Excel.Range`. */
export class SimulatedRange extends SimulatedClientObject {
  private readonly resolver: RangeResolver;
  private pinned: { readonly sheetId: string; readonly rect: CellRange } | undefined;
  private formatProxy: SimulatedRangeFormat | undefined;
  private worksheetProxy: SimulatedWorksheet | undefined;

  constructor(context: SimulatedRequestContext, resolver: RangeResolver, origin: ProxyOrigin) {
    super(context, 'Range', origin);
    this.resolver = resolver;
  }

  protected override instantiate(session: SyncSession): boolean {
    const resolved = this.resolver(session);
    if (resolved === null) return true;
    // Like Office.js's reference ids: a range keeps the cells it was resolved to (a used range does not grow later).
    this.pinned = { sheetId: resolved.sheet.id, rect: resolved.rect };
    return false;
  }

  /** The sheet and cells at sync time. */
  target(session: SyncSession): ResolvedRange {
    if (this.resolvedAsNull) throw SimulatedOfficeError.of('ItemNotFound', 'Range');
    if (this.pinned === undefined && this.instantiate(session)) throw SimulatedOfficeError.of('ItemNotFound', 'Range');
    const pinned = this.pinned as { sheetId: string; rect: CellRange };
    const sheet = session.model.sheetById(pinned.sheetId);
    if (sheet === undefined) throw SimulatedOfficeError.of('ItemNotFound', 'Range');
    return { sheet, rect: pinned.rect };
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    const readers: Record<string, ScalarReader> = {};
    for (const [name, read] of Object.entries(RANGE_PROPERTIES)) readers[name] = (session) => read(session, this.target(session));
    return readers;
  }

  protected override navigationProperty(name: string): SimulatedClientObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  get format(): SimulatedRangeFormat {
    this.assertUsable();
    this.formatProxy ??= new SimulatedRangeFormat(
      this.context,
      (session) => {
        const { sheet, rect } = this.target(session);
        return { sheet, rects: [rect] };
      },
      { parentPathId: this.pathId, name: 'Format' },
    );
    return this.formatProxy;
  }

  get worksheet(): SimulatedWorksheet {
    this.assertUsable();
    this.worksheetProxy ??= new SimulatedWorksheet(this.context, (session) => this.target(session).sheet, { parentPathId: this.pathId, name: 'Worksheet' });
    return this.worksheetProxy;
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get addressLocal(): string {
    return this.loadedValue('addressLocal');
  }
  get cellCount(): number {
    return this.loadedValue('cellCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get valueTypes(): string[][] {
    return this.loadedValue('valueTypes');
  }
  get text(): string[][] {
    return this.loadedValue('text');
  }

  get values(): unknown[][] {
    return this.loadedValue('values');
  }

  set values(values: unknown[][]) {
    this.queueSet('values', values, (session) => this.writeValues(session, values, 'Range.values'));
  }

  /** Formulas are stored, never evaluated: see `contentFromApiValue`. */
  get formulas(): unknown[][] {
    return this.loadedValue('formulas');
  }

  set formulas(formulas: unknown[][]) {
    this.queueSet('formulas', formulas, (session) => this.writeValues(session, formulas, 'Range.formulas'));
  }

  get numberFormat(): unknown[][] {
    return this.loadedValue('numberFormat');
  }

  set numberFormat(formats: unknown[][]) {
    this.queueSet('numberFormat', formats, (session) => {
      const { sheet, rect } = this.target(session);
      const grid = gridOf(formats, rect, 'Range.numberFormat');
      this.forEachCell(rect, (row, column, r, c) => {
        const format = grid(r, c);
        if (format === null) return;
        if (typeof format !== 'string') throw SimulatedOfficeError.invalidArgument('numberFormat', 'Range.numberFormat');
        const cell = session.model.cellAt(sheet, row, column);
        // '' resets the format to General (learn.microsoft.com "Blank and null values").
        session.model.putCell(sheet, row, column, { ...cell, numberFormat: format === '' ? undefined : format });
      });
    });
  }

  private forEachCell(rect: CellRange, visit: (row: number, column: number, r: number, c: number) => void): void {
    for (let r = 0; r < rect.rowCount; r++) for (let c = 0; c < rect.columnCount; c++) visit(rect.row + r, rect.column + c, r, c);
  }

  private writeValues(session: SyncSession, input: unknown, location: string): void {
    const { sheet, rect } = this.target(session);
    const grid = gridOf(input, rect, location);
    const model = session.model;
    let before: StoredCell | undefined;
    this.forEachCell(rect, (row, column, r, c) => {
      const cell = model.cellAt(sheet, row, column);
      const content = contentFromApiValue(grid(r, c), location, cell.numberFormat === '@', model.date1904);
      if (content === undefined) return;
      before = cell;
      const { fill, numberFormat } = cell;
      model.putCell(sheet, row, column, {
        value: content.value,
        ...(content.error === undefined ? {} : { error: content.error }),
        ...(content.formula === undefined ? {} : { formula: content.formula }),
        fill,
        numberFormat: numberFormat ?? content.impliedNumberFormat,
      });
    });
    const single = rect.rowCount === 1 && rect.columnCount === 1 && before !== undefined ? { before, after: model.cellAt(sheet, rect.row, rect.column) } : undefined;
    session.changes.push({ sheetId: sheet.id, rect, ...(single === undefined ? {} : { single }) });
  }

  /** Per-cell address and fill (ExcelApi 1.9); pattern 'None' vs 'Solid' tells "No Fill" from white. */
  getCellProperties(cellPropertiesLoadOptions: CellPropertiesSelection): SimulatedClientResult<SimulatedCellProperties[][]> {
    const selection = selectCellProperties(cellPropertiesLoadOptions);
    const result = new SimulatedClientResult<SimulatedCellProperties[][]>();
    this.queueMethod(
      'GetCellProperties',
      [cellPropertiesLoadOptions],
      (session) => {
        const range = this.target(session);
        return matrix(session, range, (cell) => cell).map((row, r) =>
          row.map((cell, c) => this.cellProperties(selection, range, cell, r, c)),
        );
      },
      (value) => result.fill(value as SimulatedCellProperties[][]),
    );
    return result;
  }

  private cellProperties(selection: CellPropertiesSelection, { sheet, rect }: ResolvedRange, cell: StoredCell, r: number, c: number): SimulatedCellProperties {
    const properties: SimulatedCellProperties = {};
    const address = formatSheetRangeAddress(sheet.name, { row: rect.row + r, column: rect.column + c, rowCount: 1, columnCount: 1 });
    if (selection.address === true) properties.address = address;
    if (selection.addressLocal === true) properties.addressLocal = address;
    if (selection.hidden === true) properties.hidden = false;
    const fillWanted = selection.format?.fill;
    if (fillWanted !== undefined) {
      const summary = cellFillSummary(cell.fill);
      const fill: { color?: string; pattern?: string; tintAndShade?: number | null } = {};
      if (fillWanted.color === true) fill.color = summary.color ?? undefined;
      if (fillWanted.pattern === true) fill.pattern = summary.pattern ?? undefined;
      if (fillWanted.tintAndShade === true) fill.tintAndShade = summary.tintAndShade;
      properties.format = { fill };
    }
    return properties;
  }

  /** Per-cell fills (ExcelApi 1.9); the array must match the range; null entries leave cells alone. */
  setCellProperties(cellPropertiesData: SimulatedSettableCellProperties[][]): void {
    checkSettableCellProperties(cellPropertiesData);
    this.queueMethod('SetCellProperties', [cellPropertiesData], (session) => {
      const { sheet, rect } = this.target(session);
      const fits =
        Array.isArray(cellPropertiesData) &&
        cellPropertiesData.length === rect.rowCount &&
        cellPropertiesData.every((row) => Array.isArray(row) && row.length === rect.columnCount);
      if (!fits) throw SimulatedOfficeError.invalidArgument('cellPropertiesData', 'Range.setCellProperties');
      this.forEachCell(rect, (row, column, r, c) => {
        const fill = cellPropertiesData[r][c]?.format?.fill;
        if (fill === undefined || fill === null) return;
        const cell = session.model.cellAt(sheet, row, column);
        if (fill.pattern === 'None') {
          session.model.putCell(sheet, row, column, { ...cell, fill: null });
          return;
        }
        if (fill.pattern !== undefined && fill.pattern !== 'Solid') throw SimulatedOfficeError.notSimulated(`fill pattern ${fill.pattern}`);
        if (fill.color === undefined) return;
        session.model.putCell(sheet, row, column, { ...cell, fill: fillFromApiColor(fill.color, 'Range.setCellProperties') });
      });
    });
  }

  select(): void {
    this.queueMethod('Select', [], (session) => {
      const { sheet, rect } = this.target(session);
      session.model.select(sheet, [rect]);
    });
  }

  /** Clears contents, formats or both (ClearApplyTo "Contents", "Formats", "All"). */
  clear(applyTo: ClearApplyTo = 'All'): void {
    if (!['All', 'Formats', 'Contents'].includes(applyTo)) throw SimulatedOfficeError.notSimulated(`Range.clear("${applyTo}")`);
    this.queueMethod('Clear', [applyTo], (session) => {
      const { sheet, rect } = this.target(session);
      const stored: Array<[number, number, StoredCell]> = [];
      session.model.forEachStoredCell(sheet, rect, (cell, row, column) => stored.push([row, column, cell]));
      for (const [row, column, cell] of stored) {
        const keepContent = applyTo === 'Formats';
        const keepFormat = applyTo === 'Contents';
        session.model.putCell(sheet, row, column, {
          value: keepContent ? cell.value : '',
          ...(keepContent && cell.error !== undefined ? { error: cell.error } : {}),
          ...(keepContent && cell.formula !== undefined ? { formula: cell.formula } : {}),
          fill: keepFormat ? cell.fill : null,
          numberFormat: keepFormat ? cell.numberFormat : undefined,
        });
      }
      if (applyTo !== 'Formats') session.changes.push({ sheetId: sheet.id, rect });
    });
  }

  /** A cell relative to this range; it may lie outside the range but not outside the grid. */
  getCell(row: number, column: number): SimulatedRange {
    return this.derived('GetCell', [row, column], (rect) => rangeOrUndefined(rect.row + row, rect.column + column, 1, 1));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): SimulatedRange {
    return this.derived('GetResizedRange', [deltaRows, deltaColumns], (rect) =>
      rangeOrUndefined(rect.row, rect.column, rect.rowCount + deltaRows, rect.columnCount + deltaColumns),
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): SimulatedRange {
    return this.derived('GetOffsetRange', [rowOffset, columnOffset], (rect) =>
      rangeOrUndefined(rect.row + rowOffset, rect.column + columnOffset, rect.rowCount, rect.columnCount),
    );
  }

  getRow(row: number): SimulatedRange {
    return this.derived('GetRow', [row], (rect) => (row < rect.rowCount ? rangeOrUndefined(rect.row + row, rect.column, 1, rect.columnCount) : undefined));
  }

  getColumn(column: number): SimulatedRange {
    return this.derived('GetColumn', [column], (rect) => (column < rect.columnCount ? rangeOrUndefined(rect.row, rect.column + column, rect.rowCount, 1) : undefined));
  }

  getEntireRow(): SimulatedRange {
    return this.derived('GetEntireRow', [], (rect) => rangeOrUndefined(rect.row, 0, rect.rowCount, MAX_COLUMNS));
  }

  getEntireColumn(): SimulatedRange {
    return this.derived('GetEntireColumn', [], (rect) => rangeOrUndefined(0, rect.column, MAX_ROWS, rect.columnCount));
  }

  /** The used part of this range; ItemNotFound at sync when none of it is used (typings of Range.getUsedRange). */
  getUsedRange(valuesOnly?: boolean): SimulatedRange {
    return this.usedRange(valuesOnly === true, false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): SimulatedRange {
    return this.usedRange(valuesOnly === true, true);
  }

  private usedRange(valuesOnly: boolean, orNull: boolean): SimulatedRange {
    this.assertUsable();
    return new SimulatedRange(
      this.context,
      (session) => {
        const { sheet, rect } = this.target(session);
        const used = session.model.usedRect(sheet, valuesOnly);
        const top = Math.max(rect.row, used?.row ?? Infinity);
        const left = Math.max(rect.column, used?.column ?? Infinity);
        const bottom = Math.min(rect.row + rect.rowCount, used === undefined ? -1 : used.row + used.rowCount);
        const right = Math.min(rect.column + rect.columnCount, used === undefined ? -1 : used.column + used.columnCount);
        const overlap = rangeOrUndefined(top, left, bottom - top, right - left);
        if (overlap !== undefined) return { sheet, rect: overlap };
        if (orNull) return null;
        throw SimulatedOfficeError.of('ItemNotFound', 'Range.getUsedRange');
      },
      { parentPathId: this.pathId, name: orNull ? 'GetUsedRangeOrNullObject' : 'GetUsedRange', args: [valuesOnly] },
    );
  }

  private derived(name: string, args: readonly number[], derive: (rect: CellRange) => CellRange | undefined): SimulatedRange {
    this.assertUsable();
    return new SimulatedRange(
      this.context,
      (session) => {
        const { sheet, rect } = this.target(session);
        const next = args.every(Number.isInteger) ? derive(rect) : undefined;
        // Office.js reports a range pushed off the grid as InvalidArgument.
        if (next === undefined) throw SimulatedOfficeError.invalidArgument(name, `Range.${name}`);
        return { sheet, rect: next };
      },
      { parentPathId: this.pathId, name, args },
    );
  }
}
