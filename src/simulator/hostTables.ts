import { CellRange, rangeOrUndefined } from '../core';
import { contentFromWrite } from './cellContent';
import { insertRowsInFormula, shiftFormulaRows } from './formulaEngine';
import { assertUnprotected, forEachCell, sheetOf } from './hostCells';
import { HostError } from './hostError';
import { HostContext, HostObjectOf, TypeDescriptor } from './hostTypes';
import { keyCell, SheetModel, StoredCell, TableModel } from './workbookModel';

type Table = HostObjectOf<'Table'>;

export function tableOf(context: HostContext, tableId: string): TableModel {
  const table = context.model.tables.find((candidate) => candidate.id === tableId);
  if (table === undefined) throw HostError.of('ItemNotFound', 'Table');
  return table;
}

/** The table's data rows: its range without the header and totals rows. */
export function dataBodyOf(table: TableModel): CellRange {
  const top = table.range.row + (table.showHeaders ? 1 : 0);
  const rowCount = table.range.rowCount - (table.showHeaders ? 1 : 0) - (table.showTotals ? 1 : 0);
  return { row: top, column: table.range.column, rowCount, columnCount: table.range.columnCount };
}

const rangeOf = (table: TableModel, rect: CellRange | undefined, what: string) => {
  if (rect === undefined) throw HostError.of('InvalidOperation', `Table.${what}`);
  return { type: 'Range' as const, sheetId: table.sheetId, rect };
};

export const TABLE: TypeDescriptor<Table> = {
  id: ({ tableId }) => tableId,
  properties: {
    id: { since: 1, get: ({ tableId }) => tableId },
    name: { since: 1, get: ({ tableId }, context) => tableOf(context, tableId).name },
    showHeaders: { since: 1, get: ({ tableId }, context) => tableOf(context, tableId).showHeaders },
    showTotals: { since: 1, get: ({ tableId }, context) => tableOf(context, tableId).showTotals },
  },
  navigation: {
    columns: { since: 1, get: ({ tableId }) => ({ type: 'TableColumnCollection', tableId }) },
    rows: { since: 1, get: ({ tableId }) => ({ type: 'TableRowCollection', tableId }) },
    worksheet: { since: 2, get: ({ tableId }, context) => ({ type: 'Worksheet', sheetId: tableOf(context, tableId).sheetId }) },
  },
  methods: {
    GetRange: { since: 1, call: ({ tableId }, _args, context) => rangeOf(tableOf(context, tableId), tableOf(context, tableId).range, 'getRange') },
    GetHeaderRowRange: {
      since: 1,
      call: ({ tableId }, _args, context) => {
        const table = tableOf(context, tableId);
        return rangeOf(table, table.showHeaders ? { ...table.range, rowCount: 1 } : undefined, 'getHeaderRowRange');
      },
    },
    GetDataBodyRange: { since: 1, call: ({ tableId }, _args, context) => rangeOf(tableOf(context, tableId), dataBodyOf(tableOf(context, tableId)), 'getDataBodyRange') },
    GetTotalRowRange: {
      since: 1,
      call: ({ tableId }, _args, context) => {
        const table = tableOf(context, tableId);
        return rangeOf(table, table.showTotals ? { ...table.range, row: table.range.row + table.range.rowCount - 1, rowCount: 1 } : undefined, 'getTotalRowRange');
      },
    },
  },
};

function tablesIn(context: HostContext, sheetId: string | undefined): TableModel[] {
  return sheetId === undefined ? context.model.tables : context.model.tables.filter((table) => table.sheetId === sheetId);
}

function tableByKey(context: HostContext, sheetId: string | undefined, key: unknown): TableModel | undefined {
  if (typeof key !== 'string') throw HostError.invalidArgument('key', 'TableCollection.getItem');
  const lower = key.toLowerCase();
  return tablesIn(context, sheetId).find((table) => table.id === key || table.name.toLowerCase() === lower);
}

export const TABLE_COLLECTION: TypeDescriptor<HostObjectOf<'TableCollection'>> = {
  items: ({ sheetId }, context) => tablesIn(context, sheetId).map((table) => ({ type: 'Table', tableId: table.id })),
  indexer: {
    since: 1,
    call: ({ sheetId }, args, context) => {
      const table = tableByKey(context, sheetId, args[0]);
      if (table === undefined) throw HostError.of('ItemNotFound', 'TableCollection.getItem');
      return { type: 'Table', tableId: table.id };
    },
  },
  methods: {
    GetItemOrNullObject: {
      since: 4,
      call: ({ sheetId }, args, context) => {
        const table = tableByKey(context, sheetId, args[0]);
        return table === undefined ? null : { type: 'Table', tableId: table.id };
      },
    },
    GetCount: { since: 4, call: ({ sheetId }, _args, context) => tablesIn(context, sheetId).length },
  },
};

export const TABLE_COLUMN_COLLECTION: TypeDescriptor<HostObjectOf<'TableColumnCollection'>> = {
  items: ({ tableId }, context) => tableOf(context, tableId).columns.map((_name, index) => ({ type: 'TableColumn', tableId, index })),
  methods: { GetCount: { since: 4, call: ({ tableId }, _args, context) => tableOf(context, tableId).columns.length } },
};

export const TABLE_COLUMN: TypeDescriptor<HostObjectOf<'TableColumn'>> = {
  id: ({ index }) => String(index + 1),
  properties: {
    id: { since: 1, get: ({ index }) => String(index + 1) },
    index: { since: 1, get: ({ index }) => index },
    name: { since: 1, get: ({ tableId, index }, context) => tableOf(context, tableId).columns[index] },
  },
};

export const TABLE_ROW: TypeDescriptor<HostObjectOf<'TableRow'>> = {
  methods: {
    GetRange: {
      since: 1,
      call: ({ tableId, index }, _args, context) => {
        const table = tableOf(context, tableId);
        const body = dataBodyOf(table);
        return { type: 'Range', sheetId: table.sheetId, rect: { ...body, row: body.row + index, rowCount: 1 } };
      },
    },
  },
  properties: {
    index: { since: 1, get: ({ index }) => index },
    values: {
      since: 1,
      get: ({ tableId, index }, context) => {
        const table = tableOf(context, tableId);
        const body = dataBodyOf(table);
        const sheet = sheetOf(context, table.sheetId);
        return [Array.from({ length: body.columnCount }, (_, c) => {
          const cell = context.model.cellAt(sheet, body.row + index, body.column + c);
          return cell.error ?? cell.value;
        })];
      },
    },
  },
};

export const TABLE_ROW_COLLECTION: TypeDescriptor<HostObjectOf<'TableRowCollection'>> = {
  methods: {
    GetCount: { since: 4, call: ({ tableId }, _args, context) => dataBodyOf(tableOf(context, tableId)).rowCount },
    Add: { since: 1, call: ({ tableId }, args, context) => addRows(context, tableOf(context, tableId), args[0], args[1]) },
  },
};

/**
 * `table.rows.add(index, values)`: inserts rows into the table, shifting what is below them within its
 * columns; the new rows take the number formats and fills of the row above and extend its formulas
 * (a calculated column), except where `values` give a value.
 */
function addRows(context: HostContext, table: TableModel, index: unknown, values: unknown): HostObjectOf<'TableRow'> {
  const sheet = sheetOf(context, table.sheetId);
  assertUnprotected(sheet, 'TableRowCollection.add');
  const body = dataBodyOf(table);
  const rows = Array.isArray(values) ? (values as unknown[][]) : [];
  if (rows.length === 0 || !rows.every((row) => Array.isArray(row) && row.length === table.columns.length)) throw HostError.invalidArgument('values', 'TableRowCollection.add');
  const at = index === null || index === undefined ? body.rowCount : (index as number);
  if (!Number.isInteger(at) || at < 0 || at > body.rowCount) throw HostError.invalidArgument('index', 'TableRowCollection.add');
  const insertAt = body.row + at;
  shiftDown(context, sheet, { row: insertAt, column: table.range.column, rowCount: 1, columnCount: table.range.columnCount }, rows.length);
  const template = at > 0 ? insertAt - 1 : undefined;
  const inserted = rangeOrUndefined(insertAt, table.range.column, rows.length, table.range.columnCount) as CellRange;
  forEachCell(inserted, (row, column, r, c) => {
    const above: StoredCell | undefined = template === undefined ? undefined : context.model.cellAt(sheet, template, column);
    const numberFormat = above?.numberFormat;
    const content = contentFromWrite(rows[r][c], 'TableRowCollection.add', numberFormat, context.model.date1904);
    const formula = content === undefined && above?.formula !== undefined ? shiftFormulaRows(above.formula, row - (template as number)) : undefined;
    const written = content ?? (formula === undefined ? { value: '' as const } : { value: '' as const, formula });
    context.model.putCell(sheet, row, column, { ...written, fill: above?.fill ?? null, numberFormat: numberFormat ?? content?.impliedNumberFormat });
  });
  context.model.setTableRange(table, { ...table.range, rowCount: table.range.rowCount + rows.length });
  context.changes.push({ sheetId: sheet.id, rect: inserted, changeType: 'RowInserted' });
  return { type: 'TableRow', tableId: table.id, index: at };
}

/** Moves every stored cell of the columns of `from`, from its row down, `count` rows further down; formulas of the sheet follow the cells they read. */
function shiftDown(context: HostContext, sheet: SheetModel, from: CellRange, count: number): void {
  const moving: Array<[number, number, StoredCell]> = [];
  for (const [key, cell] of sheet.cells) {
    const { row, column } = keyCell(key);
    if (row >= from.row && column >= from.column && column < from.column + from.columnCount) moving.push([row, column, cell]);
  }
  moving.sort((a, b) => b[0] - a[0]);
  for (const [row, column, cell] of moving) {
    context.model.putCell(sheet, row + count, column, cell);
    context.model.putCell(sheet, row, column, { value: '', fill: null });
  }
  for (const key of [...sheet.formulaKeys]) {
    const { row, column } = keyCell(key);
    const cell = context.model.cellAt(sheet, row, column);
    const formula = insertRowsInFormula(cell.formula as string, from.row, count);
    if (formula !== cell.formula) context.model.putCell(sheet, row, column, { ...cell, formula });
  }
  for (const table of context.model.tablesOf(sheet)) {
    if (table.range.row >= from.row + 1 && table.range.column < from.column + from.columnCount && table.range.column + table.range.columnCount > from.column) {
      context.model.setTableRange(table, { ...table.range, row: table.range.row + count });
    }
  }
}
