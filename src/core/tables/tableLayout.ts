import { normalizeHeader } from '../catalog/normalizeName';
import { cellText, CellValue, SheetSnapshot, TableSnapshot } from '../model/snapshot';

export const BOOKING_FIELDS = [
  'id', 'lab', 'team', 'workload', 'provider', 'region', 'silicon', 'chips', 'start', 'end', 'tflops', 'block',
  'status', 'priority', 'owner', 'notes', 'booked',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

/** How each column is named in the tables people keep; compared after `normalizeHeader`. */
export const FIELD_SYNONYMS: Readonly<Record<BookingField, readonly string[]>> = {
  id: ['ID', 'Booking ID', 'Reservation ID', 'Ref', 'Reference', 'Booking ref', 'Booking'],
  lab: ['Lab', 'Organization', 'Organisation', 'Org', 'Company'],
  team: ['Team', 'Group', 'Project'],
  workload: ['Workload', 'Run type', 'Purpose', 'Job type', 'Use'],
  provider: ['Provider', 'Cloud', 'Cloud provider', 'CSP'],
  region: ['Region', 'Location', 'Zone', 'Site', 'Data center', 'Datacentre', 'Availability zone', 'AZ'],
  silicon: ['Silicon', 'Chip', 'Accelerator', 'Hardware', 'Chip type', 'Accelerator type', 'GPU', 'GPU type', 'Silicon type'],
  chips: ['Chips', 'Chip count', 'Count', 'Accelerators', '# chips', 'Num chips', 'No of chips', 'Number of chips', 'Quantity', 'Qty', 'GPUs', 'GPU count', 'Accelerator count'],
  start: ['Start', 'Start date', 'From', 'Begin', 'Begins', 'Start day', 'From date', 'Starts'],
  end: ['End', 'End date', 'To', 'Until', 'Finish', 'Through', 'Ends', 'End day', 'To date', 'Finish date'],
  tflops: ['TFLOPS', 'Teraflops', 'TFLOP/s', 'Peak TFLOPS', 'Total TFLOPS', 'BF16 TFLOPS'],
  block: ['Block', 'Block ID', 'Cluster', 'Capacity block', 'Reservation block'],
  status: ['Status', 'State', 'Booking status'],
  priority: ['Priority', 'Prio'],
  owner: ['Owner', 'Contact', 'Requester', 'Requested by', 'Booked by'],
  notes: ['Notes', 'Comments', 'Note', 'Comment', 'Remarks'],
  booked: ['Booked', 'Booked at', 'Booked on', 'Booking date', 'Date booked', 'Created', 'Created at', 'Created on'],
};

/** How reports name each column when the sheet does not have it. */
export const FIELD_LABELS: Readonly<Record<BookingField, string>> = {
  id: 'ID', lab: 'Lab', team: 'Team', workload: 'Workload', provider: 'Provider', region: 'Region', silicon: 'Silicon',
  chips: 'Chips', start: 'Start', end: 'End', tflops: 'TFLOPS', block: 'Block', status: 'Status', priority: 'Priority',
  owner: 'Owner', notes: 'Notes', booked: 'Booked',
};

export const ALLOCATION_REQUIRED: readonly BookingField[] = ['provider', 'region', 'silicon', 'start', 'end'];
export const CAPACITY_REQUIRED: readonly BookingField[] = ['provider', 'region', 'silicon', 'chips', 'start', 'end'];
/** Columns that describe who booked what: a capacity table has none of them. */
const BOOKING_ONLY: readonly BookingField[] = ['team', 'workload', 'status'];

/** Rows scanned for a header, so a title or a note may sit above the table. */
export const HEADER_SEARCH_ROWS = 20;

/** Further names of a Capacity table's Lab column, which says whose reserved capacity a row is. */
export const CAPACITY_LAB_SYNONYMS: readonly string[] = ['Reserved for', 'Reserved by', 'Owner lab', 'Owning lab'];

/** Which table a header belongs to: a Capacity table knows more names for Lab. */
export type TableKind = 'allocation' | 'capacity';

const FIELD_BY_HEADER: ReadonlyMap<string, BookingField> = new Map(
  BOOKING_FIELDS.flatMap((field) => FIELD_SYNONYMS[field].map((name) => [normalizeHeader(name), field] as [string, BookingField])),
);
const CAPACITY_FIELD_BY_HEADER: ReadonlyMap<string, BookingField> = new Map([
  ...FIELD_BY_HEADER,
  ...CAPACITY_LAB_SYNONYMS.map((name) => [normalizeHeader(name), 'lab'] as [string, BookingField]),
]);

export interface ColumnRef {
  readonly index: number;
  /** The header as the sheet spells it. */
  readonly header: string;
}

/** Where a table sits: its sheet, header row and the column of each field it has. */
export interface TableLayout {
  readonly sheetName: string;
  /**
   * Sheet row (1-based) of the header; the data starts on the next row. For an Excel table without a
   * header row, the row above its first data row.
   */
  readonly headerRow: number;
  /** The Excel table holding the data, when one does (its totals row and the cells around it are not data). */
  readonly table?: TableSnapshot;
  /** Sheet row (1-based) of the last data row: the row above the totals row or the table's last row; absent for a plain range, whose data runs to the sheet's end. */
  readonly lastDataRow?: number;
  readonly columns: Partial<Record<BookingField, ColumnRef>>;
  /** Later columns whose header repeats an earlier one's field; the first is used. */
  readonly duplicateColumns: ReadonlyArray<{ field: BookingField; column: ColumnRef }>;
}

/** The field a header cell names, if any ("Start date (UTC)" → start). */
export function fieldOfHeader(value: CellValue | undefined, kind: TableKind = 'allocation'): BookingField | undefined {
  const text = cellText(value);
  if (text === '') return undefined;
  const byHeader = kind === 'capacity' ? CAPACITY_FIELD_BY_HEADER : FIELD_BY_HEADER;
  return byHeader.get(normalizeHeader(text)) ?? byHeader.get(normalizeHeader(text.replace(/\([^)]*\)/g, '')));
}

/** The layout a row of header texts gives, columns counted from `firstColumn`. */
function layoutOfHeaders(sheetName: string, headerRow: number, headers: ReadonlyArray<CellValue | undefined>, kind: TableKind, firstColumn = 0): TableLayout {
  const columns: Partial<Record<BookingField, ColumnRef>> = {};
  const duplicateColumns: Array<{ field: BookingField; column: ColumnRef }> = [];
  headers.forEach((value, offset) => {
    const field = fieldOfHeader(value, kind);
    if (field === undefined) return;
    const column = { index: firstColumn + offset, header: cellText(value) };
    if (columns[field] === undefined) columns[field] = column;
    else duplicateColumns.push({ field, column });
  });
  return { sheetName, headerRow, columns, duplicateColumns };
}

function layoutOfRow(sheet: SheetSnapshot, rowIndex: number, kind: TableKind): TableLayout {
  return layoutOfHeaders(sheet.name, rowIndex + 1, sheet.rows[rowIndex] ?? [], kind);
}

/**
 * The layout of an Excel table: its header cells (or, without a header row, its column names) name
 * the fields, and its data body alone holds the rows.
 */
export function layoutOfTable(sheet: SheetSnapshot, table: TableSnapshot, kind: TableKind): TableLayout {
  const { row, column, rowCount, columnCount } = table.range;
  const headerCells = table.hasHeaderRow
    ? Array.from({ length: columnCount }, (_, offset) => sheet.rows[row]?.[column + offset] ?? table.columns[offset])
    : table.columns;
  // headerRow is the sheet row just above the first data row, so the data starts where it always does.
  const headerRow = table.hasHeaderRow ? row + 1 : row;
  const lastDataRow = row + rowCount - (table.hasTotalsRow ? 1 : 0);
  return { ...layoutOfHeaders(sheet.name, headerRow, headerCells, kind, column), table, lastDataRow };
}

function countPresent(layout: TableLayout, fields: readonly BookingField[]): number {
  return fields.filter((field) => layout.columns[field] !== undefined).length;
}

/** The first row within the search window that names every one of `fields`. */
export function findHeader(sheet: SheetSnapshot, fields: readonly BookingField[], kind: TableKind = 'allocation'): TableLayout | undefined {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const layout = layoutOfRow(sheet, rowIndex, kind);
    if (namesAll(layout, fields)) return layout;
  }
  return undefined;
}

/** Whether the layout has a column for every one of `fields`. */
export function namesAll(layout: TableLayout, fields: readonly BookingField[]): boolean {
  return countPresent(layout, fields) === fields.length;
}

/** The row naming most of `fields` (at least `minimum`), for reporting which columns are missing. */
export function findPartialHeader(sheet: SheetSnapshot, fields: readonly BookingField[], minimum: number, kind: TableKind = 'allocation'): TableLayout | undefined {
  let best: TableLayout | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const layout = layoutOfRow(sheet, rowIndex, kind);
    const present = countPresent(layout, fields);
    if (present >= minimum && (best === undefined || present > countPresent(best, fields))) best = layout;
  }
  return best;
}

export function isCapacityLayout(layout: TableLayout): boolean {
  return namesAll(layout, CAPACITY_REQUIRED) && countPresent(layout, BOOKING_ONLY) === 0;
}

/** A sheet's Excel tables in reading order: by their top-left cell, top to bottom, then left to right. */
export function tablesInReadingOrder(sheet: SheetSnapshot): TableSnapshot[] {
  return [...(sheet.tables ?? [])].sort((a, b) => a.range.row - b.range.row || a.range.column - b.range.column);
}
